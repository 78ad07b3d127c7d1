"""The server on bad requests that the command-line corpus cannot reach: edits when it was named
no glossary, and a model that fails while decoding. Through the real app in-process; the curated
glossaries it serves without ``-g`` are a copy, so that a failure here cannot touch the real ones.
"""

from __future__ import annotations

import hashlib
import shutil
import warnings
from pathlib import Path

import pytest

import diglot.server.state
import diglot.translate.engines.ctranslate2
from diglot.glossary import default_glossary_dir
from diglot.server.app import create_app
from diglot.server.settings import Settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette deprecates its httpx-based test client; it still works
    from starlette.testclient import TestClient

ENTRY = {"id": "desk-talks", "type": "event", "ko": {"preferred": "남북 회담"}, "en": {"preferred": "inter-Korean talks"}}


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def bare_client(installed_model, tmp_path, monkeypatch):
    """A server started with no -g: it serves the curated glossaries (here a copy of them)."""
    curated = shutil.copytree(default_glossary_dir(), tmp_path / "curated")
    monkeypatch.setattr(diglot.server.state, "default_glossary_dir", lambda: curated)
    with TestClient(create_app(Settings()), raise_server_exceptions=False) as client:
        client.curated = curated
        yield client


def test_without_a_named_glossary_the_api_edits_nothing(bare_client):
    before = _hashes(bare_client.curated)
    some_id = bare_client.get("/api/glossary", params={"q": "탈북자"}).json()["entries"][0]["id"]
    for response in (
        bare_client.post("/api/glossary", json={"file": "organizations", "entry": ENTRY}),
        bare_client.post("/api/glossary", json={"file": str(bare_client.curated / "terms.yaml"), "entry": ENTRY}),
        bare_client.delete(f"/api/glossary/{some_id}"),
    ):
        assert response.status_code == 403, response.text
        assert "started without -g" in response.json()["error"]
    assert _hashes(bare_client.curated) == before


def test_without_a_named_glossary_the_pages_edit_nothing(bare_client):
    before = _hashes(bare_client.curated)
    form = {"file": str(bare_client.curated / "terms.yaml"), "id": "desk-talks", "type": "event",
            "ko": "남북 회담", "en": "inter-Korean talks"}
    assert bare_client.post("/glossary/add", data=form).status_code == 400
    entry = bare_client.get("/api/glossary", params={"q": "탈북자"}).json()["entries"][0]["id"]
    assert bare_client.post(f"/glossary/{entry}/edit", data={"ko": "탈북자", "en": "defector"}).status_code == 400
    assert _hashes(bare_client.curated) == before


def test_a_model_failing_while_decoding_is_a_500_with_its_reason(bare_client, monkeypatch):
    # The suite's tiny model has positions for 256 tokens: with the engine's cut into pieces
    # lifted, one longer sentence loads fine and fails in CTranslate2's decoder (a RuntimeError),
    # as a damaged model or lack of memory would.
    monkeypatch.setattr(diglot.translate.engines.ctranslate2, "MAX_SOURCE_TOKENS", 10_000)
    long_sentence = "탈북자 " * 400
    response = bare_client.post("/translate", json={"q": long_sentence, "source": "ko", "target": "en"})
    assert response.status_code == 500, response.text
    message = response.json()["error"]
    assert "failed while translating" in message and "position" in message and "\n" not in message
    assert bare_client.post("/translate", json={"q": "탈북자", "source": "ko", "target": "en"}).status_code == 200

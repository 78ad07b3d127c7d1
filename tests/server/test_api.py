"""diglot's own API (/api/) and the OpenAPI description, through the real app in-process."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from diglot.glossary import default_glossary_dir, load_glossary
from diglot.server.app import create_app
from diglot.server.settings import Settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette deprecates its httpx-based test client; it still works
    from starlette.testclient import TestClient

DATA = Path(__file__).parent / "data"
KO = "탈북자 35명이 강제 북송됐다. 정부는 우려를 표명했다."
EN = "Thirty-five N.K. defectors were forcibly repatriated. The government voiced concern."
ENTRY = {"id": "desk-talks", "type": "event", "source": "desk", "ko": {"preferred": "남북 회담"},
         "en": {"preferred": "inter-Korean talks"}}


@pytest.fixture
def client(installed_model, tmp_path):
    curated = shutil.copytree(default_glossary_dir(), tmp_path / "glossaries")
    desk = shutil.copy(DATA / "desk.yaml", tmp_path / "desk.yaml")
    app = create_app(Settings(glossary_paths=(curated, desk)))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        test_client.desk = desk
        yield test_client


def test_models(client):
    models = client.get("/api/models").json()["models"]
    assert {(m["from"], m["to"]) for m in models} == {("ko", "en"), ("en", "ko")}


def test_check_gives_the_records_of_check_json(client):
    result = client.post("/api/check", json={"source": KO, "target": EN}).json()
    first = result["records"][0]
    assert (first["bead"], first["source_segments"], first["target_segments"]) == (1, [1], [1])
    assert [(f["entry"], f["status"], f["found"]) for f in first["findings"]] == [
        ("north-korean-defector", "variant", "N.K. defector"), ("forced-repatriation", "missing", None)]
    # the variant is a warning; a term not found in its listed words is a note, counted apart
    assert (result["problems"], result["notes"]) == (1, 1) and result["signature"]["direction"] == "ko-en"
    presplit = client.post("/api/check", json={"source": "탈북자\n", "target": "defectors\n", "presplit": True}).json()
    assert presplit["records"][0]["line"] == 1


WAIVER = {"status": "variant", "entry": "north-korean-defector", "found": "N.K. defector",
          "source": "탈북자 35명이 강제 북송됐다.", "note": "headline style"}


def test_check_honours_waivers_as_diglot_check_does(client, tmp_path):
    import yaml

    from diglot.cli import main

    # The waivers file diglot check writes, sent as its text, then as an uploaded file.
    (tmp_path / "ko.txt").write_text(KO, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    assert main(["check", str(tmp_path / "ko.txt"), str(tmp_path / "en.txt"), "--waive-all"]) == 0
    written = (tmp_path / "en.txt.waivers.yaml").read_text(encoding="utf-8")
    assert len(yaml.safe_load(written)["waivers"]) == 2  # the variant and the note
    waived = client.post("/api/check", json={"source": KO, "target": EN, "waivers": written}).json()
    assert (waived["problems"], waived["notes"], waived["dismissed"]) == (0, 0, 2)
    assert all(not r["findings"] for r in waived["records"])
    uploaded = client.post("/api/check", data={"source": KO, "target": EN},
                           files={"waivers": ("en.txt.waivers.yaml", written.encode(), "application/yaml")}).json()
    assert (uploaded["problems"], uploaded["dismissed"]) == (0, 2)
    # The same records as JSON: one waiver, with white space that waivers ignore.
    one = client.post("/api/check", json={"source": KO, "target": EN,
                                          "waivers": [{**WAIVER, "source": " 탈북자 35명이  강제 북송됐다."}]}).json()
    assert (one["problems"], one["notes"], one["dismissed"]) == (0, 1, 1)
    plain = client.post("/api/check", json={"source": KO, "target": EN}).json()
    assert (plain["problems"], plain["notes"], plain["dismissed"]) == (1, 1, 0)
    # A waiver keyed by another sentence dismisses nothing.
    other = client.post("/api/check", json={"source": KO, "target": EN, "waivers": {"waivers": [
        {**WAIVER, "source": "탈북자 36명이 강제 북송됐다."}]}}).json()
    assert other["dismissed"] == 0 and other["problems"] == 1
    presplit = client.post("/api/check", json={"source": "탈북자 35명\n", "target": "35 N.K. defectors\n", "presplit": True,
                                               "waivers": [{**WAIVER, "source": "탈북자 35명"}]}).json()
    assert (presplit["problems"], presplit["dismissed"]) == (0, 1)


@pytest.mark.parametrize(
    ("waivers", "message"),
    [("waivers: [1, 2", "waivers:2:1: malformed YAML"), ([{"entry": "x"}], "expected 'waivers:'"), ("- a\n- b\n", "expected")],
)
def test_check_refuses_malformed_waivers(client, waivers, message):
    response = client.post("/api/check", json={"source": KO, "target": EN, "waivers": waivers})
    assert response.status_code == 400 and message in response.json()["error"]
    binary = client.post("/api/check", data={"source": KO, "target": EN},
                         files={"waivers": ("w.yaml", b"\x00\x01PNG", "application/octet-stream")})
    assert binary.status_code == 400 and "w.yaml looks like a binary file" in binary.json()["error"]


def test_align_gives_beads(client):
    beads = client.post("/api/align", data={"source": KO, "target": EN}).json()["beads"]
    assert [(b["source_segments"], b["target_segments"]) for b in beads] == [([1], [1]), ([2], [2])]


def test_edition_in_any_writer_format(client):
    tsv = client.post("/api/edition", json={"source": KO, "target": EN, "format": "tsv"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert "Thirty-five N.K. defectors" in tsv.text
    html = client.post("/api/edition", json={"source": KO, "target": EN})
    assert html.text.lstrip().lower().startswith("<!doctype html")
    bad = client.post("/api/edition", json={"source": KO, "target": EN, "format": "pdf"})
    assert bad.status_code == 400 and "format must be one of" in bad.json()["error"]


def test_glossary_search_show_lint(client):
    found = client.get("/api/glossary", params={"q": "탈북민들은"}).json()["entries"]
    assert found[0]["id"] == "north-korean-defector"
    entry = client.get("/api/glossary/desk-unification-church").json()
    assert entry["en"]["preferred"] == "Unification Church" and entry["file"].endswith("desk.yaml")
    assert client.get("/api/glossary/no-such-entry").status_code == 404
    assert client.get("/api/glossary/lint").json()["errors"] == 0


def test_glossary_add_and_remove_edit_the_file(client):
    added = client.post("/api/glossary", json={"file": "desk", "entry": ENTRY})
    assert added.status_code == 201
    assert "desk-talks" in load_glossary([client.desk])
    again = client.post("/api/glossary", json={"file": "desk", "entry": ENTRY})
    assert again.status_code == 400 and "duplicate id desk-talks" in again.json()["error"]
    claimed = client.post("/api/glossary", json={"file": "desk", "entry": {**ENTRY, "id": "desk-other"}})
    assert claimed.status_code == 400  # 남북 회담 is desk-talks' form already
    assert client.delete("/api/glossary/desk-talks").status_code == 204
    assert "desk-talks" not in load_glossary([client.desk])
    wrong_file = client.post("/api/glossary", json={"file": "nope", "entry": ENTRY})
    assert wrong_file.status_code == 400 and "desk" in wrong_file.json()["error"]


def test_api_bad_input(client):
    missing = client.post("/api/check", json={"source": KO})
    assert missing.status_code == 400 and "missing target" in missing.json()["error"]
    same = client.post("/api/align", json={"source": EN, "target": EN})
    assert same.status_code == 400 and "both look" in same.json()["error"]


def test_openapi_is_valid_and_describes_every_api_route(client):
    spec = client.get("/openapi.json").json()
    validate(spec)
    for path in ("/translate", "/detect", "/languages", "/translate_file", "/download_file/{name}",
                 "/frontend/settings", "/health", "/v2/translate", "/v2/glossaries/{glossary_id}/entries",
                 "/api/check", "/api/glossary/{entry}"):
        assert path in spec["paths"], path
    assert "q" in spec["paths"]["/translate"]["post"]["requestBody"]["content"]["application/json"]["schema"]["required"]
    assert "/review" not in spec["paths"]  # the web app's pages are not an API


def test_without_a_model_everything_but_translation_works(diglot_home, tmp_path):
    app = create_app(Settings(glossary_paths=(DATA / "desk.yaml",)))
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/health").json()["models"] == []
        assert client.get("/languages").json() == [
            {"code": "en", "name": "English", "targets": []}, {"code": "ko", "name": "Korean", "targets": []}]
        refused = client.post("/translate", json={"q": "통일교", "source": "ko", "target": "en"})
        assert refused.status_code == 400 and "no translation model is installed" in refused.json()["error"]
        deepl = client.post("/v2/translate", json={"text": ["통일교"], "target_lang": "EN-US"})
        assert deepl.status_code == 400 and "no translation model" in deepl.json()["message"]
        assert client.get("/api/glossary", params={"q": "통일교"}).json()["entries"][0]["id"] == "desk-unification-church"
        assert client.post("/api/align", json={"source": KO, "target": EN}).status_code == 200

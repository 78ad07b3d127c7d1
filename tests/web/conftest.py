"""A real server app over a copy of the curated glossaries, for the web pages' tests.

``web_app`` is :func:`diglot.server.app.create_app` itself (the state, the APIs and the web
app), driven with Starlette's TestClient; ``glossary_dir`` is the copy it reads and edits.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def glossary_dir(tmp_path) -> Path:
    folder = tmp_path / "glossaries"
    shutil.copytree(REPO / "glossaries", folder, ignore=shutil.ignore_patterns("*.md"))
    return folder


def make_client(glossary_dir: Path, data_dir: Path):
    from starlette.testclient import TestClient

    from diglot.server.app import create_app
    from diglot.server.settings import Settings

    return TestClient(create_app(Settings(glossary_paths=(glossary_dir,), data_dir=data_dir)))


@pytest.fixture
def client(diglot_home, glossary_dir, tmp_path):
    """A client of the app with no translation model installed."""
    with make_client(glossary_dir, tmp_path / "server") as client:
        yield client


@pytest.fixture
def client_with_model(installed_model, glossary_dir, tmp_path):
    """A client of the app with the tiny ko→en and en→ko models installed."""
    with make_client(glossary_dir, tmp_path / "server") as client:
        yield client

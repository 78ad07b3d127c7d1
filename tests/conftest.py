"""Fixtures shared by every test folder: a tiny real translation model and isolated data folders.

The model is built once per test session (a few seconds) by ``tests/support/tinymodel.py``: a
real SentencePiece model trained on ``data/korean-parallel-corpora`` and a real CTranslate2
Transformer, written with numpy, whose weights make it copy its input. Decoding is real and the
output predictable: what the engine is given (glossary renderings, placeholders) comes out.
``tests/support`` is put on ``sys.path`` here, so a test can ``import tinymodel`` for its
builders and package helpers (``repack``, ``zip_bytes``).

Fixtures (names are stable; other suites rely on them):

``tiny_package`` (session)
    Path of the ko→en ``.argosmodel`` (read-only: copy it before changing it).
``tiny_package_en_ko`` (session)
    The same model packed as en→ko.
``diglot_home``
    An empty ``DIGLOT_HOME`` inside the test's ``tmp_path`` (and an empty ``XDG_DATA_HOME``,
    so Argos Translate's folder is empty too); returns the ``DIGLOT_HOME`` path.
``installed_model``
    ``diglot_home`` with both tiny packages installed (ko→en and en→ko, version 1.0, as
    ``diglot models install`` leaves them); returns the ``DIGLOT_HOME`` path.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "support"))

import tinymodel  # noqa: E402 - importable only once the line above has run


@pytest.fixture(scope="session")
def tiny_package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("packages") / "translate-ko_en-1_0.argosmodel"
    return tinymodel.build_copy_package(tinymodel.default_data_dir(), out)


@pytest.fixture(scope="session")
def tiny_package_en_ko(tiny_package) -> Path:
    out = tiny_package.with_name("translate-en_ko-1_0.argosmodel")
    return tinymodel.repack(tiny_package, out, metadata={"from_code": "en", "to_code": "ko"})


def _isolate(monkeypatch: pytest.MonkeyPatch, root: Path) -> Path:
    home = root / "diglot-home"
    monkeypatch.setenv("DIGLOT_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "xdg"))
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    return home


@pytest.fixture(scope="session")
def _installed_store(tmp_path_factory, tiny_package, tiny_package_en_ko) -> Path:
    """Both tiny packages installed once per session; tests get a copy of this store."""
    from diglot.translate import install

    root = tmp_path_factory.mktemp("installed")
    with pytest.MonkeyPatch.context() as monkeypatch:
        home = _isolate(monkeypatch, root)
        install(tiny_package)
        install(tiny_package_en_ko)
    return home / "models"


@pytest.fixture
def diglot_home(tmp_path, monkeypatch) -> Path:
    return _isolate(monkeypatch, tmp_path)


@pytest.fixture
def installed_model(diglot_home, _installed_store) -> Path:
    shutil.copytree(_installed_store, diglot_home / "models")
    return diglot_home

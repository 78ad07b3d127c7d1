"""A real Argos package built once per session (a few seconds), and an isolated data folder.

The package holds a real SentencePiece model trained on the shared Korean–English data and a
real CTranslate2 Transformer whose weights make it copy its input (see
``diglot.translate.synthetic``): real decoding, predictable output.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from diglot.cli import main
from diglot.translate import synthetic


@pytest.fixture(scope="session")
def copy_package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("packages") / "translate-ko_en-1_0.argosmodel"
    return synthetic.build_copy_package(synthetic.default_data_dir(), out)


def repack(package: Path, out: Path, metadata: dict | None = None, drop: str | None = None,
           add: dict[str, bytes] | None = None, replace: dict[str, bytes] | None = None) -> Path:
    """A copy of ``package`` with metadata fields changed, a member dropped, added or replaced."""
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if drop and info.filename.endswith(drop):
                continue
            if info.filename.endswith("metadata.json") and metadata is not None:
                data = json.dumps({**json.loads(data), **metadata}).encode()
            for suffix, new in (replace or {}).items():
                if info.filename.endswith(suffix):
                    data = new
            dst.writestr(info, data)
        for name, data in (add or {}).items():
            dst.writestr(name, data)
    return out


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """diglot's and Argos Translate's data folders, empty, inside the test's tmp_path."""
    monkeypatch.setenv("DIGLOT_HOME", str(tmp_path / "diglot-home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    return tmp_path / "diglot-home"


@pytest.fixture
def installed(home, copy_package, capsys) -> Path:
    """The copy package installed through the CLI; returns DIGLOT_HOME."""
    assert main(["models", "install", str(copy_package)]) == 0
    capsys.readouterr()
    return home


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()

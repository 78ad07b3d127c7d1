"""Installing, finding, listing and removing packages, and refusing broken ones."""

from __future__ import annotations

import json
import os
import shutil
import zipfile

import pytest

from diglot.cli import main
from diglot.errors import DiglotError
from diglot.translate import installed_packages, installer, store

from tinymodel import repack, zip_bytes


def _leftovers(diglot_home):
    store = diglot_home / "models"
    return sorted(p.name for p in store.iterdir()) if store.exists() else []


def test_install_list_remove(diglot_home, tiny_package, capsys):
    assert main(["models", "install", str(tiny_package)]) == 0
    out = capsys.readouterr().out
    assert "installed ko-en 1.0" in out
    assert "protected as: inline" in out
    [model] = installed_packages()
    assert (model.pair, model.version, model.origin) == ("ko-en", "1.0", "diglot")
    assert model.meta()["protection"]["passed"]["inline"] == 1.0
    assert main(["models", "list"]) == 0
    listing = capsys.readouterr().out
    assert "ko-en" in listing and "1.0" in listing and "MB" in listing
    assert main(["models", "remove", "ko", "en"]) == 0
    assert "removed ko-en 1.0" in capsys.readouterr().out
    assert installed_packages() == []
    assert main(["models", "list"]) == 0
    assert "no models installed" in capsys.readouterr().out


def test_install_twice_needs_force(installed_model, tiny_package, capsys):
    assert main(["models", "install", str(tiny_package)]) == 2
    assert "already installed" in capsys.readouterr().err
    assert main(["models", "install", "--force", str(tiny_package)]) == 0
    assert [m.pair for m in installed_packages()] == ["en-ko", "ko-en"]
    assert _leftovers(installed_model) == ["en_ko-1.0", "ko_en-1.0"]


def test_remove_unknown_pair(diglot_home, capsys):
    assert main(["models", "remove", "ko", "ja"]) == 2
    assert "no installed model for ko-ja" in capsys.readouterr().err


@pytest.mark.parametrize(
    "case, message",
    [
        ("not-a-zip", "not an Argos package (not a zip archive)"),
        ("no-metadata", "no metadata.json"),
        ("bad-json", "metadata.json is not valid JSON"),
        ("no-to-code", "metadata.json has no to_code"),
        ("traversal", "unsafe path in the package: ../evil.txt"),
        ("absolute", "unsafe path in the package: /etc/evil"),
        ("no-tokenizer", "no sentencepiece.model"),
        ("no-model", "no CTranslate2 model"),
        ("broken-model", "the CTranslate2 model cannot be loaded"),
        ("broken-tokenizer", "the SentencePiece model cannot be loaded"),
        ("diglot-json-folder", "a file only diglot writes"),
    ],
)
def test_broken_packages_are_refused_and_leave_nothing(diglot_home, tiny_package, tmp_path, capsys, case, message):
    bad = tmp_path / f"{case}.argosmodel"
    if case == "not-a-zip":
        bad.write_text("hello")
    elif case == "no-metadata":
        repack(tiny_package, bad, drop="metadata.json")
    elif case == "bad-json":
        repack(tiny_package, bad, replace={"metadata.json": b"{not json"})
    elif case == "no-to-code":
        repack(tiny_package, bad, metadata={"to_code": ""})
    elif case == "traversal":
        repack(tiny_package, bad, add={"../evil.txt": b"x"})
    elif case == "absolute":
        bad.write_bytes(zip_bytes({"metadata.json": b"{}"}))
        with zipfile.ZipFile(bad, "a") as archive:
            info = zipfile.ZipInfo("etc/evil")
            info.filename = "/etc/evil"
            archive.writestr(info, b"x")
    elif case == "no-tokenizer":
        repack(tiny_package, bad, drop="sentencepiece.model")
    elif case == "no-model":
        repack(tiny_package, bad, drop="model/model.bin")
    elif case == "broken-model":
        repack(tiny_package, bad, replace={"model/model.bin": b"\x00" * 64})
    elif case == "broken-tokenizer":
        repack(tiny_package, bad, replace={"sentencepiece.model": b"junk"})
    elif case == "diglot-json-folder":
        repack(tiny_package, bad, add={"diglot.json/x": b"{}"})
    assert main(["models", "install", str(bad)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert _leftovers(diglot_home) == []
    assert not (tmp_path / "evil.txt").exists()


def test_zip_bomb_limit(diglot_home, tiny_package):
    with pytest.raises(DiglotError, match="unpacks to more than"):
        installer.install(tiny_package, max_bytes=10_000)
    assert _leftovers(diglot_home) == []


def test_link_member_refused(diglot_home, tmp_path):
    bad = tmp_path / "link.argosmodel"
    with zipfile.ZipFile(bad, "w") as archive:
        info = zipfile.ZipInfo("pkg/model")
        info.external_attr = (0o120777 << 16)
        archive.writestr(info, "/etc")
        archive.writestr("pkg/metadata.json", "{}")
    with pytest.raises(DiglotError, match="contains a link"):
        installer.install(bad)


def test_missing_file(diglot_home, capsys):
    assert main(["models", "install", "nowhere.argosmodel"]) == 2
    assert "nowhere.argosmodel: no such file" in capsys.readouterr().err


@pytest.fixture
def argos_folder_model(diglot_home, tiny_package, tmp_path):
    """The copy package unpacked into Argos Translate's own folder, as argospm would."""
    argos_dir = tmp_path / "xdg" / "argos-translate" / "packages"
    argos_dir.mkdir(parents=True)
    with zipfile.ZipFile(tiny_package) as archive:
        archive.extractall(argos_dir)
    [model] = installed_packages()
    return model


def test_argos_translate_folder_is_found(argos_folder_model, capsys):
    model = argos_folder_model
    assert model.origin == "argos" and model.pair == "ko-en"
    assert main(["models", "list"]) == 0
    assert "argos" in capsys.readouterr().out
    assert main(["models", "remove", "ko", "en"]) == 2
    assert "argospm" in capsys.readouterr().err


def test_self_test_of_an_argos_folder_package_runs_once(argos_folder_model, diglot_home, monkeypatch):
    from diglot.translate import protect

    model = argos_folder_model
    runs = []
    real = protect.choose_protection
    monkeypatch.setattr(protect, "choose_protection", lambda m: runs.append(m) or real(m))
    first = protect.protection_for([model])
    assert protect.protection_for([model]) == first and len(runs) == 1  # remembered, not rerun
    assert (diglot_home / "protection.json").is_file() and not (model.path / store.DIGLOT_META).exists()
    weights = model.ct2_model_dir / "model.bin"
    os.utime(weights, ns=(1, 1))  # the package replaced by another copy: new file times
    assert protect.protection_for([model]) == first and len(runs) == 2  # changed files: tested again
    assert len(json.loads((diglot_home / "protection.json").read_text(encoding="utf-8"))) == 1


def test_route_direct_pivot_and_errors(installed_model, tiny_package, tmp_path):
    assert [m.pair for m in store.route("ko", "en")] == ["ko-en"]
    with pytest.raises(DiglotError, match="no model translates ko to ja; installed pairs: en-ko, ko-en"):
        store.route("ko", "ja")
    installer.install(repack(tiny_package, tmp_path / "en_ja.argosmodel", metadata={"from_code": "en", "to_code": "ja"}))
    assert [m.pair for m in store.route("ko", "ja")] == ["ko-en", "en-ja"]
    shutil.rmtree(installed_model / "models")
    with pytest.raises(DiglotError, match="diglot models install"):
        store.route("ko", "en")


def test_download_offline_says_so_in_one_line(diglot_home, monkeypatch, capsys):
    pytest.importorskip("argostranslate")
    import socket

    def no_network(*args, **kwargs):
        raise OSError("network is off in tests")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    assert main(["models", "download", "ko", "en"]) == 2
    err = capsys.readouterr().err
    assert "offline?" in err and len(err.strip().splitlines()) == 1


def test_metadata_written_by_the_tiny_package_is_argos_shaped(tiny_package):
    with zipfile.ZipFile(tiny_package) as archive:
        names = archive.namelist()
        meta = json.loads(archive.read(next(n for n in names if n.endswith("metadata.json"))))
    assert meta["from_code"] == "ko" and meta["to_code"] == "en"
    assert any(n.endswith("/model/model.bin") for n in names)
    assert any(n.endswith("/sentencepiece.model") for n in names)

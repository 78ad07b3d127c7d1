"""Bad packages, bad stores and bad options, through the CLI: exit 2, one line naming the problem,
nothing installed, nothing left behind, nothing outside the store touched."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import zipfile

import pytest
from tinymodel import repack

from diglot.cli import main

ARTICLE = "탈북자들은 강제 북송을 우려한다.\n"
needs_non_root = pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="permissions do not bind root")


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


def store_contents(home) -> list[str]:
    store = home / "models"
    return sorted(p.name for p in store.iterdir()) if store.is_dir() else []


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# -- the install target is built from validated codes and versions only ----------------------


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("from_code", "/elsewhere/victim", "from_code '/elsewhere/victim' is not a language code"),
        ("from_code", "../../x", "from_code '../../x' is not a language code"),
        ("to_code", "en\0", "is not a language code"),
        ("from_code", " ko ", "from_code ' ko ' is not a language code"),
        ("to_code", {"a": [1, 2]}, "metadata.json has no to_code"),
        ("package_version", "1.0/../../../x", "is not a version such as 1.9"),
        ("package_version", "..", "is not a version such as 1.9"),
        ("package_version", {"a": [1, 2]}, "is not a version such as 1.9"),
        ("package_version", None, "package_version None is not a version"),
    ],
)
def test_codes_and_versions_are_validated(diglot_home, tiny_package, tmp_path, capsys, field, value, message):
    bad = repack(tiny_package, tmp_path / "bad.argosmodel", metadata={field: value})
    assert main(["models", "install", str(bad)]) == 2
    assert message in one_line_error(capsys)
    assert store_contents(diglot_home) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.argosmodel", "diglot-home"]


def test_language_codes_with_a_script_or_region_are_accepted(diglot_home, tiny_package, tmp_path, capsys):
    package = repack(tiny_package, tmp_path / "p.argosmodel", metadata={"to_code": "zh-Hans", "package_version": "1.1.0"})
    assert main(["models", "install", str(package)]) == 0
    assert store_contents(diglot_home) == ["ko_zh-Hans-1.1.0"]


def test_force_replaces_only_the_stores_own_package_folder(installed_model, tiny_package, tmp_path, capsys):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("keep me", encoding="utf-8")
    target = installed_model / "models" / "ko_en-1.0"
    shutil.rmtree(target)
    target.symlink_to(victim)
    assert main(["models", "install", "--force", str(tiny_package)]) == 2
    assert "is not a package folder diglot installed" in one_line_error(capsys)
    assert (victim / "precious.txt").read_text(encoding="utf-8") == "keep me"
    assert target.is_symlink()
    target.unlink()
    target.write_text("a file where the package would go", encoding="utf-8")
    assert main(["models", "install", "--force", str(tiny_package)]) == 2
    assert "is not a package folder diglot installed" in one_line_error(capsys)
    assert store_contents(installed_model) == ["en_ko-1.0", "ko_en-1.0"]


# -- package members ---------------------------------------------------------------------------


def _patch_members(path, local_offset: int, central_offset: int, value: int) -> None:
    """Overwrite a 2-byte field of every local and central header (compression method, flags)."""
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", local_offset), (b"PK\x01\x02", central_offset)):
        start = data.find(signature)
        while start >= 0:
            data[start + offset : start + offset + 2] = value.to_bytes(2, "little")
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "case, message",
    [
        ("deflate64", "uses a compression method diglot cannot read (method 9)"),
        ("encrypted", "has an encrypted member"),
        ("dot", "unsafe path in the package: ./"),
        ("lone-dot", "unsafe path in the package: ."),
        ("diglot-json-folder", "holds pkg/diglot.json/, a file only diglot writes"),
        ("diglot-json-file", "holds pkg/diglot.json, a file only diglot writes"),
    ],
)
def test_unreadable_or_unsafe_members(diglot_home, tmp_path, capsys, case, message):
    bad = tmp_path / "bad.argosmodel"
    members = {"pkg/metadata.json": b"{}", "pkg/x.txt": b"x"}
    if case in ("deflate64", "encrypted"):
        with zipfile.ZipFile(bad, "w", zipfile.ZIP_STORED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        if case == "deflate64":
            _patch_members(bad, 8, 10, 9)
        else:
            _patch_members(bad, 6, 8, 1)
    else:
        with zipfile.ZipFile(bad, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)
            extra = {"dot": "./", "lone-dot": ".", "diglot-json-folder": "pkg/diglot.json/",
                     "diglot-json-file": "pkg/diglot.json"}[case]  # fmt: skip
            info = zipfile.ZipInfo("placeholder")
            info.filename = extra
            archive.writestr(info, b"")
    assert main(["models", "install", str(bad)]) == 2
    assert message in one_line_error(capsys)
    assert store_contents(diglot_home) == []


@pytest.mark.parametrize("member", ["model/model.bin", "sentencepiece.model"])
def test_garbage_model_files_refused_at_install(diglot_home, tiny_package, tmp_path, capsys, member):
    bad = repack(tiny_package, tmp_path / "bad.argosmodel", replace={member: b"garbage" * 50})
    assert main(["models", "install", str(bad)]) == 2
    assert "cannot be loaded" in one_line_error(capsys)
    assert store_contents(diglot_home) == []


# -- a store whose packages were damaged after install -----------------------------------------


@pytest.mark.parametrize(
    "damage, message",
    [
        ("missing-model", "cannot be used: the package has no CTranslate2 model (model/model.bin)"),
        ("garbage-model", "cannot be loaded"),
        ("missing-tokenizer", "cannot be used: the package has no sentencepiece.model"),
        ("garbage-tokenizer", "cannot be loaded"),
        ("empty-model", "model/model.bin is missing or empty; reinstall it"),
    ],
)
def test_damaged_installed_package(installed_model, article, capsys, damage, message):
    package = installed_model / "models" / "ko_en-1.0"
    what, _, which = damage.partition("-")
    path = package / ("model/model.bin" if which == "model" else "sentencepiece.model")
    if what == "missing":
        path.unlink()
    else:
        path.write_bytes(b"" if what == "empty" else b"garbage" * 50)
    assert main(["translate", str(article), "--to", "en", "--no-cache"]) == 2
    err = one_line_error(capsys)
    assert "ko_en-1.0" in err and message in err


def test_damaged_package_in_argos_translates_folder(diglot_home, tiny_package, tmp_path, article, capsys):
    argos_dir = tmp_path / "xdg" / "argos-translate" / "packages"
    argos_dir.mkdir(parents=True)
    with zipfile.ZipFile(tiny_package) as archive:
        archive.extractall(argos_dir)
    [folder] = argos_dir.iterdir()
    (folder / "model" / "model.bin").write_bytes(b"garbage" * 50)
    assert main(["translate", str(article), "--to", "en"]) == 2
    assert "cannot be loaded" in one_line_error(capsys)
    assert not (diglot_home / "protection.json").exists()


@pytest.mark.parametrize("record", ["{not json", "[1, 2]", '{"protection": {"method": "bogus"}}', "folder"])
def test_unreadable_install_record_means_a_new_self_test(installed_model, article, capsys, record):
    path = installed_model / "models" / "ko_en-1.0" / "diglot.json"
    path.unlink()
    if record == "folder":
        path.mkdir()
    else:
        path.write_text(record, encoding="utf-8")
    assert main(["translate", str(article), "--to", "en", "--no-cache"]) == 0
    assert capsys.readouterr().out.startswith("North Korean defector들은")


def test_broken_packages_are_listed_with_their_problem(installed_model, capsys):
    metadata = installed_model / "models" / "ko_en-1.0" / "metadata.json"
    metadata.write_text(json.dumps({"from_code": " ko ", "to_code": "en", "package_version": "1.0"}), encoding="utf-8")
    (installed_model / "models" / "junk").mkdir()
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert "en-ko" in out
    assert "from_code ' ko ' is not a language code" in out
    assert "junk" in out and "no metadata.json" in out


# -- the store itself unusable -----------------------------------------------------------------


@pytest.mark.parametrize("which", ["home", "models"])
def test_store_that_is_a_file(diglot_home, tiny_package, article, capsys, which):
    if which == "home":
        diglot_home.parent.mkdir(parents=True, exist_ok=True)
        diglot_home.write_text("not a folder", encoding="utf-8")
    else:
        diglot_home.mkdir(parents=True)
        (diglot_home / "models").write_text("not a folder", encoding="utf-8")
    assert main(["models", "install", str(tiny_package)]) == 2
    assert "cannot change the model store" in one_line_error(capsys)
    assert main(["models", "list"]) == 2  # not "no models installed": that would hide why
    assert "cannot read the model store" in one_line_error(capsys)
    assert main(["translate", str(article), "--to", "en"]) == 2
    assert "cannot read the model store" in one_line_error(capsys)


@needs_non_root
def test_read_only_store(installed_model, tiny_package, capsys):
    store = installed_model / "models"
    store.chmod(0o555)
    try:
        assert main(["models", "install", "--force", str(tiny_package)]) == 2
        assert "cannot" in one_line_error(capsys)
        assert main(["models", "remove", "ko", "en"]) == 2
        assert "cannot remove" in one_line_error(capsys)
        assert store_contents(installed_model) == ["en_ko-1.0", "ko_en-1.0"]
    finally:
        store.chmod(0o755)


def test_work_a_killed_install_left_is_cleared_by_the_next(installed_model, tiny_package, capsys):
    store = installed_model / "models"
    for name in (".install-k1ll3d", ".replacing-ko_en-1.0", ".removing-en_ko-1.0"):
        (store / name / "model").mkdir(parents=True)
    assert main(["models", "install", "--force", str(tiny_package)]) == 0
    assert sorted(p.name for p in store.iterdir()) == ["en_ko-1.0", "ko_en-1.0"]


def test_one_change_to_the_store_at_a_time(installed_model, tiny_package, capsys):
    from diglot.textio import edit_lock

    with edit_lock(installed_model / "models"):  # another process installing
        assert main(["models", "install", "--force", str(tiny_package)]) == 2
        assert "is being edited by another process" in one_line_error(capsys)
        assert main(["models", "remove", "ko", "en"]) == 2
        assert "is being edited by another process" in one_line_error(capsys)
    assert store_contents(installed_model) == ["en_ko-1.0", "ko_en-1.0"]


# -- the translation memory --------------------------------------------------------------------


def _tm(home):
    return home / "cache" / "translations" / "tm.sqlite"


@pytest.mark.parametrize("damage", ["wrong-schema", "not-a-database"])
def test_unusable_translation_memory_is_rebuilt_with_a_warning(installed_model, article, capsys, damage):
    path = _tm(installed_model)
    path.parent.mkdir(parents=True)
    if damage == "wrong-schema":
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE tm (key TEXT PRIMARY KEY, value TEXT)")
    else:
        path.write_bytes(b"this is not an SQLite file" * 20)
    assert main(["translate", str(article), "--to", "en"]) == 0
    captured = capsys.readouterr()
    assert "has been rebuilt empty" in captured.err and "Traceback" not in captured.err
    assert captured.out.startswith("North Korean defector들은")
    assert main(["translate", str(article), "--to", "en"]) == 0
    assert "0 sentences translated, 1 from memory" in capsys.readouterr().err


def test_translation_memory_that_cannot_be_opened_is_bypassed(installed_model, article, capsys):
    _tm(installed_model).mkdir(parents=True)  # a folder where the file should be
    assert main(["translate", str(article), "--to", "en"]) == 0
    captured = capsys.readouterr()
    assert "translating without it" in captured.err and "Traceback" not in captured.err
    assert captured.out.startswith("North Korean defector들은")


@needs_non_root
def test_read_only_translation_memory_is_read_not_written(installed_model, article, capsys):
    assert main(["translate", str(article), "--to", "en"]) == 0
    capsys.readouterr()
    folder = _tm(installed_model).parent
    _tm(installed_model).chmod(0o444)
    folder.chmod(0o555)
    try:
        assert main(["translate", str(article), "--to", "en"]) == 0
        err = capsys.readouterr().err
        assert "is read-only" in err and "1 from memory" in err
    finally:
        folder.chmod(0o755)


# -- options checked before any work -----------------------------------------------------------


@pytest.fixture
def no_decoding(monkeypatch):
    """Fail the test if anything is decoded."""
    from diglot.translate.engines.ctranslate2 import CTranslate2Engine

    def refuse(self, *args, **kwargs):
        raise AssertionError("decoded before the bad option was refused")

    monkeypatch.setattr(CTranslate2Engine, "translate", refuse)


@pytest.mark.parametrize(
    "options, message",
    [
        (["--compute-type", "bogus"], "compute type bogus is not available on cpu; choose one of"),
        (["--threads", "100000"], "--threads must be a whole number from 0 to"),
        (["--threads", "-1"], "--threads must be a whole number from 0 to"),
        (["--beam-size", "100000"], "--beam-size must be a whole number from 1 to 16, not 100000"),
        (["--batch-size", "0"], "--batch-size must be a whole number from 1 to 256, not 0"),
        (["-o", "missing/out.txt"], "the folder missing does not exist"),
        (["--report", "missing/r.json"], "the folder missing does not exist"),
        (["--edition", "missing/e.html"], "the folder missing does not exist"),
    ],
)
def test_bad_options_fail_before_any_decoding(installed_model, article, no_decoding, monkeypatch, capsys, options, message):
    monkeypatch.chdir(article.parent)
    assert main(["translate", str(article), "--to", "en", *options]) == 2
    assert message in one_line_error(capsys)


@needs_non_root
def test_output_into_a_read_only_folder_fails_before_decoding(installed_model, article, no_decoding, tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert main(["translate", str(article), "--to", "en", "-o", str(folder / "out.txt")]) == 2
        assert "is not writable" in one_line_error(capsys)
    finally:
        folder.chmod(0o755)

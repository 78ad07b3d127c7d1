"""The parsed-glossary cache: same entries as a fresh parse, any change misses it, damage is harmless."""

import os
import shutil

import pytest

from diglot.glossary import load_glossary, read_glossary

from .conftest import DATA


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGLOT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def cache_files(home):
    folder = home / "cache" / "glossaries"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_a_cached_read_gives_the_same_entries_and_problems(home, tmp_path):
    path = tmp_path / "all_fields.yaml"
    shutil.copy(DATA.parent / "formats" / "data" / "all_fields.yaml", path)
    fresh = read_glossary([path])
    assert len(cache_files(home)) == 1
    again = read_glossary([path])
    assert [e.as_dict() for e in again] == [e.as_dict() for e in fresh]
    assert [(e.origin.line, e.origin.column) for e in again] == [(e.origin.line, e.origin.column) for e in fresh]
    assert again.fingerprint == fresh.fingerprint and again.problems == fresh.problems


def test_a_changed_file_misses_the_cache(home, tmp_path):
    path = tmp_path / "mini.yaml"
    shutil.copy(DATA / "mini.yaml", path)
    load_glossary([path])
    stat = path.stat()
    path.write_text(path.read_text().replace("탈북자\n", "탈북인\n", 1))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime: the content hash still tells
    assert load_glossary([path]).get("north-korean-defector").langs["ko"].preferred == "탈북인"


def test_problems_are_cached_too(home, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("entries:\n  - id: a\n    type: gadget\n    ko: 가\n    en: a\n")
    first = read_glossary([path]).problems
    assert first and read_glossary([path]).problems == first


def test_a_damaged_or_unwritable_cache_is_passed_over(home, tmp_path):
    path = tmp_path / "mini.yaml"
    shutil.copy(DATA / "mini.yaml", path)
    expected = [e.as_dict() for e in load_glossary([path])]
    (cached,) = cache_files(home)
    cached.write_text('{"size": 1, "entries": [')
    assert [e.as_dict() for e in load_glossary([path])] == expected
    shutil.rmtree(home)
    home.write_text("not a folder")  # the cache cannot be written at all
    assert [e.as_dict() for e in load_glossary([path])] == expected


def test_a_pipe_given_as_a_glossary_is_refused_not_waited_on(home, tmp_path, capsys):
    from diglot.cli import main

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert main(["glossary", "show", "a", "-g", str(fifo)]) == 2
    assert "not a regular file" in capsys.readouterr().err

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from diglot.cli import main
from diglot.errors import DiglotError
from diglot.glossary import load_glossary
from diglot.glossary.edit import remove_entry
from diglot.textio import edit_lock

from .conftest import DATA


@pytest.fixture
def glossary_file(tmp_path):
    path = tmp_path / "mini.yaml"
    shutil.copy(DATA / "mini.yaml", path)
    return path


ADD = ["glossary", "add", "--id", "hanawon", "--type", "organization", "--ko", "하나원", "--en", "Hanawon",
       "--en-variant", "Hanawon resettlement center", "--source", "Ministry of Unification"]


def test_add_appends_and_keeps_comments_and_layout(glossary_file, capsys):
    before = glossary_file.read_text()
    assert main([*ADD, "--file", str(glossary_file)]) == 0
    after = glossary_file.read_text()
    assert after.startswith(before.rstrip("\n"))  # nothing above was touched, comments included
    entry = load_glossary([glossary_file]).get("hanawon")
    assert entry.langs["en"].variants == ["Hanawon resettlement center"]
    assert entry.source == "Ministry of Unification"


def test_add_creates_a_new_file(tmp_path):
    path = tmp_path / "new.yaml"
    assert main([*ADD, "--file", str(path)]) == 0
    assert [e.id for e in load_glossary([path])] == ["hanawon"]


def test_add_refuses_a_duplicate_id_and_leaves_the_file(glossary_file, capsys):
    before = glossary_file.read_bytes()
    args = ["glossary", "add", "--file", str(glossary_file), "--id", "cnkr", "--type", "term", "--ko", "가", "--en", "a"]
    assert main(args) == 2
    assert "already has an entry cnkr" in capsys.readouterr().err
    assert glossary_file.read_bytes() == before


def test_remove_deletes_only_that_entry(glossary_file, capsys):
    before = load_glossary([glossary_file])
    assert main(["glossary", "remove", "refugee", "--file", str(glossary_file)]) == 0
    after = load_glossary([glossary_file])
    assert [e.id for e in after] == [e.id for e in before if e.id != "refugee"]
    assert all(after.get(e.id) == e for e in after)
    assert glossary_file.read_text().startswith("# A small glossary for tests")


def test_remove_unknown_id_is_a_clear_error(glossary_file, capsys):
    assert main(["glossary", "remove", "nope", "--file", str(glossary_file)]) == 2
    assert "no entry nope in" in capsys.readouterr().err


def test_a_second_editor_is_refused_while_the_lock_is_held(glossary_file):
    before = glossary_file.read_bytes()
    with edit_lock(glossary_file):
        code = subprocess.run(
            [sys.executable, "-m", "diglot", "glossary", "remove", "refugee", "--file", str(glossary_file)],
            capture_output=True, text=True,
        )
    assert code.returncode == 2
    assert "being edited by another process" in code.stderr
    assert glossary_file.read_bytes() == before


def test_a_crash_during_the_write_leaves_the_old_file_intact(glossary_file, monkeypatch):
    before = glossary_file.read_bytes()

    def crash(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        remove_entry(glossary_file, "refugee")
    assert glossary_file.read_bytes() == before
    assert sorted(p.name for p in glossary_file.parent.iterdir() if not p.name.startswith(".mini.yaml.lock")) == ["mini.yaml"]


def test_a_killed_writer_leaves_the_old_or_the_new_file(glossary_file):
    """Kill a process in the middle of many edits: the file always parses to a whole glossary."""
    script = textwrap.dedent(
        f"""
        from diglot.glossary.edit import add_entries, remove_entry
        from diglot.glossary import load_glossary
        entry = load_glossary([{str(DATA / 'mini.yaml')!r}]).get("refugee")
        while True:
            remove_entry({str(glossary_file)!r}, "refugee")
            add_entries({str(glossary_file)!r}, [entry])
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        proc.wait(timeout=1.5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    ids = {e.id for e in load_glossary([glossary_file])}
    assert ids >= {"cnkr", "north-korea", "kim-jong-il"}


def test_inline_lists_cannot_be_edited(tmp_path):
    path = tmp_path / "inline.yaml"
    path.write_text("entries: [{id: a, type: term, source: s, ko: 가, en: a}]\n")
    with pytest.raises(DiglotError):
        remove_entry(path, "a")
    assert "entries: [" in path.read_text()

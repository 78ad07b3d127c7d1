import os
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

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
    assert "the entry was not added: " in (err := capsys.readouterr().err) and "duplicate id cnkr (first at" in err
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
    with pytest.raises(DiglotError, match="disk full"):
        remove_entry(glossary_file, "refugee")
    assert glossary_file.read_bytes() == before
    assert sorted(p.name for p in glossary_file.parent.iterdir()) == ["mini.yaml"]


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


# --- an edit cannot break the glossary --------------------------------------------------------


@pytest.fixture
def curated_copy(tmp_path):
    folder = tmp_path / "glossaries"
    shutil.copytree(Path(__file__).resolve().parents[2] / "glossaries", folder)
    return folder


def _help_example(capsys):
    with pytest.raises(SystemExit):
        main(["glossary", "add", "--help"])
    text = capsys.readouterr().out
    example = text.split("example:\n", 1)[1].split("\n\n", 1)[0]
    return shlex.split(example.replace("\\\n", " "))


def test_the_help_example_adds_a_new_entry_and_the_glossary_stays_clean(curated_copy, capsys, monkeypatch):
    args = _help_example(capsys)
    assert args[:3] == ["diglot", "glossary", "add"]
    monkeypatch.chdir(curated_copy.parent)
    assert main(args[1:]) == 0
    capsys.readouterr()
    assert main(["glossary", "lint", str(curated_copy)]) == 0
    assert sorted(p.name for p in curated_copy.iterdir() if p.name.startswith(".")) == []  # no lock file left


def test_an_id_or_a_form_of_another_file_of_the_glossary_is_refused(curated_copy, capsys):
    terms = curated_copy / "terms.yaml"
    before = terms.read_bytes()
    # hanawon is in organizations.yaml: the old help example broke every command after it.
    assert main([*ADD, "--file", str(terms)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "terms.yaml:" in err and "duplicate id hanawon (first at " in err
    args = ["glossary", "add", "--file", str(terms), "--id", "new-one", "--type", "term", "--ko", "통일부", "--en", "x"]
    assert main(args) == 2
    assert "form '통일부' is also claimed by entry ministry-of-unification" in capsys.readouterr().err
    assert terms.read_bytes() == before
    assert main(["glossary", "lint", str(curated_copy)]) == 0


def test_no_lock_file_is_left_beside_the_glossary(glossary_file):
    assert main([*ADD, "--file", str(glossary_file)]) == 0
    assert main(["glossary", "remove", "hanawon", "--file", str(glossary_file)]) == 0
    assert sorted(p.name for p in glossary_file.parent.iterdir()) == ["mini.yaml"]


def test_removing_the_last_entry_keeps_the_comments_after_it(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(
        "entries:\n  - id: a\n    type: term\n    ko: 가\n    en: a\n\n"
        "  - id: b  # the last\n    type: term\n    # about b's English\n    ko: 나\n    en: b\n\n# End of the file: keep me.\n"
    )
    remove_entry(path, "b")
    assert path.read_text() == "entries:\n  - id: a\n    type: term\n    ko: 가\n    en: a\n\n\n# End of the file: keep me.\n"


def test_add_to_an_empty_flow_list(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("# Start here.\nentries: []  # none yet\n")
    assert main([*ADD, "--file", str(path)]) == 0
    assert path.read_text().startswith("# Start here.\nentries:\n  - id: hanawon\n")
    assert [e.id for e in load_glossary([path])] == ["hanawon"]


@pytest.mark.parametrize("name", ["empty.tbx", "terms.csv", "terms.po"])
def test_add_refuses_files_that_are_not_yaml_and_writes_nothing(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_bytes(b"")
    assert main([*ADD, "--file", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: only YAML glossaries can be edited" in err and err.count("\n") == 1
    assert path.read_bytes() == b""


def test_an_edit_follows_a_symbolic_link_and_keeps_mode_and_owner(glossary_file, tmp_path):
    link = tmp_path / "link.yaml"
    link.symlink_to(glossary_file)
    os.chmod(glossary_file, 0o640)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.chown(glossary_file, 4321, 4321)
    assert main([*ADD, "--file", str(link)]) == 0
    assert link.is_symlink() and link.resolve() == glossary_file
    assert "hanawon" in load_glossary([glossary_file])
    status = glossary_file.stat()
    assert status.st_mode & 0o777 == 0o640
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        assert (status.st_uid, status.st_gid) == (4321, 4321)


def test_add_takes_the_new_kinds_of_forms(glossary_file):
    args = ["glossary", "add", "--file", str(glossary_file), "--id", "japan", "--type", "place", "--ko", "일본",
            "--en", "Japan", "--en-adjective", "Japanese", "--en-accepted", "Tokyo", "--en-reference", "the country"]
    assert main(args) == 0
    terms = load_glossary([glossary_file]).get("japan").langs["en"]
    assert (terms.adjective, terms.accepted, terms.references) == (["Japanese"], ["Tokyo"], ["the country"])


def test_add_into_a_missing_folder_or_onto_a_pipe_is_one_line(tmp_path, capsys):
    assert main([*ADD, "--file", str(tmp_path / "nodir" / "g.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the folder" in err and "does not exist" in err
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert main([*ADD, "--file", str(fifo)]) == 2
    assert "not a regular file" in capsys.readouterr().err

import pytest

from diglot.cli import main

from .conftest import DATA

MINI = str(DATA / "mini.yaml")


def test_find_highlights_and_counts(tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text("탈북민들은 강제 북송을 우려한다. CNKR said a defector's family fled.\n", encoding="utf-8")
    assert main(["glossary", "find", str(text), "--glossary", MINI]) == 0
    out = capsys.readouterr().out
    assert "탈북민들은 강제 북송을 우려한다" in out
    assert "north-korean-defector" in out and "forced-repatriation" in out and "cnkr" in out
    assert "4 mentions of 3 entries" in out


def test_show_by_id_and_by_form(capsys):
    assert main(["glossary", "show", "cnkr", "--glossary", MINI]) == 0
    assert "Commission to Help North Korean Refugees" in capsys.readouterr().out
    assert main(["glossary", "show", "탈북민", "--glossary", MINI]) == 0
    assert "north-korean-defector" in capsys.readouterr().out
    assert main(["glossary", "show", "nothing", "--glossary", MINI]) == 2
    assert "no entry" in capsys.readouterr().err


def test_import_export_yaml_round_trip(tmp_path, capsys):
    out = tmp_path / "out.yaml"
    assert main(["glossary", "export", MINI, "--format", "yaml", "-o", str(out)]) == 0
    assert main(["glossary", "export", MINI, "--format", "yaml", "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    again = tmp_path / "again.yaml"
    assert main(["glossary", "import", str(out), "-o", str(again)]) == 0
    assert out.read_text() == again.read_text()


def test_missing_input_file_is_one_line(capsys):
    assert main(["glossary", "find", "/nonexistent/x.txt", "--glossary", MINI]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err


def test_usage_error_exits_2(capsys):
    try:
        main(["glossary", "add"])
    except SystemExit as exit_:
        assert exit_.code == 2


def test_find_takes_the_texts_language_and_leaves_lang_to_messages(tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text("CNKR 북한난민구호위원회\n", encoding="utf-8")
    assert main(["glossary", "find", str(text), "--text-lang", "ko", "--table-only", "--glossary", MINI]) == 0
    assert "1 mentions of 1 entries" in capsys.readouterr().out
    assert main(["glossary", "find", str(text), "--lang", "ko", "--table-only", "--glossary", MINI]) == 0
    assert "2" in capsys.readouterr().out  # --lang is the messages' language: every form is looked for


# --- exchange files that are broken or hostile: one line, exit 2, nothing written ----------------


def _refused(capsys, args, *expected):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    for text in expected:
        assert text in err, err
    return err


def test_csv_cells_a_spreadsheet_would_run_are_escaped_and_read_back(tmp_path, capsys):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(
        "entries:\n  - id: formula\n    type: term\n    source: s\n"
        "    ko: {preferred: '=1+1', variants: ['+82', '@cmd', '-2']}\n    en: {preferred: '=HYPERLINK(\"http://x\")'}\n",
        encoding="utf-8",
    )
    out = tmp_path / "g.csv"
    assert main(["glossary", "export", str(glossary), "--format", "csv", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "'=1+1,\"'=HYPERLINK(\"\"http://x\"\")\""
    assert all(line.startswith("'") for line in lines)
    back = tmp_path / "back.yaml"
    assert main(["glossary", "import", str(out), "-o", str(back)]) == 0
    from diglot.glossary import load_glossary

    (entry,) = load_glossary([back])
    assert entry.langs["ko"].preferred == "=1+1" and entry.langs["en"].preferred == '=HYPERLINK("http://x")'
    assert entry.langs["ko"].variants == ["+82", "@cmd", "-2"]


def test_a_quote_mark_in_a_tsv_export_is_an_ordinary_character(tmp_path, capsys):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(
        "entries:\n  - id: q\n    type: term\n    source: s\n    ko: {preferred: '\"햇볕\" 정책'}\n    en: {preferred: '\"Sunshine\" Policy'}\n",
        encoding="utf-8",
    )
    out = tmp_path / "g.tsv"
    assert main(["glossary", "export", str(glossary), "--format", "tsv", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == '"햇볕" 정책\t"Sunshine" Policy\n'


def test_a_po_file_whose_text_is_a_path_is_read_as_text(tmp_path, capsys):
    secret = tmp_path / "secret.po"
    secret.write_text('msgid "비밀"\nmsgstr "secret"\n', encoding="utf-8")
    po = tmp_path / "g.po"
    po.write_text(str(secret), encoding="utf-8")
    err = _refused(capsys, ["glossary", "import", str(po)], f"{po}:1: malformed PO")
    assert "secret" not in err.replace(str(tmp_path), "")


def test_an_unterminated_po_string_is_an_error_not_a_truncated_glossary(tmp_path, capsys):
    po = tmp_path / "g.po"
    po.write_text('msgctxt "a"\nmsgid "탈북자"\nmsgstr "North Korean defector\n', encoding="utf-8")
    out = tmp_path / "out.yaml"
    _refused(capsys, ["glossary", "import", str(po), "-o", str(out)], f"{po}:3: malformed PO: expected one quoted string")
    assert not out.exists()


def test_import_refuses_an_output_not_named_yaml(tmp_path, capsys):
    terms = tmp_path / "terms.csv"
    terms.write_text("탈북자,defector\n", encoding="utf-8")
    out = tmp_path / "out.csv"  # YAML written there would read back as a broken CSV
    _refused(capsys, ["glossary", "import", str(terms), "-o", str(out)], f"{out}: glossary import writes YAML")
    assert not out.exists()


def test_an_unreadable_tbx_and_a_utf16_bom_with_broken_utf16(tmp_path, capsys):
    import os

    broken = tmp_path / "broken.tbx"
    broken.write_bytes(b"\xff\xfe<\x00m\x00\x00\xd8")  # a lone surrogate
    _refused(capsys, ["glossary", "import", str(broken)], f"{broken} starts like UTF-16 but is not valid UTF-16")
    locked = tmp_path / "locked.tbx"
    locked.write_text("<martif/>", encoding="utf-8")
    os.chmod(locked, 0)
    try:
        if os.access(locked, os.R_OK):  # root reads it anyway: make it a folder instead
            os.chmod(locked, 0o644)
            locked.unlink()
            locked.mkdir()
        _refused(capsys, ["glossary", "import", str(locked)], str(locked))
    finally:
        if locked.is_file():
            os.chmod(locked, 0o644)


@pytest.mark.parametrize("command", ["lint", "show", "find", "add", "remove", "import", "export"])
def test_every_glossary_command_help_has_an_example_and_its_exit_codes(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["glossary", command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "example:\n  diglot glossary " + command in out and "exit codes: 0 " in out


def test_a_glossary_named_twice_is_read_once(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "g"
    folder.mkdir()
    (folder / "mini.yaml").write_bytes((DATA / "mini.yaml").read_bytes())
    monkeypatch.chdir(folder)
    # once each entry was "duplicate id" of itself
    assert main(["glossary", "show", "cnkr", "-g", "mini.yaml", "-g", "./mini.yaml", "-g", str(folder)]) == 0
    assert main(["glossary", "lint", "mini.yaml", "."]) == 0
    assert "0 errors" in capsys.readouterr().out

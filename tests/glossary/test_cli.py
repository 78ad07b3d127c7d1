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

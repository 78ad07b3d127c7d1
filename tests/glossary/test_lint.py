import textwrap

from diglot.cli import main
from diglot.glossary.lint import lint
from diglot.glossary.load import read_glossary


def write(tmp_path, text, name="g.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def messages(path):
    return [(p.severity, p.origin.line, p.message) for p in lint(read_glossary([path]))]


def test_curated_glossaries_are_clean(capsys):
    assert main(["glossary", "lint"]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_each_problem_is_reported_with_its_line(tmp_path):
    path = write(
        tmp_path,
        """\
        entries:
          - id: a
            type: term
            source: s
            ko: {preferred: 난민}
            en: {preferred: refugee, forbidden: [refugee]}
          - id: a
            type: term
            source: s
            ko: {preferred: 망명}
            en: {preferred: asylum}
          - id: b
            type: gadget
            source: s
            colour: red
            ko: {preferred: 난민}
            en: {preferred: displaced person, variants: [displaced person]}
          - id: c
            type: term
            source: s
            en: {preferred: asylum seeker}
        """,
    )
    found = messages(path)
    expected = [
        ("error", 13, "unknown type 'gadget'"),  # problems of one field name its line
        ("error", 15, "unknown field colour"),
        ("error", 7, "duplicate id a"),
        ("error", 2, "preferred form 'refugee' is also forbidden"),
        ("error", 12, "form '난민' is also claimed by entry a"),
        ("error", 12, "variant 'displaced person' is the preferred form"),
        ("error", 18, "entry c has no ko form"),
    ]
    for severity, line, text in expected:
        assert any(s == severity and l == line and text in m for s, l, m in found), (text, found)


def test_malformed_yaml_names_file_line_and_column(tmp_path, capsys):
    path = write(tmp_path, "entries:\n  - id: a\n    type: [term\n")
    assert main(["glossary", "lint", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:4:1: error: malformed YAML" in out


def test_lint_keeps_going_after_a_broken_file(tmp_path, capsys):
    write(tmp_path, "entries: [\n", name="a.yaml")
    write(tmp_path, "entries:\n  - id: ok\n    type: term\n    ko: 난민\n    en: refugee\n", name="b.yaml")
    assert main(["glossary", "lint", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "a.yaml" in out and "entry ok has no source" in out


def test_binary_and_non_utf8_glossaries_get_one_line_errors(tmp_path, capsys):
    (tmp_path / "bin.yaml").write_bytes(b"\x00\x01\x02entries")
    (tmp_path / "cp949.yaml").write_bytes("entries:\n  - id: a\n    ko: 난민\n".encode("cp949"))
    assert main(["glossary", "find", "-", "--glossary", str(tmp_path / "bin.yaml")]) == 2
    err = capsys.readouterr().err
    assert "looks like a binary file" in err and "Traceback" not in err
    assert main(["glossary", "show", "a", "--glossary", str(tmp_path / "cp949.yaml")]) == 2
    err = capsys.readouterr().err
    assert "is not valid UTF-8" in err and "CP949" in err


def test_dates_must_be_real(tmp_path):
    path = write(
        tmp_path,
        """\
        entries:
          - id: a
            type: title
            source: s
            valid_from: 2013-13
            ko: {preferred: 장관}
            en: {preferred: minister}
        """,
    )
    assert any("valid_from must be YYYY, YYYY-MM or YYYY-MM-DD" in m for _, _, m in messages(path))


def test_entries_in_force_on_a_date():
    from diglot.glossary import load_glossary
    from diglot.glossary.model import is_date, period

    assert period("2013") == ("2013-01-01", "2013-12-31") and period("2013-03") == ("2013-03-01", "2013-03-31")
    assert [is_date(d) for d in ("2013", "2013-03", "2013-03-11", "2013-13", "2013-02-30", "13")] == [
        True, True, True, False, False, False,
    ]  # fmt: skip
    glossary = load_glossary()
    in_2011, in_2015, in_march_2013 = (glossary.valid_on(d) for d in ("2011-10-05", "2015", "2013-03"))
    assert "ministry-of-foreign-affairs-and-trade" in in_2011 and "ministry-of-foreign-affairs" not in in_2011
    assert "ministry-of-foreign-affairs" in in_2015 and "ministry-of-foreign-affairs-and-trade" not in in_2015
    assert {"ministry-of-foreign-affairs", "ministry-of-foreign-affairs-and-trade"} <= {e.id for e in in_march_2013}
    assert "cnkr" in in_2011 and "cnkr" in in_2015  # undated entries are always in force


def test_lint_addition_reports_only_what_the_new_entry_brings(tmp_path):
    from diglot.glossary.lint import lint_addition

    glossary = read_glossary([write(tmp_path, """\
        entries:
          - id: a
            type: term
            source: s
            ko: {preferred: 난민}
            en: {preferred: refugee, forbidden: [refugee]}
        """)])  # fmt: skip
    assert [p.message for p in lint(glossary)] == ["entry a: en preferred form 'refugee' is also forbidden"]
    added = lint_addition(glossary, glossary.get("a"))  # the same entry again: only the twin id is new
    assert [p.message for p in added] == [f"duplicate id a (first at {glossary.get('a').origin})"]

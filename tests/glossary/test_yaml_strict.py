"""The YAML reader refuses what a glossary never needs and reports, with file:line:column,
what a glossary must not hold, through the CLI: lint exits 1, the other commands 2."""

import textwrap

import pytest

from diglot.cli import main

ENTRY = """\
entries:
  - id: a
    type: term
    source: s
    ko: {preferred: 난민}
    en: {preferred: refugee}
"""


def write(tmp_path, text):
    path = tmp_path / "g.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def lint_output(path, capsys):
    code = main(["glossary", "lint", str(path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out


@pytest.mark.parametrize(
    ("field", "where"),
    [("valid_from: 2013-02-30", "g.yaml:5:5"), ("valid_until: 2013-13-01", "g.yaml:5:5"), ("valid_from: !!timestamp 2013-02-30", "g.yaml:5:5")],
)
def test_impossible_dates_are_lint_errors_at_their_field(tmp_path, capsys, field, where):
    path = write(tmp_path, ENTRY.replace("    source: s\n", f"    source: s\n    {field}\n"))
    code, out = lint_output(path, capsys)
    assert code == 1
    assert f"{where}: error: entry a: valid_" in out and "must be YYYY, YYYY-MM or YYYY-MM-DD" in out


def test_a_key_written_twice_is_an_error_naming_both_places(tmp_path, capsys):
    path = write(tmp_path, ENTRY.replace("    source: s\n", "    source: s\n    type: place\n"))
    code, out = lint_output(path, capsys)
    assert code == 1
    assert "g.yaml:5:5: error: the key type is written twice (first at line 3)" in out
    assert main(["glossary", "show", "a", "--glossary", str(path)]) == 2  # nor can it be used
    assert "written twice" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("    en: {preferred: refugee, variants: {a: b}}\n", "g.yaml:6:30", "en.variants must be a list of strings"),
        ("    en: {preferred: [refugee]}\n", "g.yaml:6:10", "en has no preferred form"),
        ("    en: {preferred: refugee, short: 5}\n", "g.yaml:6:30", "en.short must be a string"),
        ("    en: {preferred: refugee, case: [x]}\n", "g.yaml:6:30", "en.case must be a string"),
        ("    en: {preferred: refugee, not_after: [1]}\n", "g.yaml:6:30", "en.not_after must be a list of strings"),
    ],
)
def test_every_field_type_is_checked_at_its_line_and_column(tmp_path, capsys, text, where, message):
    path = write(tmp_path, ENTRY.replace("    en: {preferred: refugee}\n", text))
    code, out = lint_output(path, capsys)
    assert code == 1
    assert f"{where}: error: entry a: {message}" in out


def test_entry_level_types(tmp_path, capsys):
    path = write(tmp_path, ENTRY.replace("    source: s\n", "    source: [s]\n    status: [x]\n    evidence: 3\n"))
    code, out = lint_output(path, capsys)
    assert code == 1
    assert "g.yaml:4:5: error: entry a: source must be a string" in out
    assert "g.yaml:5:5: error: entry a: unknown status ['x']" in out
    assert "g.yaml:6:5: error: entry a: evidence must be a mapping" in out


def test_an_alias_bomb_is_refused_at_once(tmp_path, capsys):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]" for i in range(8)]
    path = write(tmp_path, "\n".join(lines) + "\nentries: *i\n")
    code, out = lint_output(path, capsys)
    assert code == 1
    assert "error: YAML aliases (*name) are not allowed in a glossary" in out
    assert main(["glossary", "show", "a", "--glossary", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "g.yaml:1:4: YAML aliases" in err


@pytest.mark.parametrize("depth", [40, 900])
def test_deep_nesting_is_refused_with_its_place(tmp_path, capsys, depth):
    path = write(tmp_path, "entries:\n  - id: a\n    evidence: " + "[" * depth + "]" * depth + "\n")
    code, out = lint_output(path, capsys)
    assert code == 1
    assert "g.yaml:3:" in out and "nested more than 32 levels deep" in out


@pytest.mark.parametrize("tagged", ["!!int abc", "!!int ''", "!!float ''", "!!binary x", "!!omap [1]"])
def test_an_impossible_scalar_tag_is_a_one_line_error(tmp_path, capsys, tagged):
    path = write(tmp_path, ENTRY.replace("    source: s\n", f"    source: {tagged}\n"))
    assert main(["glossary", "show", "a", "--glossary", str(path)]) == 2
    err = capsys.readouterr().err
    assert "g.yaml:4:" in err and ": malformed YAML" in err and err.count("\n") == 1

"""The command-line frame: lazy commands, --lang anywhere, help that lists every command and exit code."""

import argparse
import importlib
import re
import subprocess
import sys

import pytest

from diglot.cli import COMMANDS, _split_language, build_parser, main


def test_version_imports_no_command_module():
    code = (
        "import sys\n"
        "from diglot.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "from diglot.cli import COMMANDS\n"
        "commands = tuple(f'diglot.cli.{name}' for name in COMMANDS)\n"
        "heavy = [m for m in sys.modules if m.startswith(commands + ('numpy', 'rich', 'kiwipiepy', 'polib', 'diglot.glossary'))]\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["diglot 0.1.0", "[]"], done.stderr


@pytest.mark.parametrize("command", ["edition", "align"])
def test_help_of_a_command_that_writes_editions_imports_no_writer(command):
    code = (
        "import sys\n"
        "from diglot.cli import main\n"
        f"try:\n    main([{command!r}, '--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('diglot.edition.writers.', 'diglot.edition.model', 'diglot.edition.pipeline', 'numpy', 'polib')\n"
        "print([m for m in sys.modules if m.startswith(heavy)])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "tmx" in done.stdout and "xliff" in done.stdout, done.stderr  # the formats are listed all the same
    assert done.stdout.splitlines()[-1] == "[]"


def test_top_level_help_lists_every_command_and_every_exit_code(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name, help_text in COMMANDS.items():
        assert re.search(rf"^\s+{name}\s", out, re.M), name
        assert " ".join(help_text.split()[:4]) in " ".join(out.split())
    assert "0 ok, 1 findings, 2 usage or input error, 3 translate --strict" in " ".join(out.split())


def test_each_command_module_registers_the_help_the_table_lists():
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    for name in COMMANDS:
        importlib.import_module(f"diglot.cli.{name}").register(subparsers)
    listed = {action.dest: action.help for action in subparsers._choices_actions}
    for name, help_text in COMMANDS.items():
        assert listed.get(name) in (None, help_text), name  # None: the module leaves the help to the table


def test_full_parser_builds_every_command():
    assert set(COMMANDS) <= set(build_parser()._subparsers._group_actions[0].choices)


def test_lang_is_taken_before_or_after_the_command():
    assert _split_language(["--lang", "ko", "check", "a", "b"]) == ("ko", ["check", "a", "b"])
    assert _split_language(["check", "--lang", "ko", "a", "b"]) == ("ko", ["check", "a", "b"])
    assert _split_language(["check", "a", "--lang=en", "b"]) == ("en", ["check", "a", "b"])
    assert _split_language(["check", "--", "--lang", "ko"]) == (None, ["check", "--", "--lang", "ko"])


def test_lang_after_the_command_speaks_korean(capsys):
    assert main(["glossary", "lint", "--lang", "ko"]) == 0
    assert re.search(r"[\uac00-\ud7a3]", capsys.readouterr().out)


def test_unsupported_lang_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["glossary", "lint", "--lang", "fr"])
    assert exit_.value.code == 2
    assert "argument --lang: invalid choice: 'fr'" in capsys.readouterr().err


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


def test_an_unknown_command_is_refused_naming_the_commands(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["aling", "a", "b"])
    assert exit_.value.code == 2
    assert "invalid choice: 'aling'" in capsys.readouterr().err

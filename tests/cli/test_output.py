"""The CLI as a script sees it: plain text when piped, no colour with NO_COLOR, exit codes."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_4cf5f6c82bb4f27d.txt"


def run(*args, **env):
    return subprocess.run(
        [sys.executable, "-m", "diglot", *args], capture_output=True, text=True, env={**os.environ, **env}
    )


def test_piped_output_is_plain_text():
    result = run("glossary", "find", str(SEED), FORCE_COLOR="", TERM="dumb")
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout
    assert "Commission to Help North Korean Refugees" in result.stdout


def test_no_color_is_respected_even_when_colour_is_forced():
    result = run("glossary", "find", str(SEED), FORCE_COLOR="1", NO_COLOR="1")
    colour = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])(?:;[0-9;]*)?m")  # foreground colours
    assert "\x1b[1m" in result.stdout and not colour.search(result.stdout)


def test_python_dash_m_and_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("diglot ")


def test_no_command_prints_help_and_exits_2():
    result = run()
    assert result.returncode == 2 and "glossary" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["align", "a.ko", "a.en", "-o", "a.ko", "--force", "--format", "tsv"],
        ["edition", "a.ko", "a.en", "-o", "a.en", "--force", "--format", "md"],
        ["check", "a.ko", "a.en", "--fix", "a.en", "--force"],
        ["glossary", "mine", "a.ko", "a.en", "-o", "a.ko", "--force"],
    ],
)
def test_an_output_that_is_an_input_is_refused_even_with_force(args, tmp_path, monkeypatch, capsys):
    from diglot.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.ko").write_text("탈북자 35명이 왔다.\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("35 N.K. defectors came.\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert main(args) == 2
    assert "is also an input; write the output to another file" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_an_output_encoding_without_korean_is_one_line_not_a_traceback():
    result = run("glossary", "show", "north-korea", "--lang", "en", PYTHONIOENCODING="ascii")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "diglot: error: standard output cannot hold this text (its encoding is ascii): set PYTHONIOENCODING=utf-8"
    ]


def test_messages_in_korean_reach_an_ascii_terminal_escaped():
    result = run("glossary", "show", "no-such-entry", "--lang", "ko", PYTHONIOENCODING="ascii")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "\\uc624\\ub958" in result.stderr  # 오류

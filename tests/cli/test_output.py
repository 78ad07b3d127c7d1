"""The CLI as a script sees it: plain text when piped, no colour with NO_COLOR, exit codes."""

import os
import re
import subprocess
import sys
from pathlib import Path

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

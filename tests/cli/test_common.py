"""cli.common: the progress bar (drawn on a terminal for long work only, fed by doc.Progress calls),
and the refusal of standard input named twice by any command that reads two files."""

import io
import sys

import pytest

from diglot.cli import main
from diglot.cli.common import progress_bar


def test_no_bar_in_a_pipe(monkeypatch, capsys):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    with progress_bar("translating") as progress:
        assert progress is None
    assert capsys.readouterr().err == ""


def test_bar_on_a_terminal_for_long_work_only(monkeypatch, capsys):
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich treats the stream as a terminal
    monkeypatch.delenv("NO_COLOR", raising=False)
    with progress_bar("translating", worth_it=False) as progress:
        assert progress is None
    with progress_bar("translating") as progress:
        progress(1, 3)
        progress(3, 3)
    drawn = capsys.readouterr().err
    assert "translating" in drawn and "3/3" in drawn


@pytest.mark.parametrize(
    "argv",
    [
        ["translate", "-", "-", "--to", "en"],
        ["check", "-", "-"],
        ["align", "-", "-"],
        ["edition", "-", "-", "-o", "out.html"],
        ["glossary", "mine", "--presplit", "-", "-"],
        ["glossary", "consistency", "-", "-"],
    ],
)
def test_standard_input_named_twice_is_refused(argv, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO("경찰이 도착했다.\n"))  # not empty: the refusal is not about that
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == ["diglot: error: standard input (-) can be given only once"]
    assert sys.stdin.read() == "경찰이 도착했다.\n" and list(tmp_path.iterdir()) == []

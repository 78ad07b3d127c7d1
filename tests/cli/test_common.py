"""cli.common's progress bar: drawn on a terminal for long work only, fed by doc.Progress calls."""

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

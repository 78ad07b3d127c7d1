"""Where the CLI writes: rich consoles that fall back to plain text.

rich writes plain text when the output is not a terminal and honours ``NO_COLOR``; the consoles
are made per call so tests that capture stdout see what a user would.
"""

from __future__ import annotations

import os
import sys
import unicodedata

from rich.console import Console

from diglot.i18n import _


# Piped output is read in files and logs, not an 80-column terminal: give tables room.
_PIPE_WIDTH = 140


def _console(stream) -> Console:  # type: ignore[no-untyped-def]
    width = None if stream.isatty() or os.environ.get("COLUMNS") else _PIPE_WIDTH
    return Console(file=stream, highlight=False, soft_wrap=True, width=width)


def stdout() -> Console:
    return _console(sys.stdout)


def stderr() -> Console:
    return _console(sys.stderr)


def one_line(message: str) -> str:
    """``message`` with every line break and control character written as an escape (``\\n``,
    ``\\x1b``): a file name or an id may hold them, and an error must stay one line that cannot
    move the cursor or recolour the terminal.

    >>> one_line("a\\nb.txt: no such file")
    'a\\\\nb.txt: no such file'
    """
    return "".join(_escape(ch) for ch in message)


def _escape(ch: str) -> str:
    if ch == "\t" or (unicodedata.category(ch) != "Cc" and ch not in "\u2028\u2029"):
        return ch
    return repr(ch)[1:-1]  # \n, \x1b, \x85, \u2028


def print_error(message: str) -> None:
    """One line on standard error: ``diglot: error: MESSAGE``."""
    stderr().print(f"diglot: {_('error')}: {one_line(message)}", markup=False, style="bold red")


def print_warning(message: str) -> None:
    stderr().print(f"diglot: {_('warning')}: {one_line(message)}", markup=False, style="yellow")

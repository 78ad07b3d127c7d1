"""Where the CLI writes: rich consoles that fall back to plain text.

rich writes plain text when the output is not a terminal and honours ``NO_COLOR``; the consoles
are made per call so tests that capture stdout see what a user would.
"""

from __future__ import annotations

import sys

from rich.console import Console

from diglot.i18n import _


def stdout() -> Console:
    return Console(file=sys.stdout, highlight=False, soft_wrap=True)


def stderr() -> Console:
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


def print_error(message: str) -> None:
    """One line on standard error: ``diglot: error: MESSAGE``."""
    stderr().print(f"diglot: {_('error')}: {message}", markup=False, style="bold red")


def print_warning(message: str) -> None:
    stderr().print(f"diglot: {_('warning')}: {message}", markup=False, style="yellow")

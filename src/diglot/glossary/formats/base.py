"""The base class of glossary file formats."""

from __future__ import annotations

from pathlib import Path

from diglot.glossary.model import Entry, Problem


class GlossaryFormat:
    """One file format a glossary can be read from or written to.

    Subclasses set :attr:`name` and :attr:`suffixes` and implement :meth:`read` and :meth:`dumps`.
    """

    name: str = ""
    suffixes: tuple[str, ...] = ()

    def read(self, path: Path, problems: list[Problem]) -> list[Entry]:
        """Read entries from ``path``; append problems to ``problems``; raise ``InputError`` if unreadable."""
        raise NotImplementedError

    def dumps(self, entries: list[Entry]) -> str:
        """Serialise ``entries`` to the text of a file in this format."""
        raise NotImplementedError

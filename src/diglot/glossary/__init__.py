"""The glossary: entries, their forms, and finding them in text.

>>> from diglot.glossary import load_glossary, Matcher
>>> matcher = Matcher(load_glossary())
>>> [m.entry for m in matcher.find("탈북자들은 강제 북송을 우려한다")]
['north-korean-defector', 'forced-repatriation']
"""

from typing import TYPE_CHECKING, Any

from diglot.glossary.load import default_glossary_dir, load_glossary, read_glossary
from diglot.glossary.model import (
    ACCEPTED,
    ADJECTIVE,
    FORBIDDEN,
    KINDS,
    PREFERRED,
    REFERENCE,
    TYPES,
    VARIANT,
    Entry,
    Glossary,
    Origin,
    Problem,
    Terms,
    unique_id,
)

if TYPE_CHECKING:
    from diglot.glossary.match import Matcher, Mention


def __getattr__(name: str) -> Any:
    """``Matcher`` and ``Mention`` on first use: the matcher needs numpy and pyahocorasick, which
    reading or editing a glossary does not."""
    if name in ("Matcher", "Mention"):
        from diglot.glossary import match

        return getattr(match, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "ACCEPTED",
    "ADJECTIVE",
    "FORBIDDEN",
    "KINDS",
    "PREFERRED",
    "REFERENCE",
    "TYPES",
    "VARIANT",
    "Entry",
    "Glossary",
    "Matcher",
    "Mention",
    "Origin",
    "Problem",
    "Terms",
    "default_glossary_dir",
    "load_glossary",
    "read_glossary",
    "unique_id",
]

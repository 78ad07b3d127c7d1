"""Glossary file formats, looked up by name or by file suffix (:data:`FORMATS`).

Each format is one module with a :class:`~diglot.glossary.formats.base.GlossaryFormat`
subclass that declares its name, suffixes and description: ``yaml`` (diglot's own), ``tbx``
(TBX-Basic / TBX 2019), ``csv`` and ``tsv`` (the two-column layout DeepL and Google accept),
``po`` (gettext, msgctxt = entry id). A new format is a new module here (see :mod:`diglot.registry`).

>>> get_format("tsv").suffixes
('.tsv',)
>>> format_for_path(Path("terms.xml")).name
'tbx'
"""

from __future__ import annotations

from pathlib import Path

from diglot.errors import DiglotError
from diglot.glossary.formats.base import GlossaryFormat
from diglot.i18n import N_, _
from diglot.registry import Registry

FORMATS: Registry[GlossaryFormat] = Registry(__name__, GlossaryFormat, N_("glossary format"))


def get_format(name: str, **options: str) -> GlossaryFormat:
    """The format called ``name`` (one of ``FORMATS.names()``).

    ``options`` go to the format's constructor: ``source_lang`` and ``target_lang`` (default
    ``ko`` and ``en``) choose the columns of CSV/TSV and msgid/msgstr of PO.
    """
    return FORMATS.get(name)(**options)


def format_for_path(path: Path) -> GlossaryFormat:
    """The format a file's suffix says (``.yml`` is YAML, ``.xml`` TBX)."""
    suffix = Path(path).suffix.lower()
    own = FORMATS.get("yaml")  # diglot's own files, the common case, without importing the others
    if suffix in own.suffixes:
        return own()
    for member in FORMATS.members().values():
        if suffix in member.suffixes:
            return member()
    suffixes = ", ".join(s for member in FORMATS.members().values() for s in member.suffixes)
    raise DiglotError(
        _("{name}: cannot tell the glossary format from the suffix {suffix} (use {suffixes})").format(
            name=path, suffix=suffix or "''", suffixes=suffixes
        )
    )


__all__ = ["FORMATS", "GlossaryFormat", "format_for_path", "get_format"]

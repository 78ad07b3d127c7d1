"""Glossary file formats, looked up by name or by file suffix.

Each format is one module with one :class:`~diglot.glossary.formats.base.GlossaryFormat`
subclass: ``yaml`` (diglot's own), ``tbx`` (TBX-Basic / TBX 2019), ``csv`` and ``tsv``
(the two-column layout DeepL and Google accept), ``po`` (gettext, msgctxt = entry id).
"""

from __future__ import annotations

import importlib
from pathlib import Path

from diglot.errors import DiglotError
from diglot.glossary.formats.base import GlossaryFormat
from diglot.i18n import _

# name → (module, class)
_REGISTRY = {
    "yaml": ("diglot.glossary.formats.yaml", "YamlFormat"),
    "tbx": ("diglot.glossary.formats.tbx", "TbxFormat"),
    "csv": ("diglot.glossary.formats.csv", "CsvFormat"),
    "tsv": ("diglot.glossary.formats.csv", "TsvFormat"),
    "po": ("diglot.glossary.formats.po", "PoFormat"),
}
_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".tbx": "tbx", ".csv": "csv", ".tsv": "tsv", ".po": "po"}

NAMES = tuple(_REGISTRY)


def get_format(name: str, **options: str) -> GlossaryFormat:
    """The format called ``name`` (``yaml``, ``tbx``, ``csv``, ``tsv``, ``po``).

    ``options`` go to the format's constructor: ``source_lang`` and ``target_lang`` (default
    ``ko`` and ``en``) choose the columns of CSV/TSV and msgid/msgstr of PO.
    """
    if name not in _REGISTRY:
        raise DiglotError(_("unknown glossary format {name} (one of {choices})").format(name=name, choices=", ".join(NAMES)))
    module, cls = _REGISTRY[name]
    return getattr(importlib.import_module(module), cls)(**options)


def format_for_path(path: Path) -> GlossaryFormat:
    """The format a file's suffix says (``.xml`` is read as TBX)."""
    suffix = path.suffix.lower()
    name = _SUFFIXES.get(suffix) or ("tbx" if suffix == ".xml" else None)
    if name is None:
        raise DiglotError(
            _("{name}: cannot tell the glossary format from the suffix {suffix} (use .yaml, .tbx, .csv, .tsv or .po)").format(
                name=path, suffix=suffix or "''"
            )
        )
    return get_format(name)

"""Edition writers, looked up by name or by output file suffix.

Each writer is one module with one :class:`~diglot.edition.writers.base.EditionWriter`
subclass: ``html`` (the bilingual edition, two columns), ``md`` (Markdown table), ``tmx``
(TMX 1.4b translation memory), ``xliff`` (XLIFF 1.2), ``po`` (gettext), ``tsv`` and ``jsonl``.

>>> get_writer("tmx").suffixes
('.tmx',)
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from diglot.edition.writers.base import EditionWriter
from diglot.errors import DiglotError
from diglot.i18n import _

# name → (module, class)
_REGISTRY = {
    "html": ("diglot.edition.writers.html", "HtmlWriter"),
    "md": ("diglot.edition.writers.markdown", "MarkdownWriter"),
    "tmx": ("diglot.edition.writers.tmx", "TmxWriter"),
    "xliff": ("diglot.edition.writers.xliff", "XliffWriter"),
    "po": ("diglot.edition.writers.po", "PoWriter"),
    "tsv": ("diglot.edition.writers.tsv", "TsvWriter"),
    "jsonl": ("diglot.edition.writers.jsonl", "JsonlWriter"),
}
_SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".tmx": "tmx",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".po": "po",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
}

NAMES = tuple(_REGISTRY)


def get_writer(name: str) -> EditionWriter:
    """The writer called ``name`` (one of :data:`NAMES`)."""
    if name not in _REGISTRY:
        raise DiglotError(_("unknown edition format {name} (one of {choices})").format(name=name, choices=", ".join(NAMES)))
    module, cls = _REGISTRY[name]
    return getattr(importlib.import_module(module), cls)()


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The format an output file's suffix names (``.html``, ``.md``, ``.tmx``, ``.xlf``, ``.po``…)."""
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise DiglotError(
            _("cannot tell the format from the suffix of {name}: use --format ({choices})").format(
                name=path, choices=", ".join(NAMES)
            )
        )
    return _SUFFIXES[suffix]


__all__ = ["NAMES", "EditionWriter", "format_for_path", "get_writer"]

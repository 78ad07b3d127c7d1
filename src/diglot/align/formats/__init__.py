"""Plain writers for aligned documents, looked up by name: ``tsv``, ``jsonl``, ``md``.

Each is one module with one :class:`~diglot.align.formats.base.BeadWriter` subclass. Rich
editions (HTML, TMX, XLIFF, PO) are :mod:`diglot.edition`'s work.
"""

from __future__ import annotations

import importlib

from diglot.align.formats.base import BeadWriter
from diglot.errors import DiglotError
from diglot.i18n import _

_REGISTRY = {
    "tsv": ("diglot.align.formats.tsv", "TsvWriter"),
    "jsonl": ("diglot.align.formats.jsonl", "JsonlWriter"),
    "md": ("diglot.align.formats.md", "MarkdownWriter"),
}
NAMES = tuple(_REGISTRY)


def get_writer(name: str) -> BeadWriter:
    """The writer called ``name`` (one of :data:`NAMES`)."""
    if name not in _REGISTRY:
        raise DiglotError(_("unknown format {name} (one of {choices})").format(name=name, choices=", ".join(NAMES)))
    module, cls = _REGISTRY[name]
    return getattr(importlib.import_module(module), cls)()


__all__ = ["NAMES", "BeadWriter", "get_writer"]

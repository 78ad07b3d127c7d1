"""Edition writers, looked up by name or by output file suffix (:data:`WRITERS`).

Each writer is one module with one :class:`~diglot.edition.writers.base.EditionWriter`
subclass: ``html`` (the bilingual edition, two columns), ``md`` (Markdown table), ``tmx``
(TMX 1.4b translation memory), ``xliff`` (XLIFF 1.2), ``po`` (gettext), ``tsv`` and ``jsonl``.
A new format is a new module here (see :mod:`diglot.registry`).

>>> get_writer("tmx").suffixes
('.tmx',)
>>> format_for_path("out.xlf")
'xliff'
"""

from __future__ import annotations

import os

from diglot.edition.writers.base import EditionWriter
from diglot.i18n import N_
from diglot.registry import Registry

WRITERS: Registry[EditionWriter] = Registry(__name__, EditionWriter, N_("edition format"))


def get_writer(name: str) -> EditionWriter:
    """The writer called ``name`` (one of ``WRITERS.names()``)."""
    return WRITERS.get(name)()


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The format an output file's suffix names (``.html``, ``.md``, ``.tmx``, ``.xlf``, ``.po``…)."""
    return WRITERS.for_path(path).name


__all__ = ["WRITERS", "EditionWriter", "format_for_path", "get_writer"]

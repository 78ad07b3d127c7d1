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
from typing import TYPE_CHECKING, Any

from diglot.i18n import N_
from diglot.registry import Registry

if TYPE_CHECKING:
    from diglot.edition.writers.base import EditionWriter

# The base class by name: the registry imports it (and the edition model it renders) only when a
# writer is looked up, so that listing the formats for --help imports no writer.
WRITERS: Registry[EditionWriter] = Registry(__name__, "EditionWriter", N_("edition format"))


def get_writer(name: str) -> EditionWriter:
    """The writer called ``name`` (one of ``WRITERS.names()``)."""
    return WRITERS.get(name)()


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The format an output file's suffix names (``.html``, ``.md``, ``.tmx``, ``.xlf``, ``.po``…)."""
    return WRITERS.for_path(path).name


def __getattr__(name: str) -> Any:
    """:class:`EditionWriter` on first use."""
    if name == "EditionWriter":
        from diglot.edition.writers.base import EditionWriter

        return EditionWriter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["WRITERS", "EditionWriter", "format_for_path", "get_writer"]

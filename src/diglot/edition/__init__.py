"""Bilingual editions: two versions of an article side by side, and the exchange files made from them.

>>> from diglot.edition import build_edition, write_edition
>>> edition = build_edition(english_text, korean_text, glossary)   # doctest: +SKIP
>>> write_edition(edition, "article.html")                          # doctest: +SKIP

:func:`build_edition` segments, aligns and checks two texts; :func:`make_edition` wraps a
document another stage made (an alignment alone, too), and :func:`translation_edition` a
machine translation (``diglot translate --edition``); these stages live in
:mod:`diglot.edition.pipeline`, and the :class:`Edition` they return is only rendered.
:func:`write_edition` renders an edition in any format of :mod:`diglot.edition.writers`
(``html``, ``md``, ``tmx``, ``xliff``, ``po``, ``tsv``, ``jsonl``).

The names of this face are imported on first use, so that ``diglot edition --help`` (which
needs only the writers' names) and ``diglot.edition.writers`` load no stage.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diglot.edition.writers import WRITERS, format_for_path, get_writer
from diglot.textio import atomic_write, check_output_path

if TYPE_CHECKING:
    from diglot.edition.model import Edition, Row
    from diglot.edition.pipeline import build_edition, find_mentions, make_edition, translation_edition

FORMATS = WRITERS.names()
_LAZY = {
    "Edition": "diglot.edition.model",
    "Row": "diglot.edition.model",
    "build_edition": "diglot.edition.pipeline",
    "find_mentions": "diglot.edition.pipeline",
    "make_edition": "diglot.edition.pipeline",
    "translation_edition": "diglot.edition.pipeline",
}


def __getattr__(name: str) -> Any:
    """The model and the pipeline on first use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def render_edition(edition: Edition, format: str) -> str:
    """The text of ``edition`` in ``format`` (one of :data:`FORMATS`)."""
    return get_writer(format).render(edition)


def write_edition(
    edition: Edition, path: str | os.PathLike[str], format: str | None = None, *, force: bool = False
) -> Path:
    """Write ``edition`` to ``path`` in ``format`` (default: the one the suffix names).

    An existing file is only replaced with ``force``; the write is atomic. Returns the path.
    """
    target = check_output_path(path, force)
    text = render_edition(edition, format or format_for_path(target))
    atomic_write(target, text)
    return target


__all__ = [
    "FORMATS",
    "WRITERS",
    "Edition",
    "Row",
    "build_edition",
    "find_mentions",
    "format_for_path",
    "make_edition",
    "render_edition",
    "translation_edition",
    "write_edition",
]

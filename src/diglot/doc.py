"""The plain data objects passed between diglot's stages.

text → :class:`Segment` list (segment) → :class:`Bead` list (align) or translations (translate)
→ findings (check) → renderers (edition). Indices in a bead point into the segment lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

# How long work reports how far it has come: called with the units done so far and the total
# (sentences, documents), both counting from the start; the CLI turns the calls into a progress bar.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Segment:
    """One sentence (or one boilerplate line) of a document.

    ``start`` and ``end`` are the segment's place in the document's normalised text (what
    :func:`diglot.textio.read_text` returns), like spaCy's ``Token.idx``: ``document[start:end]``
    holds the segment. ``text`` is that span as the later stages see it: the same characters,
    except that a sentence wrapped over several lines is joined with one space where the line
    break was (see :meth:`offsets`). Segments that do not come from a document text (a machine
    translation) have no offsets.
    """

    text: str
    paragraph: int = 0  # index of the paragraph the segment belongs to, from 0
    boilerplate: bool = False  # page noise (masthead, byline, dateline, "(Yonhap News)")
    start: int | None = None
    end: int | None = None

    def offsets(self, document: str) -> list[int]:
        """For each character of :attr:`text`, and for its end, the offset in ``document``.

        ``document`` is the normalised text the segment was cut from. Where :attr:`text` has one
        space for a run of white space in the document, the space maps to the run's start.
        """
        if self.start is None or self.end is None:
            raise ValueError("the segment has no place in a document")
        if document[self.start : self.end] == self.text:
            return list(range(self.start, self.end + 1))
        out, j = [], self.start
        for ch in self.text:
            out.append(j)
            if ch.isspace():
                while j < self.end and document[j].isspace():
                    j += 1
            else:
                j += 1
        out.append(self.end)
        return out


@dataclass(frozen=True)
class Bead:
    """A unit of alignment: source segments ``src`` translate target segments ``tgt``.

    Either side may be empty (a sentence left untranslated, or boilerplate).
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0

    def as_lists(self) -> list[list[int]]:
        return [list(self.src), list(self.tgt)]


@dataclass
class AlignedDocument:
    """Two language versions of one document and the beads that join them."""

    id: str
    src_lang: str
    tgt_lang: str
    src: list[Segment]
    tgt: list[Segment]
    beads: list[Bead] = field(default_factory=list)

    def bead_text(self, bead: Bead) -> tuple[str, str]:
        """The source and target text of a bead, sentences joined by a space."""
        return (
            " ".join(self.src[i].text for i in bead.src),
            " ".join(self.tgt[j].text for j in bead.tgt),
        )


@dataclass(frozen=True)
class Finding:
    """One result of checking a bead (or, with ``--presplit``, a line pair).

    Glossary statuses: ``ok``, ``variant``, ``forbidden``, ``missing``; further statuses (numbers,
    first-mention style, consistency) are documented in ``docs/check.md``.
    Spans are offsets into the bead's joined source and target text (:meth:`AlignedDocument.bead_text`).
    """

    status: str
    bead: int | None = None  # index into AlignedDocument.beads; the line index with --presplit
    entry: str | None = None  # glossary entry id, or None for number findings
    expected: str | None = None
    found: str | None = None
    src_span: tuple[int, int] | None = None
    tgt_span: tuple[int, int] | None = None
    message: str = ""
    # error, warning or note where the check rates a finding otherwise than its status does
    # (diglot.check.statuses.severity_of); None: the status's own severity.
    severity: str | None = None

"""Tab-separated values: one line per bead, for spreadsheets, TM imports and alignment scripts.

Columns: ``bead``, ``paragraph``, ``<src>_ids`` and ``<tgt>_ids`` (the bead's segment numbers,
comma-separated, empty for an empty side), the source language code (its text), the target
language code (its text), ``kind`` (``boilerplate``, or the bead's shape: ``1-1``, ``2-1``,
``1-0``…), ``score`` (the aligner's confidence) and ``findings`` (problem statuses,
comma-separated). Everything is numbered from 1. Every bead is written, boilerplate and
one-sided beads too; tabs and line breaks inside text become spaces, and nothing is quoted. The
first line is a ``#`` comment with the signature (``pandas.read_csv(..., sep="\\t", comment="#")``
skips it).
"""

from __future__ import annotations

from diglot.edition.model import Edition
from diglot.edition.writers.base import EditionWriter
from diglot.i18n import N_


def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").splitlines())


def _ids(indices: tuple[int, ...]) -> str:
    return ",".join(str(i + 1) for i in indices)


class TsvWriter(EditionWriter):
    name = "tsv"
    description = N_("tab-separated: bead, paragraph, segment ids, source, target, kind, score, findings")

    def render(self, edition: Edition) -> str:
        src, tgt = edition.doc.src_lang, edition.doc.tgt_lang
        header = ("bead", "paragraph", f"{src}_ids", f"{tgt}_ids", src, tgt, "kind", "score", "findings")
        lines = [f"# {edition.signature}", "\t".join(header)]
        for row in edition.rows:
            cells = (
                str(row.index + 1),
                str(row.paragraph + 1),
                _ids(row.bead.src),
                _ids(row.bead.tgt),
                _cell(row.source),
                _cell(row.target),
                row.kind,
                f"{row.bead.score:.3f}",
                ",".join(f.status for f in row.problems),
            )
            lines.append("\t".join(cells))
        return "\n".join(lines) + "\n"

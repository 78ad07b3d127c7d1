"""Tab-separated values: one line per bead, for spreadsheets and TM imports.

Columns: ``bead``, ``paragraph``, the source language code (its text), the target language code
(its text), ``boilerplate`` (``yes``/``no``), ``findings`` (problem statuses, comma-separated).
Every bead is written, boilerplate and one-sided beads too; tabs and line breaks inside text
become spaces, and nothing is quoted. The first line is a ``#`` comment with the signature
(``pandas.read_csv(..., sep="\\t", comment="#")`` skips it).
"""

from __future__ import annotations

from diglot.edition.model import Edition
from diglot.edition.writers.base import EditionWriter
from diglot.i18n import N_


def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").splitlines())


class TsvWriter(EditionWriter):
    name = "tsv"
    suffixes = (".tsv",)
    description = N_("tab-separated: bead, paragraph, source, target, boilerplate, findings")

    def render(self, edition: Edition) -> str:
        doc = edition.doc
        lines = [f"# {edition.signature}", "\t".join(("bead", "paragraph", doc.src_lang, doc.tgt_lang, "boilerplate", "findings"))]
        for row in edition.rows:
            lines.append(
                "\t".join(
                    (
                        str(row.index + 1),
                        str(row.paragraph + 1),
                        _cell(row.source),
                        _cell(row.target),
                        "yes" if row.boilerplate else "no",
                        ",".join(f.status for f in row.problems),
                    )
                )
            )
        return "\n".join(lines) + "\n"

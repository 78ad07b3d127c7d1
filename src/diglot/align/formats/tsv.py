"""TSV: one bead a line, ``source ids, target ids, source text, target text, kind``.

Ids are segment numbers from 0 joined by commas (empty for an empty side); ``kind`` is
``boilerplate`` for page noise, ``null`` for a sentence left untranslated, ``aligned`` otherwise.
A first line starting with ``#`` carries the provenance signature; tabs and line ends inside
texts become spaces.
"""

from __future__ import annotations

from diglot.align.formats.base import BeadWriter
from diglot.doc import AlignedDocument
from diglot.provenance import Signature


def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def bead_kind(writer: BeadWriter, doc: AlignedDocument, bead) -> str:
    if writer.is_boilerplate(doc, bead):
        return "boilerplate"
    return "aligned" if bead.src and bead.tgt else "null"


class TsvWriter(BeadWriter):
    name = "tsv"

    def render(self, doc: AlignedDocument, signature: Signature) -> str:
        lines = [f"# {signature}", f"#{doc.src_lang}_ids\t{doc.tgt_lang}_ids\t{doc.src_lang}\t{doc.tgt_lang}\tkind"]
        for bead in doc.beads:
            src, tgt = doc.bead_text(bead)
            lines.append(
                "\t".join(
                    [",".join(map(str, bead.src)), ",".join(map(str, bead.tgt)), _cell(src), _cell(tgt),
                     bead_kind(self, doc, bead)]
                )  # fmt: skip
            )
        return "\n".join(lines) + "\n"

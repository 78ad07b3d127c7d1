"""Markdown: a two-column table, one bead a row; boilerplate in italics, provenance at the end."""

from __future__ import annotations

from diglot.align.formats.base import BeadWriter
from diglot.doc import AlignedDocument
from diglot.provenance import Signature
from diglot.segment import LANGUAGE_NAMES


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


class MarkdownWriter(BeadWriter):
    name = "md"

    def render(self, doc: AlignedDocument, signature: Signature) -> str:
        src_name, tgt_name = (LANGUAGE_NAMES.get(code, code) for code in (doc.src_lang, doc.tgt_lang))
        lines = [f"| # | {src_name} | {tgt_name} |", "| --- | --- | --- |"]
        for number, bead in enumerate(doc.beads, 1):
            src, tgt = (_cell(t) for t in doc.bead_text(bead))
            if self.is_boilerplate(doc, bead):
                src, tgt = (f"*{t}*" if t else "" for t in (src, tgt))
            lines.append(f"| {number} | {src} | {tgt} |")
        lines += ["", f"<!-- {signature} -->"]
        return "\n".join(lines) + "\n"

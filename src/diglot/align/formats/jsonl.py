"""JSON Lines: a first line with the document's languages and provenance, then one bead a line.

``{"src": [0], "tgt": [0, 1], "src_text": "…", "tgt_text": "…", "kind": "aligned", "score": -3.2}``
(``kind`` as in TSV; ``score`` is the bead's log-likelihood ratio against chance, higher is surer).
"""

from __future__ import annotations

import json

from diglot.align.formats.base import BeadWriter
from diglot.align.formats.tsv import bead_kind
from diglot.doc import AlignedDocument
from diglot.provenance import Signature


class JsonlWriter(BeadWriter):
    name = "jsonl"

    def render(self, doc: AlignedDocument, signature: Signature) -> str:
        head = {"id": doc.id, "src_lang": doc.src_lang, "tgt_lang": doc.tgt_lang, "signature": signature.as_dict()}
        lines = [json.dumps(head, ensure_ascii=False)]
        for bead in doc.beads:
            src, tgt = doc.bead_text(bead)
            record = {"src": list(bead.src), "tgt": list(bead.tgt), "src_text": src, "tgt_text": tgt,
                      "kind": bead_kind(self, doc, bead), "score": round(bead.score, 3)}  # fmt: skip
            lines.append(json.dumps(record, ensure_ascii=False))
        return "\n".join(lines) + "\n"

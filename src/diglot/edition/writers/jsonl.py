"""JSON Lines: a header record, then one record per bead, for scripts and data pipelines.

The first line is ``{"type": "edition", "id", "src_lang", "tgt_lang", "machine_translation",
"signature", "summary"}``; each next line is ``{"type": "bead", "bead", "paragraph", "kind",
"boilerplate", "score", "src", "tgt", "src_segments", "tgt_segments", "terms", "findings"}``.
Beads, paragraphs and segments are numbered from 1, as in every other format; ``kind`` is
``boilerplate`` or the bead's shape (``1-1``, ``2-1``, ``1-0``…). Term and finding spans are
character offsets into ``src`` and ``tgt``. An alignment alone has no terms and no findings.
"""

from __future__ import annotations

import json

from diglot.edition.model import Edition
from diglot.edition.writers.base import EditionWriter
from diglot.i18n import N_


class JsonlWriter(EditionWriter):
    name = "jsonl"
    description = N_("JSON Lines: a header record, then one record per bead with its terms and findings")

    def render(self, edition: Edition) -> str:
        records: list[dict[str, object]] = [
            {
                "type": "edition",
                "id": edition.doc.id,
                "src_lang": edition.doc.src_lang,
                "tgt_lang": edition.doc.tgt_lang,
                "machine_translation": edition.machine,
                "signature": edition.signature.as_dict(),
                "summary": edition.summary(),
            }
        ]
        for row in edition.rows:
            terms = [
                {"side": side, "start": m.start, "end": m.end, "entry": m.entry, "kind": m.kind, "text": m.text}
                for side, mentions in (("src", row.src_mentions), ("tgt", row.tgt_mentions))
                for m in mentions
            ]
            findings = [
                {
                    "status": f.status,
                    "entry": f.entry,
                    "expected": f.expected,
                    "found": f.found,
                    "src_span": list(f.src_span) if f.src_span else None,
                    "tgt_span": list(f.tgt_span) if f.tgt_span else None,
                    "message": f.message,
                }
                for f in row.findings
            ]
            records.append(
                {
                    "type": "bead",
                    "bead": row.index + 1,
                    "paragraph": row.paragraph + 1,
                    "kind": row.kind,
                    "boilerplate": row.boilerplate,
                    "score": round(row.bead.score, 4),
                    "src": row.source,
                    "tgt": row.target,
                    "src_segments": [i + 1 for i in row.bead.src],
                    "tgt_segments": [j + 1 for j in row.bead.tgt],
                    "terms": terms,
                    "findings": findings,
                }
            )
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)

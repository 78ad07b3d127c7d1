"""The findings of ``diglot check`` as JSON records, for ``--json`` and the server's ``/api/check``."""

from __future__ import annotations

from diglot.check.statuses import severity_of
from diglot.check.waivers import finding_id
from diglot.doc import AlignedDocument, Finding


def json_records(doc: AlignedDocument, findings: list[Finding], presplit: bool = False) -> list[dict[str, object]]:
    """The findings as ``diglot check --json`` writes them: one record a bead, in order.

    With ``presplit`` the fixed contract ``{"line": N, "findings": [...]}``, N from 1; else the
    bead's number, its segments (from 1) and texts. Each finding is ``id`` (what ``--waive``
    takes), ``entry``, ``status``, ``severity``, ``expected``, ``found`` and ``message``.
    """
    by_bead: dict[int, list[Finding]] = {}
    for finding in findings:
        by_bead.setdefault(finding.bead if finding.bead is not None else 0, []).append(finding)
    records = []
    for index, bead in enumerate(doc.beads):
        record: dict[str, object]
        if presplit:
            record = {"line": index + 1}
        else:
            source, target = doc.bead_text(bead)
            record = {
                "bead": index + 1,
                "source_segments": [i + 1 for i in bead.src],
                "target_segments": [j + 1 for j in bead.tgt],
                "source": source,
                "target": target,
            }
        source = doc.bead_text(bead)[0]
        record["findings"] = [
            {
                "id": finding_id(f, source),
                "entry": f.entry,
                "status": f.status,
                "severity": severity_of(f),
                "expected": f.expected,
                "found": f.found,
                "message": f.message,
            }
            for f in by_bead.get(index, [])
        ]
        records.append(record)
    return records

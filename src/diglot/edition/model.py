"""The edition: an aligned (or translated) document with its glossary terms and check findings.

An :class:`Edition` holds results computed elsewhere (:mod:`diglot.edition.pipeline` runs the
stages); writers (:mod:`diglot.edition.writers`) only render it, through its :attr:`~Edition.rows`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from diglot.check import is_problem, severity_of
from diglot.check.statuses import NOTE
from diglot.doc import AlignedDocument, Bead, Finding
from diglot.glossary import Glossary, Mention
from diglot.i18n import ngettext
from diglot.provenance import Signature


@dataclass(frozen=True)
class Row:
    """One bead as writers see it: its text, paragraph, terms and findings."""

    index: int  # position in AlignedDocument.beads
    bead: Bead
    source: str  # the bead's source sentences joined by a space ("" if none)
    target: str
    paragraph: int  # paragraph of the source side (of the target side for a target-only bead)
    new_paragraph: bool  # the first bead of its paragraph
    boilerplate: bool  # every segment of the bead is page noise
    src_mentions: tuple[Mention, ...] = ()  # offsets into ``source``
    tgt_mentions: tuple[Mention, ...] = ()  # offsets into ``target``
    findings: tuple[Finding, ...] = ()

    @property
    def shape(self) -> str:
        """``"1-1"``, ``"2-1"``, ``"1-0"``…: how many sentences each side holds."""
        return f"{len(self.bead.src)}-{len(self.bead.tgt)}"

    @property
    def kind(self) -> str:
        """``"boilerplate"`` for page noise, else the :attr:`shape`."""
        return "boilerplate" if self.boilerplate else self.shape

    @property
    def complete(self) -> bool:
        """Both sides have text: the bead is a translation pair, not a lone sentence."""
        return bool(self.source) and bool(self.target)

    @property
    def problems(self) -> tuple[Finding, ...]:
        """The findings that report something to fix: errors and warnings (not ``ok``, not notes)."""
        return tuple(f for f in self.findings if is_problem_finding(f))

    @property
    def notes(self) -> tuple[Finding, ...]:
        """The findings worth a glance only (severity ``note``): shown muted, never counted as problems."""
        return tuple(f for f in self.findings if is_note(f))


def is_note(finding: Finding) -> bool:
    """A finding the check rates a note (``diglot.check.severity_of``)."""
    return is_problem(finding.status) and severity_of(finding) == NOTE


def is_problem_finding(finding: Finding) -> bool:
    """A finding to act on: any status but ``ok`` that is not a note (an unknown status counts)."""
    return is_problem(finding.status) and not is_note(finding)


@dataclass(frozen=True)
class Edition:
    """Everything a writer renders: the document, its terms, its findings and its provenance.

    An alignment alone (no glossary, no findings) is an edition too: writers then leave terms
    and findings out.
    """

    doc: AlignedDocument
    signature: Signature
    mentions: list[tuple[list[Mention], list[Mention]]] = field(default_factory=list)  # per bead
    findings: list[Finding] = field(default_factory=list)
    glossary: Glossary | None = None
    machine: bool = False  # the target side is a machine translation

    @property
    def checked(self) -> bool:
        """The edition carries glossary terms and check findings, not an alignment alone."""
        return self.glossary is not None or bool(self.findings)

    @cached_property
    def rows(self) -> list[Row]:
        """One :class:`Row` per bead, made once."""
        doc = self.doc
        by_bead: dict[int | None, list[Finding]] = {}
        for finding in self.findings:
            by_bead.setdefault(finding.bead, []).append(finding)
        rows: list[Row] = []
        last_src = last_tgt = None
        for index, bead in enumerate(doc.beads):
            source, target = doc.bead_text(bead)
            src_segments, tgt_segments = [doc.src[i] for i in bead.src], [doc.tgt[j] for j in bead.tgt]
            src_paragraph = src_segments[0].paragraph if src_segments else None
            tgt_paragraph = tgt_segments[0].paragraph if tgt_segments else None
            # A paragraph starts where either side starts one (the two may break differently).
            new_paragraph = (src_paragraph is not None and src_paragraph != last_src) or (
                tgt_paragraph is not None and tgt_paragraph != last_tgt
            )
            segments = src_segments + tgt_segments
            src_mentions, tgt_mentions = self.mentions[index] if index < len(self.mentions) else ([], [])
            rows.append(
                Row(
                    index=index,
                    bead=bead,
                    source=source,
                    target=target,
                    paragraph=src_paragraph if src_paragraph is not None else (tgt_paragraph or 0),
                    new_paragraph=new_paragraph,
                    boilerplate=bool(segments) and all(s.boilerplate for s in segments),
                    src_mentions=tuple(src_mentions),
                    tgt_mentions=tuple(tgt_mentions),
                    findings=tuple(by_bead.get(index, ())),
                )
            )
            last_src = src_segments[-1].paragraph if src_segments else last_src
            last_tgt = tgt_segments[-1].paragraph if tgt_segments else last_tgt
        return rows

    @property
    def title(self) -> str:
        """The first sentence of the source that is not page noise (the headline), else the id."""
        for row in self.rows:
            if row.source and not row.boilerplate:
                return row.source
        return self.doc.id

    def summary(self) -> dict[str, object]:
        """Counts for the top of an edition: beads, terms and findings."""
        rows = self.rows
        terms = [m for pair in self.mentions for side in pair for m in side]
        problems = Counter(f.status for f in self.findings if is_problem_finding(f))
        return {
            "beads": len(rows),
            "pairs": sum(1 for r in rows if r.complete and not r.boilerplate),
            "boilerplate": sum(1 for r in rows if r.boilerplate),
            "unmatched": sum(1 for r in rows if not r.complete and not r.boilerplate),
            "terms": len(terms),
            "entries": len({m.entry for m in terms}),
            "findings": sum(problems.values()),
            "by_status": dict(sorted(problems.items())),
            "notes": sum(1 for f in self.findings if is_note(f)),
        }

    def summary_line(self, separator: str = " · ") -> str:
        """The :meth:`summary` in words: ``12 beads · 30 glossary terms (9 entries) · 1 finding``.

        An alignment alone says only how many beads it has.
        """
        s = self.summary()
        parts = [ngettext("{n} bead", "{n} beads", s["beads"]).format(n=s["beads"])]
        if self.checked:
            parts.append(
                ngettext("{n} glossary term", "{n} glossary terms", s["terms"]).format(n=s["terms"])
                + " "
                + ngettext("({n} entry)", "({n} entries)", s["entries"]).format(n=s["entries"])
            )
            parts.append(ngettext("{n} finding", "{n} findings", s["findings"]).format(n=s["findings"]))
            if s["notes"]:
                parts.append(ngettext("{n} note", "{n} notes", s["notes"]).format(n=s["notes"]))
        return separator.join(parts)

"""Consistency across a corpus: which Korean terms are rendered in English in more than one way.

Two reports, the input a terminologist needs to decide a preferred form:

* :func:`glossary_consistency`, for terms the glossary has: for every bead whose Korean side
  mentions an entry (:class:`~diglot.glossary.Matcher`), which of the entry's English forms the
  English side uses — preferred, a variant, a forbidden form — or none of them;
* :func:`mined_consistency`, for frequent terms the glossary lacks: the distinct English
  candidates associated with each Korean candidate over the aligned beads
  (:mod:`diglot.mine.associate`). An English candidate counts as a rendering of a Korean one only
  if that Korean candidate is its best partner, so ``McCain`` is not a rendering of ``오바마``
  though the two names share many sentences, and a one-word candidate mostly seen inside a longer
  rendering gives way to it.

Counts are beads (aligned sentence pairs), not mentions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diglot.glossary import ACCEPTED, ADJECTIVE, FORBIDDEN, PREFERRED, REFERENCE, VARIANT, Glossary, Matcher
from diglot.mine.associate import Association, associate, prefer_longest
from diglot.mine.corpus import BeadText
from diglot.mine.propose import CandidateTable, candidate_table

NONE = "none"  # the English side uses none of the entry's forms
OTHER = "other"  # a mined rendering (no glossary kind)
_ACCEPTABLE = (PREFERRED, ADJECTIVE, ACCEPTED, REFERENCE)  # the kinds that render an entry the house way
_KIND_ORDER = (*_ACCEPTABLE, VARIANT, FORBIDDEN, OTHER, NONE)
MAX_EXAMPLES = 2
MAX_RENDERINGS = 5
MIN_DICE_SHARE = 0.25  # a mined rendering's Dice must be at least this share of the best one's


@dataclass
class Rendering:
    """One way a term is rendered, how often, and where."""

    form: str
    kind: str  # a glossary kind (preferred, adjective, accepted, reference, variant, forbidden), "none" or "other"
    count: int = 0
    examples: list[str] = field(default_factory=list)  # "where: English text"


@dataclass
class TermReport:
    """The renderings of one Korean term across the corpus, commonest first."""

    term: str  # the Korean form
    entry: str | None  # glossary entry id, None for a mined term
    occurrences: int  # beads whose Korean side has the term
    renderings: list[Rendering]

    @property
    def is_consistent(self) -> bool:
        """Rendered one way, and for a glossary term that way is its preferred form."""
        return len(self.renderings) <= 1 and all(r.kind in (*_ACCEPTABLE, OTHER) for r in self.renderings)


def glossary_consistency(beads: list[BeadText], glossary: Glossary) -> list[TermReport]:
    """For each glossary entry mentioned in the Korean text, the English forms used beside it."""
    matcher = Matcher(glossary, ["ko", "en"])
    reports: dict[str, TermReport] = {}
    for bead in beads:
        korean = {m.entry: m for m in matcher.find(bead.ko, "ko")}
        english: dict[str, set[tuple[str, str]]] = {}
        for m in matcher.find(bead.en, "en"):
            english.setdefault(m.entry, set()).add((m.form, m.kind))
        for entry_id, mention in korean.items():
            entry = glossary.get(entry_id)
            report = reports.setdefault(
                entry_id, TermReport(entry.preferred("ko") if entry else mention.form, entry_id, 0, [])
            )
            report.occurrences += 1
            for form, kind in sorted(english.get(entry_id, {("", NONE)})):
                _count(report, form, kind, bead)
    return _sorted(reports.values())


def mined_consistency(
    beads: list[BeadText],
    glossary: Glossary | None = None,
    *,
    min_count: int = 3,
    table: CandidateTable | None = None,
) -> list[TermReport]:
    """For Korean candidates in at least ``min_count`` beads (and not in the glossary), the English
    candidates that render them."""
    table = table or candidate_table(beads)
    associations = prefer_longest(associate(zip(table.ko, table.en), min_count=min_count))
    best_partner: dict[str, Association] = {}
    for a in associations:  # best first: the first seen for an English candidate is its best partner
        best_partner.setdefault(a.en, a)
    renderings: dict[str, list[Association]] = {}
    for a in associations:
        if best_partner[a.en].ko == a.ko:
            renderings.setdefault(a.ko, []).append(a)
    matcher = Matcher(glossary, ["ko"]) if glossary is not None and len(glossary) else None
    reports = []
    for ko, found in renderings.items():
        written = table.written(ko, "ko")
        if matcher and any(m.start == 0 and m.end == len(written) for m in matcher.find(written, "ko")):
            continue
        top = found[0].dice
        kept = [a for a in found if a.dice >= MIN_DICE_SHARE * top][:MAX_RENDERINGS]
        report = TermReport(written, None, found[0].ko_count, [])
        for a in kept:
            rendering = Rendering(table.written(a.en, "en"), OTHER, a.together)
            for index in table.examples(a.ko, a.en, MAX_EXAMPLES):
                rendering.examples.append(f"{table.beads[index].where}: {table.beads[index].en}")
            report.renderings.append(rendering)
        reports.append(report)
    return _sorted(reports)


def _count(report: TermReport, form: str, kind: str, bead: BeadText) -> None:
    for rendering in report.renderings:
        if rendering.form == form and rendering.kind == kind:
            break
    else:
        rendering = Rendering(form, kind)
        report.renderings.append(rendering)
    rendering.count += 1
    if len(rendering.examples) < MAX_EXAMPLES:
        rendering.examples.append(f"{bead.where}: {bead.en}")


def _sorted(reports) -> list[TermReport]:  # type: ignore[no-untyped-def]
    out = list(reports)
    for report in out:
        report.renderings.sort(key=lambda r: (-r.count, _KIND_ORDER.index(r.kind), r.form))
    out.sort(key=lambda r: (r.is_consistent, -r.occurrences, r.term))
    return out

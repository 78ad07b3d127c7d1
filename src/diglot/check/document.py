"""Checks of a sentence pair and of a whole aligned document.

:func:`check_pair` is what a translation engine calls on its own output; :func:`check_document`
adds what only a whole document shows: first-mention style, and one entry rendered two ways.

Across beads, a document also explains what one pair alone cannot: a term already rendered in
an earlier bead and left out of a later one is an ellipsis, not ``missing`` (the text goes on
about "the government" after "the Chinese government"), and a number or term that a translation
moved into the next or the previous sentence (the two sides split a sentence differently) is
matched there. Style state (first mention, long form, consistency) never crosses a document.

A presplit file (``--presplit``: line N translates line N) says nothing of where its articles
begin and end, so each line pair is its own scope for the style rules (long form and consistency
within the line; no first-mention finding, which needs the article's start), and an ellipsis looks
back :data:`PRESPLIT_CONTEXT` lines only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import diglot.check.statuses as statuses
from diglot.check.numbers import Number, Unmatched, compare_numbers, number_findings
from diglot.check.terms import check_terms, target_mentions
from diglot.doc import AlignedDocument, Bead, Finding
from diglot.errors import InputError
from diglot.glossary import REFERENCE, Matcher, Mention
from diglot.glossary.match import search_key
from diglot.i18n import _
from diglot.segment import segment_lines

SHIFT_REACH = 3  # how far apart two beads may be whose figures are one shifted sentence's
PRESPLIT_CONTEXT = 3  # lines before a line of a presplit file that stand for "earlier in the article"
_DIGIT = re.compile(r"\d")


def check_pair(
    source_text: str,
    target_text: str,
    src_lang: str,
    tgt_lang: str,
    matcher: Matcher,
    bead: int | None = None,
    numbers: bool = True,
) -> list[Finding]:
    """Glossary and number findings for one source sentence (or line) and its translation.

    >>> from diglot.glossary import load_glossary, Matcher
    >>> findings = check_pair("탈북자 35명", "35 North Korean escapees", "ko", "en", Matcher(load_glossary()))
    >>> [(f.status, f.expected, f.found) for f in findings]
    [('forbidden', 'North Korean defector', 'North Korean escapee')]

    Spans are offsets into ``source_text`` and ``target_text`` as given (NFC text); ``bead``
    is copied into each finding. ``ok`` findings are included: filter with
    :func:`diglot.check.statuses.is_problem` for the problems only.
    """
    findings = check_terms(source_text, target_text, src_lang, tgt_lang, matcher, bead)
    if numbers:
        findings += number_findings(_compare_numbers(source_text, target_text, src_lang, tgt_lang, matcher), bead)
    return findings


def _compare_numbers(
    source: str, target: str, src_lang: str, tgt_lang: str, matcher: Matcher, nearby: tuple[str, str] = ("", "")
) -> Unmatched:
    """The numbers of a pair compared, those inside glossary terms (the 6 of 6자회담) left out;
    ``nearby``: the source and target text of the beads around (dates said relatively there)."""
    return compare_numbers(
        source, target, src_lang, tgt_lang, _term_spans(source, src_lang, matcher), _term_spans(target, tgt_lang, matcher),
        nearby,
    )


def _term_spans(text: str, lang: str, matcher: Matcher) -> tuple[tuple[int, int], ...]:
    if not _DIGIT.search(text):
        return ()
    return tuple((m.start, m.end) for m in matcher.find(text, lang) if _DIGIT.search(m.text))


def checked_beads(doc: AlignedDocument) -> list[int]:
    """The beads worth checking: both sides present and not page noise (masthead, credit line)."""
    out = []
    for index, bead in enumerate(doc.beads):
        if not bead.src or not bead.tgt:
            continue
        if all(doc.src[i].boilerplate for i in bead.src) or all(doc.tgt[j].boilerplate for j in bead.tgt):
            continue
        out.append(index)
    return out


def check_document(
    doc: AlignedDocument, matcher: Matcher, numbers: bool = True, presplit: bool = False
) -> list[Finding]:
    """Every finding of ``doc``: each bead's terms and numbers, then first-mention and consistency.

    Findings come in bead order; spans are offsets into :meth:`AlignedDocument.bead_text`.
    Beads with an empty side (an untranslated sentence) and boilerplate beads are not checked.
    ``presplit``: the beads are the line pairs of a presplit file, of unknown article boundaries
    (see the module's docstring for what that changes).
    """
    beads = checked_beads(doc)
    texts = {index: doc.bead_text(doc.beads[index]) for index in beads}
    terms: dict[int, list[Finding]] = {}
    mentions: dict[int, list[Mention]] = {}  # target mentions of each bead, in order
    compared: dict[int, Unmatched] = {}
    for position, index in enumerate(beads):
        source, target = texts[index]
        terms[index] = check_terms(source, target, doc.src_lang, doc.tgt_lang, matcher, index)
        mentions[index] = target_mentions(target, doc.tgt_lang, matcher)
        if numbers:
            around = [texts[b] for b in beads[max(0, position - 1) : position + 2] if b != index]
            nearby = ("\n".join(s for s, _t in around), "\n".join(t for _s, t in around))
            compared[index] = _compare_numbers(source, target, doc.src_lang, doc.tgt_lang, matcher, nearby)
    _match_numbers_across_neighbours(compared)
    findings: list[Finding] = []
    of_bead: dict[int, list[Finding]] = {}
    earlier: set[str] = set()  # the entries the translation renders in the beads so far
    for position, index in enumerate(beads):
        if presplit:  # an unknown article boundary: only the few lines before
            earlier = {m.entry for bead in beads[max(0, position - PRESPLIT_CONTEXT) : position] for m in mentions[bead]}
        kept = _without_ellipses(terms, position, beads, mentions, earlier, presplit, matcher, texts, doc.src_lang)
        if numbers:
            kept += number_findings(compared[index], index)
        findings += kept
        of_bead[index] = kept
        if not presplit:
            earlier |= {m.entry for m in mentions[index]}
    scopes = [[index] for index in beads] if presplit else [beads]
    for scope in scopes:
        scoped = [(index, m) for index in scope for m in mentions[index]]
        if presplit:  # where the article starts is not known: only what follows a first mention in the line
            style = [f for f in first_mention_findings(doc, scoped, matcher) if f.status != statuses.FIRST_MENTION]
        else:
            style = first_mention_findings(doc, scoped, matcher) + reference_findings(doc, scoped, matcher)
        findings += style
        in_scope = [f for index in scope for f in of_bead[index]] + [f for f in style if f.bead in scope]
        findings += consistency_findings(in_scope, matcher, doc.tgt_lang)
    findings.sort(key=lambda f: f.bead if f.bead is not None else -1)  # stable: bead order kept within a bead
    return findings


def _without_ellipses(
    terms: dict[int, list[Finding]],
    position: int,
    beads: list[int],
    mentions: dict[int, list[Mention]],
    earlier: set[str],
    presplit: bool,
    matcher: Matcher,
    texts: dict[int, tuple[str, str]],
    src_lang: str,
) -> list[Finding]:
    """The term findings of the bead at ``position`` without the ``missing`` terms that the
    translation renders in an earlier bead (``earlier``: the entries rendered before, an ellipsis)
    or, in an aligned document, in the next one (a sentence split differently).

    In a presplit file, a term rendered only in the next line is a note instead:
    the corpus may split the sentence differently on the two sides, or the line may have lost the
    term, and only an editor reading both lines can tell. So is a capital standing for its
    government rendered by its country in the line before or after (*Pyongyang* said, 북한의 반발 in
    the next line). A neighbour's rendering counts only if that line's own source does not
    account for it (*President of the United States* = 미국 대통령 there renders nothing here).
    """
    index = beads[position]
    findings = terms[index]
    following = beads[position + 1 : position + 2]
    rendered = earlier if presplit else earlier | {m.entry for bead in following for m in mentions[bead]}
    adjacent = beads[max(0, position - 1) : position] + following
    kept = []
    for finding in findings:
        if finding.status != statuses.MISSING:
            kept.append(finding)
        elif finding.entry in rendered:
            continue
        elif presplit and _rendered_nearby(finding, texts[index][0], _spare(adjacent, terms, mentions), matcher, src_lang):
            kept.append(replace(finding, severity=statuses.NOTE))
        else:
            kept.append(finding)
    return kept


def _spare(beads: list[int], terms: dict[int, list[Finding]], mentions: dict[int, list[Mention]]) -> list[Mention]:
    """The target mentions of ``beads`` that no term of their own bead's source is rendered by."""
    used = {f.tgt_span for bead in beads for f in terms[bead] if f.tgt_span}
    return [m for bead in beads for m in mentions[bead] if (m.start, m.end) not in used]


def _rendered_nearby(finding: Finding, source: str, spare: list[Mention], matcher: Matcher, lang: str) -> bool:
    """Whether one of the ``spare`` target mentions renders ``finding``'s term: its own entry, or
    the country whose accepted forms hold the mentioned capital."""
    named = source[slice(*finding.src_span)].lower() if finding.src_span else ""
    entries = {finding.entry} | {
        entry.id
        for entry in matcher.glossary
        if lang in entry.langs and named in {form.lower() for form in entry.langs[lang].accepted}
    }
    return any(m.entry in entries for m in spare)


def _match_numbers_across_neighbours(compared: dict[int, Unmatched]) -> None:
    """Match what one bead leaves unmatched with what the bead before or after leaves unmatched on the
    other side: a figure the translation moved into the neighbouring sentence.

    Further away (up to :data:`SHIFT_REACH` beads), a bead whose other side left nothing unmatched
    (figures only missing, none changed) is excused the figures that sit unmatched there on the
    other side: the lines are shifted, and the figures are reported (or not) where they sit."""
    beads = sorted(compared)
    for a, b in zip(beads, beads[1:]):
        for mine, theirs in ((compared[a], compared[b]), (compared[b], compared[a])):
            _cross_match(mine.source, mine.source_all, theirs.target, theirs.target_all)
            _cross_match(mine.target, mine.target_all, theirs.source, theirs.source_all)
    for position, bead in enumerate(beads):
        mine = compared[bead]
        far = [compared[b] for b in beads[max(0, position - SHIFT_REACH) : position + SHIFT_REACH + 1] if abs(b - bead) > 1]
        if not mine.target_all:
            _excuse(mine.source, [n for other in far for n in other.target_all])
        if not mine.source_all:
            _excuse(mine.target, [n for other in far for n in other.source_all])


def _excuse(reportable: list[Number], others: list[Number]) -> None:
    """Take out of ``reportable`` what one of ``others`` matches by value; ``others`` keep theirs."""
    for number in list(reportable):
        if any(o.values & number.values for o in others):
            reportable.remove(number)


def _cross_match(reportable: list[Number], unmatched: list[Number], others: list[Number], others_all: list[Number]) -> None:
    """Take each of ``reportable`` that one of ``others_all`` matches by value out of both sides."""
    for number in list(reportable):
        partner = next((o for o in others_all if o.values & number.values), None)
        if partner is not None:
            for numbers, taken in ((reportable, number), (unmatched, number), (others, partner), (others_all, partner)):
                if taken in numbers:
                    numbers.remove(taken)


def first_mention_findings(
    doc: AlignedDocument, mentions: list[tuple[int, Mention]], matcher: Matcher
) -> list[Finding]:
    """First mention in first-mention style (``{long} ({short})`` by default), the short form after it.

    Only entries with a short form in the target language are looked at.
    """
    by_entry: dict[str, list[tuple[int, Mention]]] = {}
    for bead, mention in mentions:
        by_entry.setdefault(mention.entry, []).append((bead, mention))
    findings = []
    for entry_id, found in by_entry.items():
        terms = matcher.glossary.get(entry_id).langs[doc.tgt_lang]  # type: ignore[union-attr]
        if not terms.short:
            continue
        template = terms.first_mention or "{long} ({short})"
        first_bead, first = found[0]
        with_short = "{short}" in template
        following = found[1][1] if len(found) > 1 and found[1][0] == first_bead else None
        target = doc.bead_text(doc.beads[first_bead])[1]
        styled = not first.short and (
            not with_short
            or following is not None
            and following.short
            and _bare(target[first.end : following.start]) == _bare(_between(template))
        )
        if not styled:
            findings.append(
                Finding(
                    status=statuses.FIRST_MENTION,
                    bead=first_bead,
                    entry=entry_id,
                    expected=terms.first_mention_text(),
                    found=first.text,
                    tgt_span=(first.start, first.end),
                    message=_("the first mention should read {expected}").format(expected=terms.first_mention_text()),
                )
            )
        skip = 2 if styled and with_short else 1
        for bead, mention in found[skip:]:
            if not mention.short and mention.is_preferred:
                findings.append(
                    Finding(
                        status=statuses.LONG_FORM,
                        bead=bead,
                        entry=entry_id,
                        expected=terms.short,
                        found=mention.text,
                        tgt_span=(mention.start, mention.end),
                        message=_("after the first mention, write the short form {expected}").format(
                            expected=terms.short
                        ),
                    )
                )
    return findings


def reference_findings(doc: AlignedDocument, mentions: list[tuple[int, Mention]], matcher: Matcher) -> list[Finding]:
    """A short reference (``the North``) as an entry's first mention in the document: the reader
    has not been told yet what it refers to."""
    findings, seen = [], set()
    for bead, mention in mentions:
        if mention.entry in seen:
            continue
        seen.add(mention.entry)
        if mention.kind == REFERENCE:
            terms = matcher.glossary.get(mention.entry).langs[doc.tgt_lang]  # type: ignore[union-attr]
            findings.append(
                Finding(
                    status=statuses.FIRST_MENTION,
                    bead=bead,
                    entry=mention.entry,
                    expected=terms.first_mention_text(),
                    found=mention.text,
                    tgt_span=(mention.start, mention.end),
                    message=_("{found} refers to {expected}, which the document has not named yet").format(
                        found=mention.text, expected=terms.first_mention_text()
                    ),
                )
            )
    return findings


def _between(template: str) -> str:
    """What a first-mention template puts between the long and the short form: `` (`` in ``{long} ({short})``."""
    return template.split("{long}", 1)[-1].split("{short}", 1)[0]


def _bare(text: str) -> str:
    return "".join(text.split())


def consistency_findings(findings: list[Finding], matcher: Matcher, tgt_lang: str) -> list[Finding]:
    """One ``inconsistent`` finding per entry rendered in more than one way.

    Renderings are told apart by form (case, spacing and hyphens aside); the preferred form, its
    plural, its short form and the other renderings the glossary accepts (adjective, reference)
    are one rendering. The finding sits at the first mention that differs from the most frequent
    rendering. The preferred form beside a single other rendering is not reported: that one's own
    ``variant`` or ``forbidden`` finding says it all; two or more non-house renderings are.
    """
    seen: set[tuple[int | None, tuple[int, int]]] = set()
    renderings: dict[str, Counter[str]] = {}
    places: dict[str, list[tuple[str, Finding]]] = {}
    for finding in findings:
        if finding.status not in statuses.GLOSSARY_STATUSES or not finding.tgt_span or not finding.entry:
            continue
        if (finding.bead, finding.tgt_span) in seen:
            continue
        seen.add((finding.bead, finding.tgt_span))
        terms = matcher.glossary.get(finding.entry).langs[tgt_lang]  # type: ignore[union-attr]
        rendering = terms.preferred if finding.status == statuses.OK else finding.found or ""
        key = search_key(rendering).lower()
        renderings.setdefault(finding.entry, Counter())[key] += 1
        places.setdefault(finding.entry, []).append((key, finding))
    out = []
    for entry_id, counts in renderings.items():
        preferred_key = search_key(matcher.glossary.get(entry_id).langs[tgt_lang].preferred).lower()  # type: ignore[union-attr]
        if len(set(counts) - {preferred_key}) < 2:
            continue
        usual = max(counts, key=lambda k: (counts[k], k == preferred_key))
        shown = {key: (f.expected if f.status == statuses.OK else f.found) for key, f in reversed(places[entry_id])}
        first_odd = next(f for key, f in places[entry_id] if key != usual)
        summary = ", ".join(f"{shown[k]} ({n})" for k, n in counts.most_common())
        out.append(
            Finding(
                status=statuses.INCONSISTENT,
                bead=first_odd.bead,
                entry=entry_id,
                expected=shown[usual],
                found=first_odd.found,
                tgt_span=first_odd.tgt_span,
                message=_("rendered {count} ways in this document: {renderings}").format(
                    count=len(counts), renderings=summary
                ),
            )
        )
    return out


def presplit_document(
    source: str,
    target: str,
    src_lang: str,
    tgt_lang: str,
    source_name: str = "source",
    target_name: str = "target",
) -> AlignedDocument:
    """Line N of ``source`` with line N of ``target``: one segment a line, one bead a line pair.

    Lines are read by :func:`diglot.segment.segment_lines` (the one reading of presplit lines:
    stripped, with their offsets, empty lines and page noise marked as boilerplate and not
    checked). The names are for the error message when the line counts differ.
    """
    src, tgt = segment_lines(source, src_lang), segment_lines(target, tgt_lang)
    if len(src) != len(tgt):
        raise InputError(
            _(
                "{source} has {n} lines and {target} has {m}; with --presplit line N of one file must translate "
                "line N of the other"
            ).format(source=source_name, n=len(src), target=target_name, m=len(tgt))
        )
    return AlignedDocument(
        id=Path(target_name).name,
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        src=src,
        tgt=tgt,
        beads=[Bead((i,), (i,)) for i in range(len(src))],
    )

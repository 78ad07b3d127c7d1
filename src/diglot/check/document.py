"""Checks of a sentence pair and of a whole aligned document.

:func:`check_pair` is what a translation engine calls on its own output; :func:`check_document`
adds what only a whole document shows: first-mention style, and one entry rendered two ways.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from diglot.check import statuses
from diglot.check.numbers import check_numbers
from diglot.check.terms import check_terms, target_mentions
from diglot.doc import AlignedDocument, Bead, Finding, Segment
from diglot.errors import InputError
from diglot.glossary import Matcher, Mention
from diglot.glossary.match import search_key
from diglot.i18n import _


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
        findings += check_numbers(source_text, target_text, src_lang, tgt_lang, bead)
    return findings


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


def check_document(doc: AlignedDocument, matcher: Matcher, numbers: bool = True) -> list[Finding]:
    """Every finding of ``doc``: each bead by :func:`check_pair`, then first-mention and consistency.

    Findings come in bead order; spans are offsets into :meth:`AlignedDocument.bead_text`.
    Beads with an empty side (an untranslated sentence) and boilerplate beads are not checked.
    """
    findings: list[Finding] = []
    mentions: list[tuple[int, Mention]] = []  # target mentions of the whole document, in order
    for index in checked_beads(doc):
        source, target = doc.bead_text(doc.beads[index])
        findings += check_pair(source, target, doc.src_lang, doc.tgt_lang, matcher, index, numbers)
        mentions += [(index, m) for m in target_mentions(target, doc.tgt_lang, matcher)]
    findings += first_mention_findings(doc, mentions, matcher)
    findings += consistency_findings(findings, matcher, doc.tgt_lang)
    findings.sort(key=lambda f: f.bead if f.bead is not None else -1)  # stable: bead order kept within a bead
    return findings


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


def _between(template: str) -> str:
    """What a first-mention template puts between the long and the short form: `` (`` in ``{long} ({short})``."""
    return template.split("{long}", 1)[-1].split("{short}", 1)[0]


def _bare(text: str) -> str:
    return "".join(text.split())


def consistency_findings(findings: list[Finding], matcher: Matcher, tgt_lang: str) -> list[Finding]:
    """One ``inconsistent`` finding per entry rendered in more than one way.

    Renderings are told apart by form (case, spacing and hyphens aside); the preferred form, its
    plural and its short form are one rendering. The finding sits at the first mention that
    differs from the most frequent rendering.
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
        if len(counts) < 2:
            continue
        preferred_key = search_key(matcher.glossary.get(entry_id).langs[tgt_lang].preferred).lower()  # type: ignore[union-attr]
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

    Lines are kept as they are (not stripped), so finding spans are offsets into the lines;
    a final line end does not make an extra empty line. The names are for the error message
    when the line counts differ.
    """
    src_lines, tgt_lines = _lines(source), _lines(target)
    if len(src_lines) != len(tgt_lines):
        raise InputError(
            _(
                "{source} has {n} lines and {target} has {m}; with --presplit line N of one file must translate "
                "line N of the other"
            ).format(source=source_name, n=len(src_lines), target=target_name, m=len(tgt_lines))
        )
    return AlignedDocument(
        id=Path(target_name).name,
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        src=[Segment(line, i) for i, line in enumerate(src_lines)],
        tgt=[Segment(line, i) for i, line in enumerate(tgt_lines)],
        beads=[Bead((i,), (i,)) for i in range(len(src_lines))],
    )


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines

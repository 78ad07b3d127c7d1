"""Glossary enforcement around decoding: protect, restore, verify, repair.

For each source sentence, :func:`plan` finds the glossary mentions (:class:`diglot.glossary.Matcher`)
and builds the engine input, each mention replaced by its target rendering or a placeholder
(:mod:`diglot.translate.protect`). After decoding, :func:`finish` restores placeholders, then
verifies every mention in the output with the matcher, the way ``diglot check`` judges a
sentence pair (ok / variant / forbidden / missing), and repairs what failed:

* a variant or forbidden rendering is replaced by the planned rendering;
* a missing one is located through the model's cross-attention (the target tokens that attend
  most to the mention's source tokens) and that span is replaced;
* a term is put in by the one replacement of the project, ``diglot check --fix``'s
  (:func:`diglot.check.edit_for`), so what must agree with it follows: *a*/*an* before it, a
  capital at the start of a sentence, a headline's title case, the Korean particle after it
  (탈북민을 → 탈북자를). It writes an entry's preferred or short form, so a repaired first
  mention reads in the preferred form.

The first mention of an entry in a document takes its first-mention form (``Commission to Help
North Korean Refugees (CNKR)``) unless the source already gives the short form beside it
(``북한난민구호위원회(CNKR)``), which the model carries over itself.

Each mention ends up ``kept`` (the model carried the rendering itself), ``restored`` (from a
placeholder), ``repaired`` or ``failed``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diglot.check import check_pair, edit_for, statuses
from diglot.check.terms import checkable
from diglot.glossary import Glossary, Matcher, Mention
from diglot.translate.engines.base import Decoded
from diglot.translate.protect import Protection

KEPT, RESTORED, REPAIRED, FAILED = "kept", "restored", "repaired", "failed"


@dataclass
class MentionReport:
    """What happened to one glossary mention of the source."""

    entry: str
    sentence: int  # index of the segment in its document
    source: str  # the mention as written in the source
    rendering: str  # the rendering in the output (the planned one when it failed)
    status: str  # kept | restored | repaired | failed
    found: str = ""  # what the model wrote instead (variant, forbidden form, the span replaced)

    def as_dict(self) -> dict:
        return {
            "entry": self.entry,
            "sentence": self.sentence,
            "source": self.source,
            "rendering": self.rendering,
            "status": self.status,
            **({"found": self.found} if self.found else {}),
        }


@dataclass
class Planned:
    """One source mention and how it is carried: ``marker`` is what the engine sees."""

    mention: Mention
    rendering: str
    marker: str
    input_span: tuple[int, int]  # where the marker sits in the engine input


@dataclass
class Plan:
    source: str
    engine_input: str
    planned: list[Planned] = field(default_factory=list)


class FirstMentions:
    """Which entries a document has already rendered (first-mention style is per document)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def rendering(self, glossary: Glossary, mention: Mention, tgt_lang: str, following: str = "") -> str:
        """The rendering of ``mention``; ``following`` is the source text right after it."""
        terms = glossary.get(mention.entry).langs[tgt_lang]
        if mention.entry not in self.seen:
            self.seen.add(mention.entry)
            if terms.short and _gives_short_form(following, terms.short):
                return terms.preferred
            return terms.first_mention_text()
        return terms.short if terms.short else terms.preferred


def _gives_short_form(following: str, short: str) -> bool:
    """Whether ``following`` opens with ``short`` in brackets: ``(CNKR) said ...``."""
    return re.match(r"\s*[(\[]\s*" + re.escape(short) + r"\s*[)\]]", following) is not None


def plan(
    source: str,
    matcher: Matcher | None,
    protection: Protection,
    src_lang: str,
    tgt_lang: str,
    first: FirstMentions,
) -> Plan:
    """Find the mentions in ``source`` and build the engine input that protects them."""
    if matcher is None:
        return Plan(source, source)
    mentions = [m for m in matcher.find(source, src_lang) if checkable(matcher.glossary, m.entry, tgt_lang)]
    planned = []
    for number, mention in enumerate(mentions, start=1):
        rendering = first.rendering(matcher.glossary, mention, tgt_lang, source[mention.end :])
        marker = protection.placeholder(number) if protection.is_placeholder else rendering
        planned.append(Planned(mention, rendering, marker, (0, 0)))
    pieces, cursor = [], 0
    for item in planned:
        pieces.append(source[cursor : item.mention.start])
        start = sum(len(p) for p in pieces)
        pieces.append(item.marker)
        item.input_span = (start, start + len(item.marker))
        cursor = item.mention.end
    pieces.append(source[cursor:])
    return Plan(source, "".join(pieces), planned)


def _put(text: str, start: int, end: int, item: Planned, glossary: Glossary, tgt_lang: str) -> tuple[str, str]:
    """``text`` with ``item``'s entry in place of ``text[start:end]`` (and what agrees with it),
    and the form written: its short form where that was planned, else its preferred form."""
    terms = glossary.get(item.mention.entry).langs[tgt_lang]
    short = bool(terms.short) and item.rendering == terms.short
    edit = edit_for(text, start, end, item.mention.entry, glossary, tgt_lang, short=short)
    written = text if edit is None else text[: edit.start] + edit.new + text[edit.end :]
    return written, terms.short if short else terms.preferred


def restore(
    text: str, plan_: Plan, protection: Protection, tgt_lang: str, glossary: Glossary | None = None
) -> tuple[str, set[int]]:
    """Replace placeholders in decoded text; returns the text and the indices restored."""
    if not protection.is_placeholder or not plan_.planned:
        return text, set()
    restored: set[int] = set()
    pattern = protection.pattern()
    out, cursor = [], 0
    for match in pattern.finditer(text):
        index = int(match.group(1)) - 1
        if not 0 <= index < len(plan_.planned) or index in restored:
            continue
        out.append(text[cursor : match.start()])
        out.append(plan_.planned[index].rendering)
        cursor = match.end()
        restored.add(index)
    out.append(text[cursor:])
    result = "".join(out)
    if tgt_lang == "ko" and glossary is not None:  # particles after a placeholder were chosen for it
        for index in restored:
            item = plan_.planned[index]
            terms = glossary.get(item.mention.entry).langs[tgt_lang]
            position = result.find(item.rendering)
            if position >= 0 and item.rendering in (terms.preferred, terms.short):
                result, _ = _put(result, position, position + len(item.rendering), item, glossary, tgt_lang)
    return result, restored


def _piece_offsets(pieces: list[str], text: str) -> list[tuple[int, int]] | None:
    """Character span of each SentencePiece piece in ``text`` (its detokenised form), or None."""
    spans, cursor = [], 0
    rebuilt = "".join(pieces).replace("\u2581", " ")
    lead = len(rebuilt) - len(rebuilt.lstrip(" "))
    if rebuilt.strip() != text.strip():
        return None
    for piece in pieces:
        length = len(piece.replace("\u2581", " "))
        spans.append((max(cursor - lead, 0), max(cursor + length - lead, 0)))
        cursor += length
    return spans


def attention_span(decoded: Decoded, input_text: str, input_span: tuple[int, int]) -> tuple[int, int] | None:
    """The output span whose tokens attend most to ``input_text[input_span]``."""
    if not decoded.attention or not decoded.source_tokens or not decoded.target_tokens:
        return None
    src_offsets = _piece_offsets(decoded.source_tokens, input_text)
    tgt_offsets = _piece_offsets(decoded.target_tokens, decoded.text)
    if src_offsets is None or tgt_offsets is None:
        return None
    wanted = {j for j, (s, e) in enumerate(src_offsets) if s < input_span[1] and e > input_span[0]}
    if not wanted:
        return None
    hits = []
    for i, row in enumerate(decoded.attention[: len(tgt_offsets)]):
        row = row[: len(src_offsets)]
        if row and max(range(len(row)), key=row.__getitem__) in wanted:
            hits.append(i)
    if not hits:
        return None
    start, end = tgt_offsets[hits[0]][0], tgt_offsets[hits[-1]][1]
    while start < end and decoded.text[start] == " ":
        start += 1
    return (start, end) if start < end else None


def finish(
    decoded: Decoded,
    plan_: Plan,
    protection: Protection,
    matcher: Matcher | None,
    src_lang: str,
    tgt_lang: str,
    sentence: int,
) -> tuple[str, list[MentionReport]]:
    """Restore, verify and repair one decoded sentence; returns the text and a report per mention."""
    text, restored = restore(decoded.text, plan_, protection, tgt_lang, matcher.glossary if matcher else None)
    if not plan_.planned or matcher is None:
        return text, []
    findings = {
        f.src_span: f
        for f in check_pair(plan_.source, text, src_lang, tgt_lang, matcher, numbers=False)
        if f.src_span is not None
    }
    reports: dict[int, MentionReport] = {}
    edits: dict[tuple[int, int], Planned] = {}  # wrong renderings to replace, by target span
    missing: list[int] = []
    for index, item in enumerate(plan_.planned):
        finding = findings.get((item.mention.start, item.mention.end))
        m = item.mention
        if finding is None or finding.status == statuses.MISSING or finding.tgt_span is None:
            missing.append(index)
        elif finding.status == statuses.OK:
            reports[index] = MentionReport(m.entry, sentence, m.text, finding.found or "", RESTORED if index in restored else KEPT)
        else:  # variant or forbidden: the entry's form goes in its place
            edits.setdefault(finding.tgt_span, (index, item))
            reports[index] = MentionReport(m.entry, sentence, m.text, item.rendering, REPAIRED, found=finding.found or "")
    for (start, end), (index, item) in sorted(edits.items(), reverse=True):  # right to left: offsets stay valid
        text, reports[index].rendering = _put(text, start, end, item, matcher.glossary, tgt_lang)
    for index in missing:
        item = plan_.planned[index]
        m = item.mention
        span = attention_span(decoded, plan_.engine_input, item.input_span)
        written = decoded.text[span[0] : span[1]] if span else ""
        # Restoring and repairing may have moved it: find what the model wrote in the current text.
        position = text.find(written) if written else -1
        if position >= 0:
            text, form = _put(text, position, position + len(written), item, matcher.glossary, tgt_lang)
            reports[index] = MentionReport(m.entry, sentence, m.text, form, REPAIRED, found=written)
        else:
            reports[index] = MentionReport(m.entry, sentence, m.text, item.rendering, FAILED)
    return text, [reports[i] for i in sorted(reports)]

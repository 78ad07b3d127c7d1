"""Safe fixes: replace variant and forbidden renderings by the preferred one, and nothing else.

Only the term itself changes, plus what must agree with it:

* English: a capital at the start of the term is kept (``Forcible repatriation`` →
  ``Forced repatriation``), and so is a headline's title case (``Forcible Repatriation`` →
  ``Forced Repatriation``); plural and possessive endings stay as written (they are outside
  the term's span);
* a later mention of an entry with a short form takes the short form (``fix_document`` only:
  it knows which mention is the first);
* English: *a* or *an* before the term follows the new term (``an N.K. defector`` →
  ``a North Korean defector``);
* Korean: the particle right after the term follows the new term's final sound
  (은/는, 이/가, 을/를, 과/와, 으로/로, …: :func:`diglot.korean.fix_particle`).

Every other byte of the file is kept, including line ends (CRLF), a byte order mark and
non-NFC text: edits are placed by the segments' offsets in the normalised text and mapped back
to the file as read (:class:`diglot.textio.Text`).
A ``missing`` term is never guessed, quoted speech is left as written
(:mod:`diglot.check.quotes`), and a fix that would make the sentence say a thing twice
(``alleged defectors from North Korea`` → ``alleged North Korean defectors from North Korea``) is
refused: :func:`refusal` says why, and the finding is reported instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from diglot.check.quotes import in_quotation
from diglot.check.statuses import FIXABLE
from diglot.doc import AlignedDocument, Finding
from diglot.errors import DiglotError
from diglot.glossary import Glossary
from diglot.hangul import SYLLABLE_RUN
from diglot.i18n import _
from diglot.korean import fix_particle
from diglot.textio import Text

_WORD = re.compile(r"[A-Za-z]+")
_NEAR = 4  # words on each side of a term that a fix must not repeat
_MINOR_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
_ARTICLE_BEFORE = re.compile(r"(?<![A-Za-z])(an?|An?|AN)(\s+)$")
_LETTERS_SAID_WITH_A_VOWEL = set("AEFHILMNORSX")  # "an FBI agent", "an NIS official"
_VOWEL_LETTER_SAID_WITH_A_CONSONANT = re.compile(r"(?:uni|use|usu|eu|one|once)", re.IGNORECASE)


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` by ``new``."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class Fixed:
    """The corrected text and how many fixes went in (``skipped``: findings whose place was not found)."""

    text: str
    applied: int
    skipped: int = 0


def edit_for(
    text: str, start: int, end: int, entry_id: str, glossary: Glossary, lang: str, short: bool = False
) -> Edit | None:
    """The edit that puts the preferred form of ``entry_id`` (its short form if ``short`` and it has one)
    in place of ``text[start:end]``."""
    entry = glossary.get(entry_id)
    if entry is None or lang not in entry.langs:
        return None
    terms = entry.langs[lang]
    return replacement_edit(text, start, end, terms.short if short and terms.short else terms.preferred, lang)


def replacement_edit(text: str, start: int, end: int, new: str, lang: str) -> Edit | None:
    """The edit that puts ``new`` in place of ``text[start:end]``, with what must agree with it
    (capitals, title case, *a*/*an*, a Korean particle; see the module docstring); None if
    nothing changes. ``translate`` uses it to put renderings into machine output."""
    found = text[start:end]
    if lang == "ko":
        particle = SYLLABLE_RUN.match(text, end)
        if particle:
            end = particle.end()
            new += fix_particle(new, particle.group())
    else:
        if _is_title_case(found):
            new = _title_case(new)
        elif found[:1].isupper() and new[:1].islower():
            new = new[0].upper() + new[1:]
        article = _ARTICLE_BEFORE.search(text, 0, start)
        if article and _takes_an(found) != _takes_an(new):
            start = article.start()
            new = _article(article.group(1), _takes_an(new)) + article.group(2) + new
    if text[start:end] == new:
        return None
    return Edit(start, end, new)


def refusal(text: str, start: int, end: int, entry_id: str, glossary: Glossary, lang: str) -> str | None:
    """Why the preferred form may not replace ``text[start:end]``, or None: every word it adds is
    among the few words around the term already (``defectors from North Korea`` would become
    ``North Korean defectors from North Korea``); a word matches one built on it (Korea, Korean)."""
    entry = glossary.get(entry_id)
    if lang == "ko" or entry is None or lang not in entry.langs:
        return None
    new = entry.langs[lang].preferred
    found_words = {w.lower() for w in _WORD.findall(text[start:end])}
    added = [w for w in _WORD.findall(new) if w.lower() not in found_words and len(w) >= 4]
    before = _WORD.findall(text[:start].rsplit("\n", 1)[-1])[-_NEAR:]
    after = _WORD.findall(text[end:].split("\n", 1)[0])[:_NEAR]
    near = {w.lower() for w in before + after}
    if not added or not all(any(_same_word(w.lower(), n) for n in near) for w in added):
        return None
    return _("(not fixed: {expected} would repeat {words}, which the sentence says already)").format(
        expected=new, words=" ".join(added)
    )


def _same_word(a: str, b: str) -> bool:
    """One word, or one built on the other by an ending (Korea, Korean, Koreans)."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(short) >= 4 and len(long) - len(short) <= 2


def fixable(text: str, finding: Finding, glossary: Glossary, lang: str) -> bool:
    """Whether ``--fix`` repairs ``finding`` in ``text``: a variant or forbidden rendering, outside
    quoted speech, whose fix would not make the sentence repeat itself."""
    if finding.status not in FIXABLE or not finding.tgt_span or not finding.entry:
        return False
    start, end = finding.tgt_span
    return not in_quotation(text, start) and refusal(text, start, end, finding.entry, glossary, lang) is None


def _is_title_case(text: str) -> bool:
    """Two or more words, each capitalised, not all capitals: a headline (``Forcible Repatriation``)."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 2 and all(w[0].isupper() for w in words) and any(c.islower() for c in text)


def _title_case(text: str) -> str:
    words = text.split(" ")
    return " ".join(
        w if i and w in _MINOR_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def _article(written: str, an: bool) -> str:
    """*a* or *an*, in the case ``written`` was in."""
    article = "an" if an else "a"
    if written.isupper() and len(written) > 1:
        return article.upper()
    return article.capitalize() if written[0].isupper() else article


def _takes_an(word: str) -> bool:
    """Whether English puts *an* before ``word`` (by its spelling: a rough but useful rule)."""
    first = word.split()[0] if word.split() else word
    letters = [c for c in first if c.isalpha()]
    if not letters:
        return False
    if len(letters) > 1 and all(c.isupper() for c in letters):  # an acronym, said letter by letter
        return letters[0] in _LETTERS_SAID_WITH_A_VOWEL
    return letters[0].lower() in "aeiou" and not _VOWEL_LETTER_SAID_WITH_A_CONSONANT.match(first)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` applied; an edit overlapping an earlier one is left out."""
    out, cursor = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor:
            continue
        out.append(text[cursor : edit.start])
        out.append(edit.new)
        cursor = edit.end
    out.append(text[cursor:])
    return "".join(out)


def fix_text(text: str, findings: Iterable[Finding], glossary: Glossary, lang: str) -> str:
    """``text`` with the variant and forbidden renderings of ``findings`` replaced.

    ``findings`` are those of :func:`diglot.check.check_pair` with ``text`` as the target:
    their ``tgt_span`` offsets point into ``text``.
    """
    edits = []
    for finding in findings:
        if fixable(text, finding, glossary, lang):
            edit = edit_for(text, *finding.tgt_span, finding.entry, glossary, lang)  # type: ignore[misc, arg-type]
            if edit:
                edits.append(edit)
    return apply_edits(text, edits)


def fix_document(raw_text: str | Text, doc: AlignedDocument, findings: Iterable[Finding], glossary: Glossary) -> Fixed:
    """The target file ``raw_text`` (as read, before normalisation) with the fixable findings applied.

    ``doc.tgt`` must be the segments of ``raw_text`` (with their offsets, as
    :func:`diglot.segment.segment` and :func:`~diglot.segment.segment_lines` give them); finding
    spans are offsets into :meth:`AlignedDocument.bead_text`. Every byte outside the replaced terms
    is kept: edits are made in the normalised text and mapped onto the file as read.
    """
    source = raw_text if isinstance(raw_text, Text) else Text(raw_text)
    text = source.text
    findings = list(findings)
    first: dict[str, tuple[int, int]] = {}  # entry → (bead, offset) of its first rendering in the target
    for finding in findings:
        if finding.entry and finding.tgt_span and finding.bead is not None:
            place = (finding.bead, finding.tgt_span[0])
            first[finding.entry] = min(first.get(finding.entry, place), place)
    edits, skipped = [], 0
    for finding in findings:
        if finding.status not in FIXABLE or not finding.tgt_span or finding.entry is None or finding.bead is None:
            continue
        target = doc.bead_text(doc.beads[finding.bead])[1]
        if not fixable(target, finding, glossary, doc.tgt_lang):
            continue
        span = _in_document(doc, finding.bead, finding.tgt_span, text)
        later = first[finding.entry] < (finding.bead, finding.tgt_span[0])
        edit = edit_for(text, *span, finding.entry, glossary, doc.tgt_lang, short=later) if span else None
        if span is None:
            skipped += 1
        elif edit:
            edits.append(edit)
    try:
        raw_edits = [Edit(source.raw_offset(e.start), source.raw_offset(e.end), e.new) for e in edits]
    except DiglotError:
        raise DiglotError(_("cannot map the fixes back onto the file byte for byte; nothing was written")) from None
    return Fixed(apply_edits(source.raw, raw_edits), len(edits), skipped)


def _in_document(doc: AlignedDocument, bead: int, span: tuple[int, int], text: str) -> tuple[int, int] | None:
    """A span in a bead's target text as a span in the whole normalised text (None if the segment
    has no place in it)."""
    base = 0
    for index in doc.beads[bead].tgt:
        segment = doc.tgt[index]
        if base <= span[0] and span[1] <= base + len(segment.text):
            if segment.start is None:
                return None
            offsets = segment.offsets(text)
            return offsets[span[0] - base], offsets[span[1] - base]
        base += len(segment.text) + 1  # the space bead_text puts between segments
    return None

"""Finding glossary mentions in text: the engine every other feature uses.

One Aho–Corasick automaton (pyahocorasick) per case policy holds every form of every entry.
Text is searched in a *view* with whitespace and hyphens removed, and each candidate is then
checked in the text itself, so that spacing varies only where a term's own spelling lets it
(the rules are documented in ``glossaries/README.md``):

* **Inside a term**, a space or hyphen of the text must sit where the form may be broken: where
  the form itself has a space or hyphen, or, in a Korean form written solid, between two parts
  of two syllables or more (a digit counts as one: ``6자회담`` = ``6자 회담``) (``강제북송`` = ``강제 북송``; ``한국`` is not in ``한 국가``). A space
  between two Latin letters or digits of a form must be there in the text too (``on a`` is two
  words, never ``Ona``); a hyphen may be left out (``Kim Jong-il`` = ``Kim Jong il`` = ``Kim Jongil``).
* **At its edges**, a form that starts with Hangul must not follow a Hangul letter (``난민`` not in
  ``피난민``); anything may follow it (particles and suffixes: ``탈북자들은``), kept as the
  mention's suffix. A form that starts or ends with a Latin letter or digit must not touch
  another one, except for English plural and possessive endings (``defectors``, ``defector's``).
* **Another entity**: a mention right after one of its entry's ``not_after`` qualifiers
  (``미 국방부``) or right before one of its ``not_before`` continuations (``서울대``) is not one.

Where candidates overlap, the longest wins (``북한난민구호위원회`` over ``북한``).
Spans are offsets into the NFC form of the text (the form :func:`diglot.textio.read_text` gives).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Collection

import ahocorasick
import numpy as np

from diglot.glossary.model import KINDS, PREFERRED, Glossary, Terms
from diglot.hangul import SYLLABLE_RUN, SYLLABLES, is_syllable

_REMOVED = re.compile(r"[\s\-\u2010\u2011]+")  # whitespace and hyphens (not dashes between numbers)
_REMOVED_CODEPOINTS = np.array(
    sorted({ord(c) for c in "-\u2010\u2011\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"} | set(range(0x2000, 0x200B))),
    dtype=np.uint32,
)
_ENGLISH_INFLECTION = re.compile(r"(?:'s|\u2019s|s'|s\u2019|es|s|'|\u2019)(?![A-Za-z0-9])")
# Syllables, and digits with them (6자회담), long enough to split into two parts of COMPOUND_PART.
_LONG_KOREAN_WORD = re.compile(f"(?=[0-9]*[{SYLLABLES}])[0-9{SYLLABLES}]{{4,}}")
_HYPHENS = "-\u2010\u2011"
_NO_BREAKS: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())
_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}
COMPOUND_PART = 2  # syllables (or digits: 6자): the shortest part a solid Korean form may be split into
_CONTEXT = 40  # characters looked at before and after a mention for qualifiers and continuations


def is_hangul(ch: str) -> bool:
    return is_syllable(ch) or "\u3131" <= ch <= "\u318e"


def is_latin_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or ("\u00c0" <= ch <= "\u024f")


@dataclass(frozen=True)
class Mention:
    """One place where a glossary entry is mentioned."""

    start: int
    end: int  # the term itself; ``suffix`` follows it
    entry: str  # entry id
    lang: str  # language of the form found
    kind: str  # one of diglot.glossary.model.KINDS: "preferred", "variant", "adjective", ...
    form: str  # the glossary form that matched
    text: str  # the text as written
    suffix: str = ""  # an English inflection (s, 's) or the Hangul after a Korean term (particle)
    short: bool = False  # the entry's short form or acronym

    @property
    def is_preferred(self) -> bool:
        return self.kind == PREFERRED


@dataclass(frozen=True)
class _Form:
    entry: str
    lang: str
    kind: str
    form: str
    short: bool
    length: int  # length of the key in the view
    may_break: frozenset[int]  # key positions before which the text may have a space or hyphen
    must_break: frozenset[int]  # key positions before which it must
    not_after: tuple[str, ...]
    not_before: tuple[str, ...]
    sensitive: bool

    def spacing_fits(self, gaps: frozenset[int]) -> bool:
        return self.must_break <= gaps <= self.may_break


def search_key(form: str) -> str:
    """A form as it is looked up: NFC, without whitespace and hyphens."""
    return _REMOVED.sub("", unicodedata.normalize("NFC", form))


def form_breaks(form: str) -> tuple[frozenset[int], frozenset[int]]:
    """Where text may break ``form`` with a space or hyphen, and where it must: positions in its
    :func:`search_key` before which the break falls.

    >>> form_breaks("강제북송")  # a solid Korean compound: two parts of two syllables
    (frozenset({2}), frozenset())
    >>> form_breaks("Kim Jong-il")  # the space must stay, the hyphen may go
    (frozenset({3, 7}), frozenset({3}))
    """
    form = unicodedata.normalize("NFC", form)
    if not _REMOVED.search(form) and not _LONG_KOREAN_WORD.search(form):
        return _NO_BREAKS  # most forms: one word that cannot be split
    length = 0  # of the key so far
    may: set[int] = set()
    must: set[int] = set()
    pieces = _REMOVED.split(form)
    separators = _REMOVED.findall(form)
    for i, piece in enumerate(pieces):
        if length and piece:
            may.add(length)
            spaced = separators[i - 1].strip(_HYPHENS) != ""
            if spaced and is_latin_word_char(pieces[i - 1][-1:] or " ") and is_latin_word_char(piece[0]):
                must.add(length)
        for run in _LONG_KOREAN_WORD.finditer(piece):
            first = length + run.start()
            may.update(range(first + COMPOUND_PART, first + len(run.group()) - COMPOUND_PART + 1))
        length += len(piece)
    return frozenset(may), frozenset(must)


class Matcher:
    """Finds mentions of a glossary's entries in text of any of its languages."""

    def __init__(self, glossary: Glossary, languages: list[str] | None = None):
        self.glossary = glossary
        self._automata = {True: ahocorasick.Automaton(), False: ahocorasick.Automaton()}  # case-sensitive?
        keys: dict[tuple[bool, str], list[_Form]] = {}
        for entry in glossary:
            for lang, terms in entry.langs.items():
                if languages and lang not in languages:
                    continue
                for form, kind, short in terms.forms():
                    for sensitive, key, matched in _forms_of(entry.id, lang, terms, form, kind, short):
                        keys.setdefault((sensitive, key), []).append(matched)
        for (sensitive, key), forms in keys.items():
            if len(forms) > 1:
                forms.sort(key=lambda f: _KIND_ORDER[f.kind])
            self._automata[sensitive].add_word(key, (key, tuple(forms)))
        for automaton in self._automata.values():
            if len(automaton):
                automaton.make_automaton()

    def find(self, text: str, lang: str | None = None, prefer: Collection[str] = ()) -> list[Mention]:
        """Every mention in ``text`` (of forms in ``lang``, or of any language), in text order.

        Where a form belongs to several entries (an accepted metonym: ``Seoul`` the city and
        the government), the entry in ``prefer`` is chosen (the source's entries, when
        checking a translation), else the one whose own form it is.
        """
        text = unicodedata.normalize("NFC", text)
        view, offsets = _view(text)
        candidates = []
        for sensitive, automaton in self._automata.items():
            if not len(automaton):
                continue
            haystack = view if sensitive else _lower_same_length(view)
            for end, (key, forms) in automaton.iter(haystack):
                first = end - len(key) + 1
                start, stop = int(offsets[first]), int(offsets[end]) + 1
                gaps = frozenset() if stop - start == len(key) else _gaps(offsets, first, end)
                fitting = [f for f in forms if (lang is None or f.lang == lang) and f.spacing_fits(gaps)]
                if not fitting:
                    continue
                form = next((f for f in fitting if f.entry in prefer), fitting[0])
                suffix = _boundary_suffix(text, start, stop, form.lang)
                if suffix is not None and not _other_entity(text, start, stop, form):
                    candidates.append((start, stop, suffix, form))
        return _longest_first(text, candidates)


def _forms_of(entry: str, lang: str, terms: Terms, form: str, kind: str, short: bool) -> list[tuple[bool, str, _Form]]:
    """The automaton keys of one form, ``(case-sensitive?, key, form)``: a case-sensitive form
    that starts in lower case is also looked for with a capital, as at a sentence start."""
    sensitive = terms.is_case_sensitive(form, kind)
    key = search_key(form)
    if not key:
        return []
    may, must = form_breaks(form)
    matched = _Form(
        entry,
        lang,
        kind,
        form,
        short,
        len(key),
        may,
        must,
        tuple(unicodedata.normalize("NFC", q) for q in terms.not_after),
        tuple(unicodedata.normalize("NFC", c) for c in terms.not_before),
        sensitive,
    )
    if not sensitive:
        return [(False, key.lower(), matched)]
    keys = dict.fromkeys([key, key[0].upper() + key[1:]])
    return [(True, k, matched) for k in keys]


def _view(text: str) -> tuple[str, np.ndarray]:
    """The text without whitespace and hyphens, and each view character's offset in the text."""
    codepoints = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    offsets = np.flatnonzero(~np.isin(codepoints, _REMOVED_CODEPOINTS))
    view = _REMOVED.sub("", text)
    if len(view) != len(offsets):  # a space character the array does not list; be exact instead
        offsets = np.array([i for i, ch in enumerate(text) if not _REMOVED.match(ch)], dtype=np.int64)
        view = "".join(text[i] for i in offsets)
    return view, offsets


def _gaps(offsets: np.ndarray, first: int, last: int) -> frozenset[int]:
    """Key positions of the view match ``first..last`` before which the text has removed characters."""
    span = offsets[first : last + 1]
    return frozenset((np.flatnonzero(np.diff(span) > 1) + 1).tolist())


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _boundary_suffix(text: str, start: int, stop: int, lang: str) -> str | None:
    """The suffix after a candidate at ``text[start:stop]``, or ``None`` if it is not on a word boundary."""
    first, last = text[start], text[stop - 1]
    before = text[start - 1] if start > 0 else " "
    if is_hangul(first) and is_hangul(before):
        return None
    if is_latin_word_char(first) and is_latin_word_char(before):
        return None
    if is_hangul(last):
        run = SYLLABLE_RUN.match(text, stop)
        return run.group() if run else ""
    after = text[stop] if stop < len(text) else " "
    if is_latin_word_char(last) and is_latin_word_char(after):
        if lang == "ko":
            return None
        inflection = _ENGLISH_INFLECTION.match(text, stop)
        return inflection.group() if inflection else None
    if last.isalnum() and is_latin_word_char(after):
        return None
    if after in "'\u2019" and lang != "ko":  # possessive after an acronym or a plural: CNKR's, defectors'
        inflection = _ENGLISH_INFLECTION.match(text, stop)
        return inflection.group() if inflection else ""
    return ""


def _same(a: str, b: str, sensitive: bool) -> bool:
    return a == b if sensitive else a.casefold() == b.casefold()


def _other_entity(text: str, start: int, stop: int, form: _Form) -> bool:
    """Whether a qualifier before the candidate, or a continuation after it, makes it another
    entity: ``not_after`` words end right before it (glued or spaced) and start a word;
    ``not_before`` continuations follow it glued, or after spaces when they are a Latin word or
    a Korean part of two syllables or more (``서울대``, ``대통령 후보``, not ``서울 대학생``)."""
    if form.not_after:
        before = text[max(0, start - _CONTEXT) : start].rstrip()
        origin = start - _CONTEXT if start > _CONTEXT else 0
        for qualifier in form.not_after:
            begin = len(before) - len(qualifier)
            if begin >= 0 and _same(before[begin:], qualifier, form.sensitive):
                preceding = text[origin + begin - 1] if origin + begin > 0 else " "
                if not _touches(preceding, qualifier[0]):
                    return True
    if form.not_before:
        after = text[stop : stop + _CONTEXT]
        spaced = after.lstrip()
        for continuation in form.not_before:
            if _starts_with(after, continuation, form.sensitive):
                return True
            may_space = is_latin_word_char(continuation[0]) or len(continuation) >= COMPOUND_PART
            if may_space and len(spaced) < len(after) and _starts_with(spaced, continuation, form.sensitive):
                return True
    return False


def _starts_with(text: str, word: str, sensitive: bool) -> bool:
    """Whether ``text`` starts with ``word``, which, if it ends in a Latin letter, ends a word there."""
    following = text[len(word) : len(word) + 1] or " "
    return _same(text[: len(word)], word, sensitive) and not (
        is_latin_word_char(word[-1]) and is_latin_word_char(following)
    )


def _touches(before: str, first: str) -> bool:
    """Whether ``before`` glues onto a word starting with ``first`` (same script, both letters)."""
    return (is_hangul(first) and is_hangul(before)) or (is_latin_word_char(first) and is_latin_word_char(before))


def _longest_first(text: str, candidates: list[tuple[int, int, str, _Form]]) -> list[Mention]:
    """Keep the longest of overlapping candidates (then the leftmost), in text order."""
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = bytearray(len(text))
    mentions = []
    for start, stop, suffix, form in candidates:
        if any(taken[start:stop]):
            continue
        taken[start:stop] = b"\x01" * (stop - start)
        mentions.append(
            Mention(start, stop, form.entry, form.lang, form.kind, form.form, text[start:stop], suffix, form.short)
        )
    mentions.sort(key=lambda m: m.start)
    return mentions

"""Lexical anchors: what a sentence and its translation share across Korean and English.

Each sentence becomes a :class:`Features` record:

* ``units``: the things in it that should reappear in its translation, each with a *kind*
  (``number``, ``small-number``, ``latin``, ``name``, ``glossary``, ``lexicon``, ``mt``) and
  the keys any one of which, found in the other sentence, counts as its counterpart;
* ``bag``: the keys the sentence offers to the other side's units.

Keys live in namespaces (``n:`` numbers, ``l:`` Latin words, ``s:`` name skeletons, ``g:``
glossary entries, ``m:`` stems of a machine translation), so a unit of one kind only ever meets
a key of the same kind. Stems, the lexicon's keys, stand for themselves: a Hangul or Latin
stem never holds a colon, so it cannot be taken for a key of another kind. The aligner weighs
a found or missing counterpart per kind, with rates it estimates from the input
(:mod:`diglot.align.model`).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from diglot.align.romanize import hangul_prefix_skeletons, skeletons
from diglot.hangul import FIRST_SYLLABLE, SYLLABLE_COUNT, SYLLABLES, compose, decompose
from diglot.numbers import extract_numbers

KINDS = ("number", "small-number", "latin", "name", "glossary", "lexicon", "mt")

_HANGUL_WORD = re.compile(f"[{SYLLABLES}]{{2,}}")  # one syllable alone is a particle or a counter
_LATIN_IN_KOREAN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[.&'][A-Za-z0-9]+)*")
_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’.\-][A-Za-z0-9]+)*")
_SHORTEST_SKELETON = 3  # two consonants (Kim, Bush) match far too much by chance
_STOPWORDS = frozenset(
    """a an the and or but if of in on at to for from by with as into onto than then that this these those there
    here is are was were be been being am do does did done has have had having will would shall should can could
    may might must it its it's he his him she her hers they them their theirs we us our you your i me my mine who
    whom whose which what when where why how not no nor so too very also just only about after before over under
    up down out off again further once all any both each few more most other some such own same s t said says say
    mr mrs ms dr""".split()
)  # fmt: skip
_ENGLISH_SUFFIXES = ("'s", "’s", "ing", "ed", "es", "s")


# A sentence end inside a line: . ! ? (and closing quotes) before a new sentence, except after an
# initial or a common abbreviation (U.S. President, Mr. Kim).
_SENTENCE_BREAK = re.compile(rf"([.!?])[\"'”’)]*\s+[\"'“‘(]?[A-Z0-9{SYLLABLES}]")
_LAST_WORD = re.compile(r"(\w+)$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr co no gen sen rep gov inc ltd col lt corp sept vs etc".split()
)  # fmt: skip


def sentence_count(text: str) -> int:
    """How many sentences a line holds, by punctuation (a cheap count, not a segmentation)."""
    count = 1
    for match in _SENTENCE_BREAK.finditer(text):
        if match.group(1) == ".":
            word = _LAST_WORD.search(text, max(0, match.start() - 8), match.start())
            if word and (len(word.group()) == 1 and word.group().isupper() or word.group().lower() in _ABBREVIATIONS):
                continue
        count += 1
    return count


@dataclass
class Features:
    """What one sentence offers for alignment (see the module docs)."""

    length: int  # characters without spaces
    sentences: int = 1  # sentence_count
    units: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    bag: set[str] = field(default_factory=set)
    tokens: tuple[frozenset[str], ...] = ()  # per word: its stem candidates (Korean) or stem (English)

    @property
    def stems(self) -> frozenset[str]:
        """Every word's stem candidates (Korean) or stem (English), for the lexicon.

        Made when asked, not kept: a long document would hold one more set per sentence.
        """
        return frozenset().union(*self.tokens)


def text_length(text: str) -> int:
    """Characters other than spaces: the length Gale–Church compares."""
    return len("".join(text.split()))


@lru_cache(maxsize=65536)
def english_stem(word: str) -> str:
    """A light stem: lower case, one inflection off, at most seven letters (govern, supercomp)."""
    word = word.lower().replace("’", "'")
    for suffix in _ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:7]


def korean_stems(token: str) -> frozenset[str]:
    """Stem candidates of one Hangul word: its prefixes of two to four syllables and, in a word
    of six or more, every part of two or three syllables.

    Korean attaches particles and endings to the stem (대통령은, 핵실험을), so one of the
    prefixes is the bare word; the lexicon learns which prefix translates. A long word is
    often a compound (남북정상회담) or words written without a space (김정은동지께서는, as the
    North does), so its parts are candidates too. Each candidate's first syllable is
    read as the South writes it at the start of a word (:func:`_south_syllable`), so 로동 and
    노동 are one stem.
    """
    heads = token.translate(_SOUTH_INITIALS)  # each syllable as it would be spelled starting a word
    stems = {heads[0] + token[1:k] for k in range(2, min(len(token), 4) + 1)}
    if len(token) >= 6:
        parts = ((j, k) for j in range(1, len(token) - 1) for k in (2, 3) if j + k <= len(token))
        stems.update(heads[j] + token[j + 1 : j + k] for j, k in parts)
    return frozenset(stems)


def _south_syllable(syllable: str) -> str | None:
    """Hangul ``syllable`` spelled by the South's initial-sound rule (두음법칙) as
    the first syllable of a word, or None if the rule leaves it alone.

    The North keeps an initial ㄹ and ㄴ that the South drops or softens: 로동 = 노동 (labour),
    리용 = 이용, 녀성 = 여성, 력사 = 역사. Loanwords change too (라디오 → 나디오), harmlessly: the
    lexicon sees every word through the same rule.

    >>> [_south_syllable(ch) for ch in "로녀력노"]
    ['노', '여', '역', None]
    """
    initial, medial, final = decompose(syllable)
    yi = medial in (2, 3, 6, 7, 12, 17, 20)  # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ
    if initial == 5:  # ㄹ
        initial = 11 if yi else 2  # ㅇ before i and y, else ㄴ
    elif initial == 2 and yi:  # ㄴ before i and y
        initial = 11
    else:
        return None
    return compose(initial, medial, final)


_SOUTH_INITIALS = {
    code: south
    for code in range(FIRST_SYLLABLE, FIRST_SYLLABLE + SYLLABLE_COUNT)
    if (south := _south_syllable(chr(code)))
}  # for str.translate


def _number_key(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.6g}"


def _number_units(text: str, lang: str) -> list[tuple[str, frozenset[str]]]:
    units = []
    for mention in extract_numbers(text, lang):
        value = mention.value
        keys = {"n:" + _number_key(value)}
        if value >= 10000:  # 5.7 billion for 57억1000만: compare at two significant digits too
            digits = -int(math.floor(math.log10(value))) + 1
            keys.add("n:~" + _number_key(round(value, digits)))
        kind = "small-number" if value <= 12 and value == int(value) else "number"
        units.append((kind, frozenset(keys)))
    return units


def features(sentences: list[str], lang: str, matcher=None) -> list[Features]:
    """The anchors of each sentence of one side of a document (glossary looked up in one pass)."""
    make = korean_features if lang == "ko" else english_features
    out = [make(text) for text in sentences]
    if matcher is not None and sentences:
        for feats, entries in zip(out, _glossary_entries(sentences, lang, matcher)):
            for entry in entries:
                feats.units.append(("glossary", frozenset({"g:" + entry})))
                feats.bag.add("g:" + entry)
    return out


def _glossary_entries(sentences: list[str], lang: str, matcher) -> list[list[str]]:
    """The glossary entries mentioned in each sentence, found by one search of them all."""
    starts, offset = [], 0
    for text in sentences:
        starts.append(offset)
        offset += len(text) + 2
    found: list[list[str]] = [[] for _ in sentences]
    for mention in matcher.find("\n\n".join(sentences), lang):
        index = bisect_right(starts, mention.start) - 1
        if mention.end <= starts[index] + len(sentences[index]):  # never across two sentences
            found[index].append(mention.entry)
    return found


def korean_features(text: str) -> Features:
    """The anchors of one Korean sentence."""
    feats = Features(text_length(text), sentence_count(text))
    feats.units.extend(_number_units(text, "ko"))
    feats.bag.update(key for _, keys in feats.units for key in keys)
    for word in _LATIN_IN_KOREAN.findall(text):
        key = "l:" + word.lower().replace(".", "")
        if len(key) > 3:
            feats.units.append(("latin", frozenset({key})))
        feats.bag.add(key)
    words = [_korean_word(run) for run in _HANGUL_WORD.findall(text)]
    names = [name_keys for _, name_keys in words if name_keys]
    feats.units += [("name", keys) for keys in names]
    feats.bag.update(*names)
    feats.tokens = tuple(stems for stems, _ in words)
    return feats


@lru_cache(maxsize=65536)
def _korean_word(run: str) -> tuple[frozenset[str], frozenset[str]]:
    """One Hangul word's stem candidates and its name keys."""
    return korean_stems(run), _korean_name_keys(run)


# Titles the North (and loose spacing) writes straight after a name: 김정은동지께서는, 리설주녀사.
_TITLE_AFTER_NAME = re.compile("동지|원수|위원장|총비서|비서|동무|녀사|여사|대통령|총리|장관|대사|의장|주석|국왕|선생")


def _korean_name_keys(run: str) -> frozenset[str]:
    """Skeleton keys of a Hangul word read as a name: the bare name is the word less a particle
    of up to three syllables (김정일은, 오바마에게서), or what comes before a title written
    onto it (김정은동지께서는); a three-syllable Korean name also gives its given name alone,
    which English writes apart (명박 = Myung-bak)."""
    keys = hangul_prefix_skeletons(run, max(2, len(run) - 3))
    if len(run) >= 3:
        keys += hangul_prefix_skeletons(run[1:3], 2)
    title = _TITLE_AFTER_NAME.search(run, 2) if len(run) >= 6 else None
    if title:
        keys += hangul_prefix_skeletons(run[: title.start()], title.start())
    return frozenset("s:" + s for s in keys if len(s) >= _SHORTEST_SKELETON)


def english_features(text: str) -> Features:
    """The anchors of one English sentence."""
    feats = Features(text_length(text), sentence_count(text))
    feats.units.extend(_number_units(text, "en"))
    feats.bag.update(key for _, keys in feats.units for key in keys)
    stems = []
    capital_run: list[str] = []
    runs: list[tuple[str, ...]] = []
    for index, word in enumerate(_ENGLISH_WORD.findall(text)):
        key, acronym, stem, capital, stop = _english_word(word)
        feats.bag.add(key)
        if acronym:
            feats.units.append(("latin", frozenset({key})))
        if stem:
            stems.append(stem)
        if capital and (index > 0 or not stop):
            capital_run.append(word)
        elif capital_run:
            runs.append(tuple(capital_run))
            capital_run = []
    if capital_run:
        runs.append(tuple(capital_run))
    for run in runs:
        for keys in _english_name_keys(run):
            feats.units.append(("name", keys))
            feats.bag.update(keys)
    feats.tokens = tuple(stems)
    return feats


@lru_cache(maxsize=65536)
def _english_word(word: str) -> tuple[str, bool, frozenset[str] | None, bool, bool]:
    """What one English word offers: its bag key, whether it is an acronym (IOC, N.K.), its stem
    (none for a stopword or a number), whether it is capitalised, whether it is a stopword."""
    lower = word.lower()
    key = "l:" + lower.replace(".", "")
    acronym = word.isupper() and len(key) >= 4
    stop = lower in _STOPWORDS
    stem = None if stop or lower.isdigit() else frozenset({english_stem(word)})
    return key, acronym, stem, word[0].isupper() and not word.isupper(), stop


@lru_cache(maxsize=16384)
def _english_name_keys(run: tuple[str, ...]) -> list[frozenset[str]]:
    """Skeleton keys of each word of a run of capitalised words: of the word, and of it joined
    with its neighbours in twos and threes (Kim Jong-il = 김정일, Ri Sol Ju = 리설주; Lee
    Myung-bak gives Myung-bak = 명박)."""
    out = []
    for index in range(len(run)):
        keys: set[str] = set()
        for size in (1, 2, 3):
            for start in range(max(0, index - size + 1), min(index, len(run) - size) + 1):
                keys.update(skeletons("".join(run[start : start + size])))
        keys_found = frozenset("s:" + s for s in keys if len(s) >= _SHORTEST_SKELETON)
        if keys_found:
            out.append(keys_found)
    return out


def lexicon_anchors(feats: Features, lang: str, lexicon) -> list[tuple[str, frozenset[str]]]:
    """Units of the ``lexicon`` kind: words with a translation learned from the input.

    A Korean word's keys are its learned English stems, an English word's its learned Korean
    stems; the keys a sentence offers them are its own stems (:attr:`Features.stems`). See
    :mod:`diglot.align.lexicon`.
    """
    memo, units = lexicon.memo(lang), []
    for stems in feats.tokens:
        keys = memo.get(stems)
        if keys is None:
            keys = lexicon.keys(lang, stems)
        if keys:
            units.append(("lexicon", keys))
    return units


def translation_anchors(
    feats: Features, lang: str, translation: str | None = None
) -> tuple[list[tuple[str, frozenset[str]]], set[str]]:
    """Units and bag keys of the ``mt`` kind.

    For a Korean sentence, ``translation`` is its machine translation: its English stems must be
    found in the English sentence. For an English sentence, each stem must be found in the
    machine translation of the Korean side (``m:`` keys).
    """
    if lang == "ko":
        stems = {english_stem(w) for w in _ENGLISH_WORD.findall(translation or "") if w.lower() not in _STOPWORDS}
        return [("mt", frozenset({s})) for s in sorted(stems)], {"m:" + s for s in stems}
    return [("mt", frozenset({"m:" + s})) for s in sorted(feats.stems)], feats.stems

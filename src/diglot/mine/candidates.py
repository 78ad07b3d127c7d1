"""Term candidates: the noun phrases of a Korean and an English text that could be glossary forms.

Korean candidates come from morphological analysis (kiwipiepy), not from whitespace tokens, so
``탈북자들은`` yields ``탈북자``: runs of nouns inside a word (NNG common, NNP proper nouns, SL Latin
script, SH Hanja) make one unit (``핵`` + ``실험`` = ``핵실험``); a noun directly followed by a
verb- or adjective-forming suffix (``공개하며``) is a predicate, not a term, and is left out. Units
in consecutive words, each word a bare noun, join into phrases of up to
:data:`MAX_KOREAN_WORDS` words (``버락 오바마``, ``국립 연구소``).

English candidates are found by rule-based chunking: the text is cut at punctuation, at
function words (:data:`ENGLISH_STOPWORDS`), at adverbs in *-ly* and at lower-case participles in
*-ed*, and every n-gram of up to :data:`MAX_ENGLISH_WORDS` words of a chunk is a candidate;
capitalised spans (``Department of Energy``) and acronyms (``IOC``, ``U.S.``) are candidates
whole, whatever their length.

Each candidate has a *key*, the form counted (Korean without spaces; English lower-cased, its
last word singular), and the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from diglot.hangul import SYLLABLE
from diglot.textio import normalize

MAX_KOREAN_WORDS = 3
MAX_ENGLISH_WORDS = 4

_KOREAN_NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "SH"})
_PREDICATE_SUFFIX_TAGS = frozenset({"XSV", "XSA", "XSA-I", "XSA-R", "XSV-I", "XSV-R", "VCP"})
# Nouns that situate or refer ("this time", "that day", "after") rather than name a concept;
# closed-class words in all but the tag.
KOREAN_STOPWORDS = frozenset(
    """이번 이날 당시 이후 이전 동안 자신 현지 시간 관련 이상 이하 일부 대부분 가운데 경우 정도 관계자
    내용 문제 사람 처음 때문 다음 지난 최근 현재 오늘 어제 내일 올해 지난해 작년 내년 전날 당일 이곳 그곳
    모두 자체 사이 결과 상황 상태 부분 측 등등 여러 대해 위해 통해 대한 등지 일대 직후 직전 말""".split()
)

ENGLISH_STOPWORDS = frozenset(
    """a an the this that these those there here it its it's he him his she her hers they them their theirs
    we us our ours you your yours i me my mine who whom whose which what when where why how whether
    and or but nor so yet if then than as because while although though since until unless whereas
    of in on at by for with without within into onto from to up down out off over under about above
    below between among through during before after against along around across behind beyond near
    toward towards upon via per despite including except like amid
    be is are was were been being am do does did done doing have has had having will would shall
    should can could may might must ought not no nor n't 's
    said says say saying told tell tells asked ask according added adding
    made make makes went go goes gone took take takes taken came come comes gave give gives given got get gets
    held hold holds put puts knew know known thought think see seen saw want wants wanted
    also only just even still very more most much many some any all each every both either neither
    other another such own same few less least several enough too quite rather almost already again
    ever never now then once soon yet however meanwhile instead nearly later earlier ago
    one two three four five six seven eight nine ten first second third last next new
    mr mrs ms dr st jr sr co inc ltd 's \u2019s
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    year years month months week weeks day days time times percent people thing things way
    """.split()
)

_ENGLISH_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.N.
    r"|[A-Z][a-z]{1,3}\.(?=\s+[A-Z])"  # abbreviated titles before a name: Sen., Gen., Gov.
    r"|[A-Za-z0-9]+(?:(?:-|['\u2019](?!s\b))[A-Za-z0-9]+)*"  # words: Kim Jong-il, O'Brien
    r"|['\u2019]s\b"  # the possessive ending, a token of its own (it ends a noun phrase)
    r"|\S"
)
_ABBREVIATED_TITLE = re.compile(r"[A-Z][a-z]{1,3}\.")  # Sen., Gen., Gov., Dr.
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'\u2019\-.]*")
_NAME_STARTERS = frozenset({"new", "first", "second", "third", "last", "one"})  # stopwords that start names
_JOINERS = frozenset({"of", "for", "and", "the", "on", "de", "to"})  # inside capitalised names


@dataclass(frozen=True)
class Candidate:
    """One candidate term in one text."""

    key: str  # the form counted: see the module docstring
    text: str  # as written


def korean_candidates(texts: Iterable[str]) -> list[list[Candidate]]:
    """The candidates of each Korean text, analysed in one batch (Kiwi is loaded once, lazily)."""
    from diglot.segment.korean import kiwi  # the shared instance

    texts = [normalize(t) for t in texts]
    return [_korean_from_tokens(text, tokens) for text, tokens in zip(texts, kiwi(multi_words=True).tokenize(texts))]


def _korean_from_tokens(text: str, tokens: list) -> list[Candidate]:  # type: ignore[type-arg]
    units: list[tuple[int, int, list[tuple[int, int, str]]]] = []  # (start, end, noun tokens)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.tag not in _KOREAN_NOUN_TAGS:
            i += 1
            continue
        parts = [(token.start, token.start + token.len, token.tag)]
        j = i + 1
        while j < len(tokens) and tokens[j].tag in _KOREAN_NOUN_TAGS and tokens[j].start == parts[-1][1]:
            parts.append((tokens[j].start, tokens[j].start + tokens[j].len, tokens[j].tag))
            j += 1
        following = tokens[j] if j < len(tokens) else None
        predicate = following is not None and following.tag in _PREDICATE_SUFFIX_TAGS and following.start == parts[-1][1]
        if not predicate:
            units.append((parts[0][0], parts[-1][1], parts))
        i = j
    out: list[Candidate] = []
    phrase: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    for unit in units:
        start = unit[0]
        if phrase and not (_is_bare_word(text, phrase[-1]) and text[phrase[-1][1] : start].isspace()):
            out.extend(_korean_phrase_candidates(text, phrase))
            phrase = []
        if phrase or start == 0 or not SYLLABLE.match(text[start - 1]):
            phrase.append(unit)
        else:
            out.extend(_korean_phrase_candidates(text, [unit]))
    if phrase:
        out.extend(_korean_phrase_candidates(text, phrase))
    return out


def _is_bare_word(text: str, unit: tuple[int, int, list[tuple[int, int, str]]]) -> bool:
    """The unit is a whole word: nothing attached after it (no particle)."""
    return unit[1] == len(text) or text[unit[1]].isspace()


def _korean_phrase_candidates(text: str, phrase: list[tuple[int, int, list[tuple[int, int, str]]]]) -> list[Candidate]:
    out = []
    for first in range(len(phrase)):
        for last in range(first, min(first + MAX_KOREAN_WORDS, len(phrase))):
            surface = text[phrase[first][0] : phrase[last][1]]
            if first == last and not _keep_korean_unit(phrase[first][2], surface):
                continue
            out.append(Candidate(re.sub(r"\s+", "", surface), re.sub(r"\s+", " ", surface)))
    for _start, _end, parts in phrase:  # the parts of a compound are candidates too: 핵실험 → 실험
        if len(parts) > 1:
            for start, end, tag in parts:
                surface = text[start:end]
                if _keep_korean_unit([(start, end, tag)], surface):
                    out.append(Candidate(surface, surface))
    return out


def _keep_korean_unit(parts: list[tuple[int, int, str]], surface: str) -> bool:
    if surface in KOREAN_STOPWORDS:
        return False
    if len(parts) == 1:
        tag = parts[0][2]
        if tag == "SL":
            return len(surface) >= 2
        if len(surface) < 2 and tag != "NNP":  # 말, 때, 전, 후: too ambiguous alone
            return False
    return True


def english_tokens(text: str) -> list[str]:
    """Words (with acronyms such as ``U.S.`` whole) and punctuation marks, in order."""
    return _ENGLISH_TOKEN.findall(normalize(text))


def english_candidates(text: str) -> list[Candidate]:
    """The candidates of one English text: n-grams of content words, capitalised spans, acronyms."""
    tokens = english_tokens(text)
    out: list[Candidate] = []
    chunk: list[str] = []
    for index, token in enumerate(tokens + ["."]):
        if _is_content_word(token) or _starts_name(tokens, index):
            chunk.append(token)
            continue
        out.extend(_ngrams(chunk))
        chunk = []
    out.extend(_capitalised_spans(tokens))
    return out


def _starts_name(tokens: list[str], index: int) -> bool:
    """A capitalised stopword that begins a name: ``New`` in ``New York``, ``First`` in ``First Lady``."""
    return (
        index + 1 < len(tokens)
        and tokens[index].lower() in _NAME_STARTERS
        and _is_capitalised(tokens[index])
        and _is_capitalised(tokens[index + 1])
    )


def _is_dotted_acronym(token: str) -> bool:
    return re.fullmatch(r"(?:[A-Za-z]\.){2,}", token) is not None


def _is_content_word(token: str) -> bool:
    if not _WORD.fullmatch(token):
        return False
    lower = token.lower()
    if lower in ENGLISH_STOPWORDS or lower.rstrip(".") in ENGLISH_STOPWORDS:
        return False
    if token.islower() and (lower.endswith("ly") or (lower.endswith("ed") and len(lower) > 4)):
        return False  # adverbs and participles: not part of a noun phrase
    return True


def _ngrams(chunk: list[str]) -> list[Candidate]:
    out = []
    for first in range(len(chunk)):
        for last in range(first, min(first + MAX_ENGLISH_WORDS, len(chunk))):
            words = chunk[first : last + 1]
            if last > first and _ABBREVIATED_TITLE.fullmatch(words[0]):
                continue  # Sen. Barack Obama: the name is Barack Obama; Sen. alone stays a candidate
            out.append(Candidate(english_key(" ".join(words)), " ".join(words)))
    return out


def _capitalised_spans(tokens: list[str]) -> list[Candidate]:
    """Names longer than an n-gram, with joiners inside: ``Commission to Help North Korean Refugees``."""
    out = []
    i = 0
    while i < len(tokens):
        if not _is_capitalised(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            if _is_capitalised(tokens[j]):
                j += 1
            elif tokens[j].lower() in _JOINERS and j + 1 < len(tokens) and _is_capitalised(tokens[j + 1]):
                j += 2
            else:
                break
        words = tokens[i:j]
        if j - i > MAX_ENGLISH_WORDS or any(w.lower() in _JOINERS for w in words):
            if words[0].lower() not in ENGLISH_STOPWORDS:
                out.append(Candidate(english_key(" ".join(words)), " ".join(words)))
        i = j
    return out


def _is_capitalised(token: str) -> bool:
    return bool(_WORD.fullmatch(token)) and token[0].isupper()


def english_key(phrase: str) -> str:
    """The form an English candidate is counted under: lower case, without an abbreviation's full
    stop, the last word made singular by rule of thumb (``Games`` = ``games`` = ``game``). A key is
    only compared, never shown, so a name that looks plural (``Texas`` → ``texa``) does no harm."""
    words = [(w if _is_dotted_acronym(w) else w.rstrip(".")).lower() for w in phrase.split()]  # Sen. = Sen
    words[-1] = singular(words[-1])
    return " ".join(words)


def singular(word: str) -> str:
    """A rule-of-thumb singular of a lower-case English noun (``forces`` → ``force``, ``cities`` → ``city``)."""
    if len(word) <= 2 or word.endswith(("ss", "us", "is", "'s", "\u2019s")) or "." in word:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word

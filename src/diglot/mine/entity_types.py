"""The glossary type of a mined pair: person, place, organization, event, title or term.

The reviewer sees the type and can change it; a right guess saves a question per entry. The
guess reads, in this order:

1. **titles**: a Korean form ending in an office (``국무장관``, ``대변인``) with a lower-case or
   title-word English (``spokesman``, ``Sen.``);
2. **events**: an event word on either side (``올림픽``, *Games*, *War*), or the name of a storm
   (*Hurricane Dolly*, ``태풍 풍웡``) in the example sentences;
3. **organizations**: an acronym (*FDA*, *IOC*; not a place such as *U.S.*), or an organization
   word heading either side (``신화통신``, ``루비사``, *Party*, *Agency*, *Committee*); **places**
   headed by a place word (*Yeonpyeong Island*, *Korean Peninsula*);
4. **people and places**, for an English name: its context in the sentence pairs holding both
   (a title or *Mr.* before it, *said* after it, ``씨`` or ``의원`` after the Korean: a person;
   *in*, *near*, *-based*, ``에서`` after the Korean: a place), then a list of place names
   (countries, continents, US states and cities of 100,000 people or more, from GeoNames, with
   their adjectives: *Israeli*, *Mexican*), then a Korean person's name that sounds like its
   English (``이명박`` = *Lee Myung-bak*); a name the Korean transliterates is otherwise a person, unless it is a
   common English word (*Islamic*, *Dark Knight*: Zipf 4 or more in wordfreq);
5. everything else is a **term**.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Sequence

from diglot.align.romanize import PRESS_SURNAMES
from diglot.hangul import SYLLABLES, is_syllable
from diglot.mine.associate import sounds_alike
from diglot.mine.termhood import english_zipf

PERSON, PLACE, ORGANIZATION, EVENT, TITLE, TERM = "person", "place", "organization", "event", "title", "term"

KOREAN_TITLES = (
    "대통령", "총리", "장관", "의원", "대변인", "총장", "대사", "위원장", "회장", "사장", "국장", "감독", "교수",
    "박사", "주지사", "시장", "외무상", "국무장관", "당선인", "후보", "대표", "여사", "목사", "주교", "판사",
)  # fmt: skip
ENGLISH_TITLES = frozenset(
    """president minister secretary secretary-general senator sen. rep. gov. gen. governor mayor ambassador spokesman
    spokeswoman spokesperson chairman chairwoman chief director professor judge premier chancellor
    lawmaker candidate leader envoy commissioner""".split()
)
KOREAN_EVENTS = ("올림픽", "월드컵", "전쟁", "엑스포", "대회", "축제", "선거", "박람회")
ENGLISH_EVENTS = frozenset("olympic olympics games war cup expo festival election championship".split())
STORMS = ("hurricane", "typhoon", "tropical storm", "storm", "cyclone")
KOREAN_STORMS = ("허리케인", "태풍", "폭풍", "사이클론")
KOREAN_ORGANIZATIONS = (
    "당", "위원회", "협회", "연맹", "연합", "은행", "통신", "방송", "신문", "그룹", "재단", "대학", "대학교", "연구소",
    "연구원", "기구", "공사", "청", "부",
)  # fmt: skip
KOREAN_COMPANY = "사"  # 루비사 = Ruby: the company suffix on a transliterated name
ENGLISH_ORGANIZATIONS = frozenset(
    """party agency ministry department committee commission council association union federation
    bank corp corp. co co. inc inc. ltd group university institute organization organisation office
    court army navy news times post league foundation network board authority service company
    administration assembly parliament congress""".split()
)
# A transliterated name as common as this in general English (Islamic, Dark Knight) is a word, not
# a person's name, unless its context says otherwise.
COMMON_NAME_ZIPF = 4.0
ENGLISH_PLACES = frozenset(
    """island islands peninsula river mountain mountains mount sea bay lake province county strait valley
    airport port city district region square street gulf coast""".split()
)
# Acronyms of places, not of organizations.
PLACE_ACRONYMS = frozenset({"us", "usa", "uk", "uae", "dprk", "rok", "prc", "eu"})

_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z0-9&]+")
_DEMONYM_ENDINGS = ("i", "n", "an", "ian", "ese", "ish")
_PERSON_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Prof|Rev|President|Minister|Secretary|Chairman|"
    r"Chancellor|Premier|King|Queen|Prince|Princess|Pope|Judge|Justice|Senator|actor|actress|singer|star|"
    r"leader|director|spokesman|spokeswoman|coach|player|host)\.?\s+(?:[A-Z][\w'-]*\.?\s+)*$"
)
_PERSON_AFTER = re.compile(r"^,?\s*(?:who\b|said\b|says\b|told\b|added\b|asked\b|wrote\b|\d{1,3},)")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|across|throughout|outside|inside|into|toward|towards)\s+(?:the\s+)?$")
_PLACE_AFTER = re.compile(r"^(?:-based\b|,\s+[A-Z][a-z]+\s*\()")
# After a Korean name: 씨 (Mr, Ms) for a person; a title is no clue (미국 대통령: the country's).
_KOREAN_PERSON_AFTER = re.compile(r"^\s?(?:씨|여사)")
_KOREAN_PLACE_AFTER = re.compile(rf"^(?:에서|\s?주\b|주[{SYLLABLES}]|시\b|시[는가에의]|\s?정부|\s?국민|\s?전역|\s?남부|\s?북부|\s?동부|\s?서부)")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """The place names shipped with diglot (``places.txt``), lower case."""
    text = resources.files("diglot.mine").joinpath("places.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_place_name(en: str) -> bool:
    """A known place, or its adjective (*Israeli*, *Chinese*: the place less its last letter, and
    a usual ending)."""
    name = en.lower().rstrip(".")
    places = place_names()
    if name in places or name.replace(".", "") in PLACE_ACRONYMS:
        return True
    for ending in _DEMONYM_ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= 3:
            stem = name[: -len(ending)]
            if any(stem + tail in places for tail in ("", "a", "e", "o", "y")) or stem in places:
                return True
    return False


def looks_like_korean_name(ko: str) -> bool:
    """Three Hangul syllables starting with a surname the press knows (``이명박``, ``반기문``)."""
    return len(ko) == 3 and all(map(is_syllable, ko)) and ko[0] in PRESS_SURNAMES


def entity_type(ko: str, en: str, examples: Sequence[tuple[str, str]] = (), transliterated: bool = False) -> str:
    """The type of the pair ``ko`` ↔ ``en`` (written forms); ``examples`` are (Korean, English)
    sentence pairs holding both; ``transliterated``: the two sound alike (a name)."""
    ko_head = ko.split()[-1] if ko.split() else ko
    en_words = en.lower().split()
    if not en_words:
        return TERM
    if ko_head.endswith(KOREAN_TITLES) and (en == en.lower() or any(w in ENGLISH_TITLES for w in en_words)):
        return TITLE
    if ko.endswith(KOREAN_EVENTS) or en_words[-1] in ENGLISH_EVENTS or _storm_named(ko, en, examples):
        return EVENT
    acronym = bool(_ACRONYM.fullmatch(en))
    if acronym and not is_place_name(en):
        return ORGANIZATION
    if en_words[-1] in ENGLISH_ORGANIZATIONS and en[0].isupper():
        return ORGANIZATION
    if en_words[-1] in ENGLISH_PLACES and en[0].isupper():
        return PLACE
    if en == en.lower():
        return TERM
    korean_name = transliterated and looks_like_korean_name(ko.replace(" ", ""))
    if not korean_name and len(ko_head) >= 3 and ko_head.endswith(KOREAN_ORGANIZATIONS):
        return ORGANIZATION
    if len(ko_head) >= 3 and ko_head.endswith(KOREAN_COMPANY) and len(en_words) == 1 and sounds_alike(ko_head[:-1], en):
        return ORGANIZATION
    person, place = _context(ko, en, examples)
    if person != place:
        return PERSON if person > place else PLACE
    if is_place_name(en):
        return PLACE
    if korean_name or (transliterated and english_zipf(en) < COMMON_NAME_ZIPF):
        return PERSON
    return TERM


def is_title_with_holder(ko: str, en: str, transliterated: bool = False) -> bool:
    """An office paired with the name of the person holding it (``총장`` ↔ *Ban*, ``대통령`` ↔
    *Bush*): a Korean title, an English name that neither sounds like it nor holds a title
    word. The two stand side by side in every sentence, but one does not translate the other."""
    ko_head = ko.split()[-1] if ko.split() else ko
    if not ko_head.endswith(KOREAN_TITLES) or transliterated or en == en.lower():
        return False
    return not any(word in ENGLISH_TITLES for word in en.lower().split())


def without_title(ko: str) -> str | None:
    """The name in a Korean title-and-name phrase, spaces dropped (``이명박 대통령``,
    ``국무장관 콘돌리자 라이스`` → ``이명박``, ``콘돌리자라이스``); ``None`` if ``ko`` is not one."""
    words = ko.split()
    if len(words) < 2:
        return None
    if words[-1].endswith(KOREAN_TITLES):
        return "".join(words[:-1])
    if words[0].endswith(KOREAN_TITLES):
        return "".join(words[1:])
    return None


def _storm_named(ko: str, en: str, examples: Sequence[tuple[str, str]]) -> bool:
    """*Hurricane Dolly*, ``태풍 풍웡``: the name of a storm, written after the word for one."""
    for ko_text, en_text in examples:
        if re.search(r"(?:" + "|".join(KOREAN_STORMS) + r")\s?['‘“]?" + re.escape(ko), ko_text):
            return True
        if re.search(r"\b(?:" + "|".join(STORMS) + r")\s+" + re.escape(en) + r"\b", en_text, re.IGNORECASE):
            return True
    return False


def _context(ko: str, en: str, examples: Sequence[tuple[str, str]]) -> tuple[int, int]:
    """How many mentions in ``examples`` read as a person's, and how many as a place's."""
    person = place = 0
    en_pattern = re.compile(r"\b" + re.escape(en) + r"\b")
    ko_pattern = re.compile(re.escape(ko))
    for ko_text, en_text in examples:
        for match in en_pattern.finditer(en_text):
            before, after = en_text[: match.start()], en_text[match.end() :]
            person += bool(_PERSON_BEFORE.search(before) or _PERSON_AFTER.match(after))
            place += bool(_PLACE_BEFORE.search(before) or _PLACE_AFTER.match(after))
        for match in ko_pattern.finditer(ko_text):
            after = ko_text[match.end() :]
            person += bool(_KOREAN_PERSON_AFTER.match(after))
            place += bool(_KOREAN_PLACE_AFTER.match(after))
    return person, place

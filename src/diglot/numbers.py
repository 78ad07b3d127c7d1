"""Numbers in Korean and English text, as values that can be compared across the two.

Korean writes large numbers in units of 10,000 (2만 = 20,000; 1억1천만 = 110,000,000), counts
with native numerals before counters (두 명 = 2 people), writes dates with dots (2011.10.05,
2011. 10. 5.) and batting averages in 할, 푼 and 리 (2할6푼8리 = .268); English writes digits with
commas, scale words (2 million), spelled-out numbers (thirty-five) and averages without the
zero (.268). Both write year ranges short (1950~53, 1950-53). :func:`extract_numbers` turns all
of these into :class:`NumberMention` values, so ``2만여 명`` and ``more than 20,000`` meet as 20000.
Money abbreviates its scale (``$50bn``, ``£5m``) and page text carries junk that is not a number:
character references (``&#8212;``), codes glued to letters (``NW1``, ``A380``); both are read as
such. A currency sign the page lost to mojibake (``¢æ176``) does not hide the number after it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from diglot.hangul import SYLLABLES


@dataclass(frozen=True)
class NumberMention:
    """A number in text: where it is, its value, and whether it is approximate."""

    start: int
    end: int
    value: float
    text: str
    approx: bool = False  # 2만여, 약 3천, more than 20,000, about 100
    spelled: bool = False  # written in words (three, 두 명) rather than digits


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_KOREAN_UNITS = {"조": 10**12, "억": 10**8, "만": 10**4, "천": 10**3, "백": 10**2}
_KOREAN_NUMBER = re.compile(rf"(?<![A-Za-z])(?:{_DIGITS})(?:\s?[조억만천백](?:\s?(?:{_DIGITS}))?)*(?:\s?[조억만천백])?")
_KOREAN_PART = re.compile(rf"({_DIGITS})?\s?([조억만천백])?")
_KOREAN_APPROX_AFTER = re.compile(
    r"^(?:여|\s?(?:명|개|건|곳|달러|원|가구|척|대|년)?\s?(?:이상|넘|가량|남짓|정도|안팎|내외|여))"
)
_KOREAN_APPROX_BEFORE = re.compile(r"(?:약|대략|무려|최소|최대|거의)\s?$")
_NATIVE = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
    "열한": 11, "열두": 12, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50,
}  # fmt: skip
_COUNTERS = "명|가지|개|곳|차례|번|살|척|마리|권|시간|개월|발|건|채"
# 2011.10.05, 2011. 10. 5., 2005.10: a year and month (and day) written with dots, not a decimal.
# A one-digit month needs a day after it (2011.5 may well be a decimal).
_DOTTED_DATE = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)\.\s?(?:(0?[1-9]|1[0-2])\.\s?(0?[1-9]|[12]\d|3[01])|(0[1-9]|1[0-2]))\.?(?![\d])"
)
# 2할6푼8리 (.268), 3할 (.300): a rate in tenths, hundredths and thousandths, as batting averages go.
_KOREAN_RATE = re.compile(r"(?<!\d)(\d)할(?:\s?(\d)푼)?(?:\s?(\d)리)?")
_KOREAN_NATIVE = re.compile(
    rf"(?<![{SYLLABLES}])({'|'.join(sorted(_NATIVE, key=len, reverse=True))})\s?(?:{_COUNTERS})"
)

_ENGLISH_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# Not after a Latin letter or digit (NW1, A380, 3.5's tail) unless a currency word is glued on
# (euro500); a non-Latin letter before the digits is mojibake of a currency sign (¢æ176).
_ENGLISH_NUMBER = re.compile(
    rf"(?:(?<![A-Za-z0-9_.])|(?<=euro)|(?<=EUR))({_DIGITS})(?:\s?(hundred|thousand|million|billion|trillion)\b)?"
)
# $50bn, £5m, $1.2tn: a money amount with its scale abbreviated.
_MONEY_SCALE = re.compile(rf"(?<=[$£€¥])({_DIGITS})\s?(bn|tn|m|mn|b|k)\b")
_MONEY_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9, "tn": 10**12}
# &#8212; &#x2014;: a character reference, not the number 8212.
_CHARACTER_REFERENCE = re.compile(r"&#(?:\d+|[xX][0-9a-fA-F]+);")
_ENGLISH_BARE_DECIMAL = re.compile(r"(?<![\w.,])\.(\d+)\b")  # .268 (a batting average), .45 caliber
_ENGLISH_APPROX = re.compile(
    r"(?:more than|over|about|around|nearly|almost|some|approximately|roughly|at least|up to|fewer than|less than|"
    r"some|an estimated)\s+$",
    re.IGNORECASE,
)
_ENGLISH_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
# Matched on the lower-cased text; the lookahead skips most positions cheaply.
_ENGLISH_WORD_NUMBER = re.compile(
    r"(?<![a-z])(?=[otfsenhd])(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
    r"(one|two|three|four|five|six|seven|eight|nine)(?![a-z])"
    rf"|({'|'.join(sorted(_ENGLISH_WORDS, key=len, reverse=True))})(?![a-z])(?:\s(hundred|thousand|million|billion)(?![a-z]))?)"
)
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_ENGLISH_MONTH = re.compile(
    r"\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?)\.?(?=\s+\d{1,2}(?:st|nd|rd|th)?\b)"
)
# 1950~53, 1950-53, 1950–53: the second year written short.
_YEAR_RANGE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?:[~\u223c\uff5e]|\s?[\u2013\u301c\u223c\uff5e~]\s?|-)(\d\d)(?![\d:])")


_ANY_DIGIT = re.compile(r"\d")


def _number(digits: str) -> float:
    return float(digits.replace(",", ""))


def _korean_value(text: str) -> float:
    """Value of a digit-and-unit number: 2만 → 20000, 1억1천만 → 110000000, 3,500 → 3500."""
    total = 0.0
    section = 0.0  # the part below 만, accumulated until a 만/억/조 closes it
    for digits, unit in _KOREAN_PART.findall(text):
        if not digits and not unit:
            continue
        value = _number(digits) if digits else (1.0 if unit in "천백" else 0.0)
        if unit in ("천", "백"):
            section += value * _KOREAN_UNITS[unit]
        elif unit:
            total += (section + value) * _KOREAN_UNITS[unit]
            section = 0.0
        else:
            section += value
    return total + section


def _korean(text: str, digits: bool) -> list[NumberMention]:
    found = [
        NumberMention(m.start(1), m.end(1), float(_NATIVE[m.group(1)]), m.group(1), spelled=True)
        for m in _KOREAN_NATIVE.finditer(text)
    ]
    if not digits:
        return found
    dates, taken = _dotted_dates(text)  # taken: spans read already, no decimal inside them
    found += dates
    for m in _KOREAN_RATE.finditer(text):
        value = sum(int(d) / 10**place for place, d in enumerate(m.groups(), 1) if d)
        found.append(NumberMention(m.start(), m.end(), round(value, 3), m.group()))
        taken.append((m.start(), m.end()))
    for m in _KOREAN_NUMBER.finditer(text):
        if any(start <= m.start() < end for start, end in taken):
            continue
        approx = bool(_KOREAN_APPROX_AFTER.match(text[m.end() :]) or _KOREAN_APPROX_BEFORE.search(text[: m.start()]))
        found.append(NumberMention(m.start(), m.end(), _korean_value(m.group()), m.group(), approx))
    return found


def _dotted_dates(text: str) -> tuple[list[NumberMention], list[tuple[int, int]]]:
    """Year, month and day of each dotted date, and the spans they take (no decimal inside them)."""
    found, spans = [], []
    for m in _DOTTED_DATE.finditer(text):
        spans.append((m.start(), m.end()))
        for group in (1, 2, 3, 4):
            if m.group(group):
                found.append(NumberMention(m.start(group), m.end(group), float(m.group(group)), m.group(group)))
    return found, spans


def _english(text: str, digits: bool) -> list[NumberMention]:
    found = []
    lowered = text.lower()
    for m in _ENGLISH_WORD_NUMBER.finditer(lowered if len(lowered) == len(text) else text):
        if m.group(1):
            value = _ENGLISH_WORDS[m.group(1)] + _ENGLISH_WORDS[m.group(2)]
        else:
            value = _ENGLISH_WORDS[m.group(3)] * (_ENGLISH_SCALES[m.group(4)] if m.group(4) else 1)
        approx = bool(_ENGLISH_APPROX.search(text[max(0, m.start() - 20) : m.start()]))
        found.append(NumberMention(m.start(), m.end(), float(value), text[m.start() : m.end()], approx, spelled=True))
    if not digits:
        return found
    for m in _ENGLISH_BARE_DECIMAL.finditer(text):
        found.append(NumberMention(m.start(), m.end(), float("0." + m.group(1)), m.group()))
    money_scales = {m.start(): m for m in _MONEY_SCALE.finditer(text)}
    for m in _ENGLISH_NUMBER.finditer(text):
        if m.start() in money_scales:
            scaled = money_scales[m.start()]
            value = _number(scaled.group(1)) * _MONEY_SCALES[scaled.group(2)]
            approx = bool(_ENGLISH_APPROX.search(text[max(0, m.start() - 20) : m.start()]))
            found.append(NumberMention(scaled.start(), scaled.end(), value, scaled.group(), approx))
            continue
        value = _number(m.group(1)) * (_ENGLISH_SCALES[m.group(2).lower()] if m.group(2) else 1)
        approx = bool(_ENGLISH_APPROX.search(text[max(0, m.start() - 20) : m.start()]))
        found.append(NumberMention(m.start(), m.end(), value, m.group(), approx))
    for m in _ENGLISH_MONTH.finditer(text):  # a month counts only before a day, so only with digits
        found.append(NumberMention(m.start(), m.end(), float(_MONTHS[m.group(1)[:3].lower()]), m.group()))
    return found


def _expand_year_ranges(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """Give the short end of a year range its century: 1950~53 → 1950 and 1953."""
    out = list(found)
    for m in _YEAR_RANGE.finditer(text):
        if int(m.group(2)) <= int(m.group(1)) % 100:  # 2011-09 is a date, not a range
            continue
        start, end = m.start(2), m.end(2)
        out = [n for n in out if not (n.start >= start and n.end <= end)]
        out.append(NumberMention(start, end, float(int(m.group(1)) // 100 * 100 + int(m.group(2))), m.group(2)))
    return out


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every number in ``text`` (Korean if ``lang == "ko"``, else English), in text order."""
    digits = _ANY_DIGIT.search(text) is not None  # most sentences have none: skip what needs them
    found = _korean(text, digits) if lang == "ko" else _english(text, digits)
    # Korean text quotes English figures too (10 million); English numbers inside Korean are digits.
    if digits:
        found = _expand_year_ranges(text, found)
        references = [m.span() for m in _CHARACTER_REFERENCE.finditer(text)]
        found = [n for n in found if not any(start <= n.start < end for start, end in references)]
        # A run of 309 digits or more is past what a float holds (inf): no figure anyone reads,
        # and infinity compares equal to any other one and breaks whoever rounds it.
        found = [n for n in found if math.isfinite(n.value)]
    return sorted(found, key=lambda n: (n.start, n.end))


def values(text: str, lang: str) -> list[float]:
    """The values of :func:`extract_numbers`, in text order."""
    return [n.value for n in extract_numbers(text, lang)]

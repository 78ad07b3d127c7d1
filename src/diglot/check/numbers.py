"""Number check of one source/target pair: did a number change in translation?

Numbers are compared by value (:func:`diglot.numbers.extract_numbers`), so Korean units meet
English digits: ``2만여 명`` = ``more than 20,000``, ``1억1천만 달러`` = ``$110 million``,
``10월 5일`` = ``Oct. 5``. A few more equivalences are the check's own (not anchors for the
aligner): lengths, areas and weights converted between metric and imperial units (``240km`` =
``about 150 miles``, within rounding), clock hours on 12 or 24 hours (``오후 8시`` = ``8 p.m.``,
``0시 26분`` = ``12:26 a.m.``, ``0715 GMT``), fractions (``3분의 1`` = ``one third``, ``30%`` =
``a third``, ``0.5%포인트`` = ``half a point``), English ordinals (``2번째`` = ``second``), days
(``하루 전`` = ``24 hours before``) and spelled multiples (``36명`` = ``three dozen``, ``50년`` =
``five decades``).

What is left unmatched on both sides is reported, except what is not a figure of the story and
would drown an editor in noise:

* numbers written in words (``one``, ``three``, ``두 명``) are matched when they can be, never
  reported alone: *one* is as often a pronoun as a number; so are ordinals and ranks (``2번째``,
  ``제8호``, ``1위``, ``2차``), labels rather than quantities;
* a Korean *one* or *two* of a counter (``1명``, ``1년``, ``2명 모두``, ``2차례``) that English says
  with *a*, *an*, *both* or *twice*;
* a conversion given in brackets (``15 meters (49 feet)``, ``20억달러(약 2조억원)``), and the figure
  it converts when that one is matched; a number repeated in brackets or a year said twice;
* dates written the news agencies' way: a Korean day of the month (``5일``) where the English names a
  weekday or a relative day (``said Wednesday``, ``three days after``), a month or year said relatively
  on the other side (``지난해 10월`` = ``October 2007``, ``2009년 6월`` = ``next June``), the month an
  English date adds to a Korean day (``27일`` = ``July 27``);
* ``10대`` (in one's teens) where the English says *teenagers*; a headline's date stamp (``2005.10``);
* numbers inside a glossary term (the 6 of ``6자회담``): the term's own finding covers them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

import diglot.check.statuses as statuses
from diglot.doc import Finding
from diglot.hangul import SYLLABLES
from diglot.i18n import _
from diglot.numbers import NumberMention, extract_numbers

_WEEKDAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTH_WORDS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|spring|summer|fall|autumn|winter"
)
_NUMBER_WORD = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)"
# An English day named the news agencies' way instead of by its date.
_RELATIVE_DAY = re.compile(
    rf"\b(?:{_WEEKDAYS}|today|yesterday|tomorrow|tonight"
    rf"|{_NUMBER_WORD} (?:days?|weeks?) (?:ago|later|earlier|after|before)|(?:last|next|this) week(?:end)?"
    rf"|(?:in|within) (?:about |some |nearly |just )?{_NUMBER_WORD} hours)\b",
    re.IGNORECASE,
)
# An English month or year named relatively: the Korean date is absolute.
_RELATIVE_MONTH_OR_YEAR = re.compile(
    rf"\b(?:(?:last|next|this|earlier this|later this) (?:month|year|{_MONTH_WORDS})"
    rf"|{_NUMBER_WORD} (?:months?|years?) ago)\b",
    re.IGNORECASE,
)
# A Korean month or year named relatively: the English date is absolute.
_KOREAN_RELATIVE = re.compile(r"지난\s?해|작년|올해|금년|내년|지난\s?달|이달|다음\s?달|오는")
_MONTH_NAMES = {
    float(i): name
    for i, name in enumerate(
        ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"), start=1
    )
}
_TEENS = re.compile(r"\bteen", re.IGNORECASE)
_KOREAN_WEEKDAY = re.compile(r"[월화수목금토일]요일")
# An article of a law, not 조 (trillion): 헌법 9조, 제9조, 9조 2항.
_LAW_BEFORE = re.compile(r"(?:헌법|법|조약|협정|제)\s?$")
_ARTICLE = re.compile(r"^(\d+)\s?조$")
_CLAUSE_AFTER = re.compile(r"^\s?(?:\d+\s?)?항")
# A multiplier (2배: doubled, twice, "from 3 to 6"): a ratio the other side often says by its figures.
_KOREAN_TIMES = re.compile(r"^\s?배")
_ENGLISH_TIMES = re.compile(r"^[\s-](?:times|fold)\b")
# Figures that are not quantities in English: a rank (No. 1) and the working-hours idiom (9 to 5).
_ENGLISH_RANK_BEFORE = re.compile(r"\bNo\.\s?$")
_ENGLISH_NINE_TO_FIVE = re.compile(r"\b9[\s-]to[\s-]5\b")

# Korean ordinals and ranks: 제8호, 2번째, 1위, 2차 (not 2차례), 1단계, 2급, 7주년, 8일째, 1라운드.
_KOREAN_ORDINAL_BEFORE = re.compile(r"제\s?$")
_KOREAN_ORDINAL_AFTER = re.compile(r"^(?:번째|위|차(?!례)|단계|급|주년|일째|라운드|편|호|강|기|회|째)")
# A counter or unit after a Korean 1 or 2 (1명, 1년, 1시간, 2차례): English says a, an, both, twice.
_KOREAN_COUNT_AFTER = re.compile(
    r"^\s?(?:명|년|시간|달|개월|주일|주|일|대|세트|건|개|곳|마리|번|차례|척|발|권|채|가지|분|초|km|㎞|m\b|도시)"
)
_ENGLISH_ONE = re.compile(r"\b(?:a|an|one|single|once|another|the)\b", re.IGNORECASE)
_ENGLISH_TWO = re.compile(r"\b(?:both|twice|couple|pair|double)\b", re.IGNORECASE)
_ENGLISH_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_ENGLISH_ORDINALS |= {
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
_ENGLISH_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# An ordinal word, or tens and a unit ordinal joined by a hyphen, a space or nothing (thirty-eighth, thirtyeighth).
_ENGLISH_ORDINAL = re.compile(
    rf"\b(?:({'|'.join(_ENGLISH_TENS)})[\s-]?)?({'|'.join(sorted(_ENGLISH_ORDINALS, key=len, reverse=True))})\b", re.IGNORECASE
)
_ENGLISH_FRACTIONS = {"half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4, "two-thirds": 2 / 3, "three-quarters": 3 / 4}
_ENGLISH_FRACTION = re.compile(r"\b(?:(?:a|one)[\s-])?(half|third|quarter|two-thirds|three-quarters)\b", re.IGNORECASE)
_KOREAN_FRACTION = re.compile(r"(\d+)\s?분의\s?(\d+)")
_KOREAN_HALF = re.compile(r"절반")  # half: 세계인구의 절반 = 50 percent of the world's population
# Minutes, which English may count in hours: 30분 = half an hour, 8시 15분 = quarter past eight.
_KOREAN_MINUTES = re.compile(r"(?<![\d.])(\d{1,2})\s?분(?!의)")
# A regnal or sequel number in Roman numerals after a name: Louis XIV (루이 14세), World War II.
_ROMAN = re.compile(r"(?<=[a-z] )[IVXL]{2,}(?![\w])")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_DATE_LABEL = re.compile(r"^(1[0-2]|[1-9])\.([12]\d|3[01]|0?[1-9])$")  # 6.15: June 15
# What follows a date used as a name: a word, not a unit (3.5 퍼센트 is a quantity).
_LABELLED = re.compile(rf"^ (?!퍼센트|프로|포인트|배|달러|원|유로|엔|위안|명|개|건|톤|킬로|미터|도\b)[{SYLLABLES}]")
_FRACTION_TOLERANCE = 4.0  # percentage points: 30% is "a third", 50% "half"
# Days said as a word in Korean (하루 전) and as hours in English (24 hours before).
_KOREAN_DAYS = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4}
_KOREAN_DAY_WORD = re.compile(rf"(?<![{SYLLABLES}])({'|'.join(_KOREAN_DAYS)})")
_ENGLISH_HOURS = re.compile(r"^[\s-]hours?\b")
# A spelled number that counts dozens or decades: "three dozen" (36), "five decades" (50 years).
_ENGLISH_MULTIPLE = re.compile(r"^\s(dozen|decades?)\b")
# Clock times: 오전 0시 26분, 오후 5시; 12:26 a.m.; 0715 or 1215 GMT (24 hours, no colon).
_KOREAN_HOUR = re.compile(r"(\d{1,2})\s?시(?!간|즌|장|민|대|작|각|도|험|행|설|기|점)")
_ENGLISH_CLOCK = re.compile(r"(?<![\d:])(\d{1,2}):(\d\d)(?!\d)")
_ENGLISH_MILITARY = re.compile(r"(?<![\d,.])([01]\d|2[0-3])([0-5]\d)(?=\s?(?:GMT|UTC|KST|ET|EST|local|hours?|hrs)\b|\s?\()")
# Units that convert (metric on either side, imperial in English): the factor to the imperial unit.
_METRIC_UNIT = re.compile(r"^\s?(?:-|\s)?(km|㎞|킬로미터|kilometers?|kilometres?|㎡|m²|제곱미터|mm|㎜|cm|㎝|kg|㎏|킬로그램|m|미터|meters?|metres?)(?![A-Za-z])")
_IMPERIAL_UNIT = re.compile(r"^[\s-]?(?:(miles?|mph)|(square[\s-](?:feet|foot))|(feet|foot|ft)|(inch(?:es)?)|(pounds?|lbs?))(?![A-Za-z])")
_METRIC_TO_IMPERIAL = {
    "km": ("mile", 0.621371), "m2": ("sqft", 10.7639), "m": ("foot", 3.28084), "mm": ("inch", 0.0393701),
    "cm": ("inch", 0.393701), "kg": ("pound", 2.20462),
}  # fmt: skip
_METRIC_NAMES = {
    "km": "km", "㎞": "km", "킬로미터": "km", "kilometer": "km", "kilometre": "km", "㎡": "m2", "m²": "m2",
    "제곱미터": "m2", "mm": "mm", "㎜": "mm", "cm": "cm", "㎝": "cm", "kg": "kg", "㎏": "kg", "킬로그램": "kg",
    "m": "m", "미터": "m", "meter": "m", "metre": "m",
}  # fmt: skip
_CONVERSION_TOLERANCE = 0.07  # "about 150 miles" for 240 km (149.1)
# A conversion in brackets right after a figure: "15 meters (49 feet)", "20억달러(약 2조억원)", "¢æ114 ($179)".
_BRACKET_OPEN = re.compile(r"^\s?\(\s?(?:약|about|US|NZ)?\s?[$£€¥]?\s?$")
# Set scores run together in Korean sports news: 2-0(6-36-2) is two sets, 6-3 and 6-2.
_GLUED_SETS = re.compile(r"(?<![\d.-])[0-7]-[0-7](?:[0-7]-[0-7])+(?![\d.])")
# A race time in Korean, seconds and hundredths: 12초89 is 12.89 seconds.
_KOREAN_RACE_TIME = re.compile(r"(?<![\d.])(\d{1,2})초(\d{1,2})(?![\d.])")
# A score in sets right before its sets' games in brackets: the 2-0 of 2-0(6-3 6-2).
_SET_COUNT = re.compile(r"(?<![\d.-])\d-\d(?=\s?\(\s?[0-7]-[0-7])")
# A day of the month without 일, by a particle (베이징에 도착했던 22에는).
_BARE_DAY = re.compile(r"^(?:에는|에|엔)(?![\uac00-\ud7a3])")
# A range whose first end leaves its scale to the second: 2~3만, 2-3 million, between 2 and 3 billion.
_RANGE_TO = re.compile(r"^\s?(?:[~\u223c\uff5e\u2013-]|to|and)\s?$")
_KOREAN_SCALE_END = re.compile(r"[조억만천]$")
_ENGLISH_SCALE_END = re.compile(r"\s?(thousand|million|billion|trillion)$", re.IGNORECASE)
_KOREAN_DEMONSTRATIVE = re.compile(r"(?<![\uac00-\ud7a3])(?:이|그|이들|그들|이런|그런)\s$")
# Won beside dollars: an amount converted at the day's rate, which has stayed within this range
# (won per dollar) since the won floated in 1997. 1천억원 = $105 million (952 won to the dollar).
_WON_PER_DOLLAR = (850.0, 1700.0)
_WON_AFTER = re.compile(r"^\s?(?:원|won\b)")
_DOLLAR_AFTER = re.compile(r"^\s?(?:달러|dollars?\b)")
_DOLLAR_BEFORE = re.compile(r"(?<![A-Za-z])(?:US|U\.S\.)?\$\s?$")
# A headline's date stamp: 2005.10 (a year and month with a dot, no day).
_DATE_STAMP = re.compile(r"(?<![\d.])(?:19|20)\d\d\.(?:0[1-9]|1[0-2])(?![\d.])")


@dataclass(eq=False)  # compared by identity: two mentions of 2 are two numbers
class Number:
    """A number of one side, with what the check knows of it beyond its value."""

    mention: NumberMention
    values: set[float] = field(default_factory=set)  # every value it may stand for
    metric: tuple[str, float] | None = None  # a metric length, area or weight: (imperial unit, value in it)
    imperial: tuple[str, float] | None = None  # an imperial one: (unit, value)
    soft: bool = False  # matched when it can be, never reported alone
    ordinal: bool = False
    hour: bool = False
    fraction: bool = False  # a fraction (one third): it also matches a percentage close to it
    currency: str | None = None  # "KRW" or "USD" for an amount in won or dollars
    converted: Number | None = None  # the other side's amount in the other currency, at a plausible rate
    bracketed_after: Number | None = None  # the figure this one converts, in brackets after it
    day: Number | None = None  # the day after an English month (June 14): the month goes with it
    minute_of: Number | None = None  # the hour of an English clock time these are the minutes of (9:20)
    note: bool = False  # plausibly said once on the other side: reported as a note
    matched: bool = False

    @property
    def value(self) -> float:
        return self.mention.value


@dataclass
class Unmatched:
    """What :func:`compare_numbers` left unmatched: ``source``/``target`` to report, and everything
    unmatched (``*_all``, the soft numbers too) for a look at the neighbouring lines."""

    source: list[Number]
    target: list[Number]
    source_all: list[Number]
    target_all: list[Number]


def check_numbers(
    source_text: str, target_text: str, src_lang: str, tgt_lang: str, bead: int | None = None
) -> list[Finding]:
    """Findings for the numbers of ``source_text`` and ``target_text`` that do not match by value."""
    return number_findings(compare_numbers(source_text, target_text, src_lang, tgt_lang), bead)


def compare_numbers(
    source_text: str,
    target_text: str,
    src_lang: str,
    tgt_lang: str,
    source_skip: tuple[tuple[int, int], ...] = (),
    target_skip: tuple[tuple[int, int], ...] = (),
    nearby: tuple[str, str] = ("", ""),
) -> Unmatched:
    """Match the numbers of both sides; what is left, reportable or not. Numbers inside the
    ``*_skip`` spans (glossary terms: the 6 of 6자회담) are not looked at. ``nearby``: the text of the
    sentences around, source and target, where a Korean year or month may be said relatively
    (2005년 10월 = "two months ago" in the English sentence before: the lines are shifted)."""
    src = _numbers(source_text, src_lang, source_skip)
    tgt = _numbers(target_text, tgt_lang, target_skip)
    for number in src:
        partner = next((t for t in tgt if not t.matched and _same(number, t)), None)
        if partner is not None:
            number.matched = partner.matched = True
    _match_run_together(src, tgt)
    _match_run_together(tgt, src)
    for number in (n for n in src if not n.matched):
        partner = next((t for t in tgt if not t.matched and t.converted is None and _converted(number, t)), None)
        if partner is not None:
            number.converted, partner.converted = partner, number
    english = source_text if src_lang == "en" else target_text if tgt_lang == "en" else ""
    korean = source_text if src_lang == "ko" else target_text if tgt_lang == "ko" else ""
    english_nearby = nearby[0] if src_lang == "en" else nearby[1] if tgt_lang == "en" else ""
    for numbers, text, lang in ((src, source_text, src_lang), (tgt, target_text, tgt_lang)):
        _soften(numbers, text, lang, english if lang == "ko" else korean, numbers, english_nearby if lang == "ko" else "")
    for numbers, text in ((src, source_text), (tgt, target_text)):
        for number in numbers:
            hour = number.minute_of
            if hour is not None and not hour.matched and not number.matched:
                number.soft = True  # a time missing or added whole is reported once, as one (9:20)
                hour.mention = replace(hour.mention, end=number.mention.end, text=text[hour.mention.start : number.mention.end])
    src_left = [n for n in src if not n.matched]
    tgt_left = [n for n in tgt if not n.matched]
    return Unmatched(
        [n for n in src_left if not n.soft], [n for n in tgt_left if not n.soft], src_left, tgt_left
    )


def number_findings(unmatched: Unmatched, bead: int | None) -> list[Finding]:
    """``number-changed`` for what is left on both sides (in order), then ``-missing`` and ``-added``.

    A figure said again (15일 ... 15일 동안) is only plausibly left out: a note, unless the other side
    has more figures left over than this one (26살 ... 26살 beside 36: a change). An English month goes
    with its day: not reported once its day is matched (even in a neighbouring sentence), nor when
    its day is reported changed (July 37 for 27일: the day says it). An amount in won beside one in
    dollars at a rate the won has known (1천억원, $105 million) is a changed number as a note: the
    rate of the day cannot be checked."""
    src_left, tgt_left = _reportable(unmatched.source), _reportable(unmatched.target)
    conversions = [(s, s.converted) for s in src_left if s.converted is not None and s.converted in tgt_left]
    src_left = [n for n in src_left if n not in [s for s, _t in conversions]]
    tgt_left = [n for n in tgt_left if n not in [t for _s, t in conversions]]
    src_firm, tgt_firm = [n for n in src_left if not n.note], [n for n in tgt_left if not n.note]
    if len(tgt_firm) > len(src_firm):
        src_firm = src_left
    elif len(src_firm) > len(tgt_firm):
        tgt_firm = tgt_left
    src_months, tgt_months = _months_with_day(src_firm), _months_with_day(tgt_firm)
    src_firm = [n for n in src_firm if n not in src_months]
    tgt_firm = [n for n in tgt_firm if n not in tgt_months]
    findings = []
    for s, t in zip(src_firm, tgt_firm):
        message = _("{expected} in the source is {found} in the translation").format(
            expected=s.mention.text, found=t.mention.text
        )
        findings.append(_finding(statuses.NUMBER_CHANGED, s.mention, t.mention, bead, message))
    for s, t in conversions:  # a rate cannot be checked: a note, for an editor to glance at
        message = _("{expected} in the source is {found} in the translation, in another currency").format(
            expected=s.mention.text, found=t.mention.text
        )
        findings.append(_finding(statuses.NUMBER_CHANGED, s.mention, t.mention, bead, message, statuses.NOTE))
    paired = min(len(src_firm), len(tgt_firm))
    src_alone = _with_their_months(src_firm[paired:], src_months)
    tgt_alone = _with_their_months(tgt_firm[paired:], tgt_months)
    for s in src_alone + [n for n in src_left if n not in src_firm and n not in src_months]:
        message = _("{expected} in the source is not in the translation").format(expected=s.mention.text)
        findings.append(_finding(statuses.NUMBER_MISSING, s.mention, None, bead, message, _note(s, src_alone)))
    for t in tgt_alone + [n for n in tgt_left if n not in tgt_firm and n not in tgt_months]:
        message = _("{found} in the translation is not in the source").format(found=t.mention.text)
        findings.append(_finding(statuses.NUMBER_ADDED, None, t.mention, bead, message, _note(t, tgt_alone)))
    return findings


def _converted(a: Number, b: Number) -> bool:
    """Whether one is an amount in won and the other in dollars, at a rate the won has known."""
    for won, dollars in ((a, b), (b, a)):
        if won.currency == "KRW" and dollars.currency == "USD" and dollars.value:
            return _WON_PER_DOLLAR[0] <= won.value / dollars.value <= _WON_PER_DOLLAR[1]
    return False


def _reportable(numbers: list[Number]) -> list[Number]:
    """``numbers`` without the English months whose day is no longer among them."""
    return [n for n in numbers if n.day is None or n.day in numbers]


def _months_with_day(numbers: list[Number]) -> list[Number]:
    return [n for n in numbers if n.day is not None and n.day in numbers]


def _with_their_months(alone: list[Number], months: list[Number]) -> list[Number]:
    """The numbers reported alone, each day with its month before it (August 8: both added)."""
    out = []
    for number in alone:
        out += [m for m in months if m.day is number] + [number]
    return out


def _note(number: Number, firm: list[Number]) -> str | None:
    return None if number in firm else statuses.NOTE


def _same(a: Number, b: Number) -> bool:
    """Whether two numbers (of two sides) say the same: a value in common, an hour, a unit conversion."""
    if any(math.isclose(x, y, rel_tol=1e-9) for x in a.values for y in b.values):
        return True
    for fraction, other in ((a, b), (b, a)):
        if fraction.fraction and any(abs(fraction.value * 100 - y) <= _FRACTION_TOLERANCE for y in other.values):
            return True
    if a.hour and b.hour and a.value % 12 == b.value % 12:
        return True
    for metric, imperial in ((a, b), (b, a)):
        if metric.metric and imperial.imperial and metric.metric[0] == imperial.imperial[0]:
            converted, value = metric.metric[1], imperial.imperial[1]
            if abs(converted - value) <= _CONVERSION_TOLERANCE * max(value, converted):
                return True
    return False


def _numbers(text: str, lang: str, skip: tuple[tuple[int, int], ...]) -> list[Number]:
    mentions = [m for m in extract_numbers(text, lang) if not any(s <= m.start < e for s, e in skip)]
    numbers = [Number(m, {m.value}) for m in mentions]
    numbers = _read_fractions(numbers, text, lang)
    numbers = _read_clock(numbers, text, lang)
    numbers = _read_days_and_multiples(numbers, text, lang)
    numbers = _read_glued_sets(numbers, text)
    if lang == "ko":
        numbers = _read_race_times(numbers, text)
        numbers = _read_date_labels(numbers, text)
    if lang != "ko":
        numbers += [
            Number(NumberMention(m.start(), m.end(), float(v), m.group(), spelled=True), {float(v)}, ordinal=True)
            for m in _ENGLISH_ORDINAL.finditer(text)
            if not m.group(1) or _ENGLISH_ORDINALS[m.group(2).lower()] < 10
            for v in [_ENGLISH_TENS.get((m.group(1) or "").lower(), 0) + _ENGLISH_ORDINALS[m.group(2).lower()]]
        ]
    for number in numbers:
        _read_unit(number, text, lang)
    numbers.sort(key=lambda n: (n.mention.start, n.mention.end))
    for before, after in zip(numbers, numbers[1:]):
        if not before.mention.spelled and _BRACKET_OPEN.match(_between(text, before, after)):
            after.bracketed_after = before
        if lang != "ko" and before.mention.text[:1].isalpha() and not before.mention.spelled:
            before.day = after  # an English month, read only before its day
    _read_elided_scales(numbers, text, lang)
    return numbers


def _match_run_together(numbers: list[Number], others: list[Number]) -> None:
    """Match a number whose digits are two unmatched numbers of the other side run together, the
    space between them lost on the page (보잉 74730대 = the 30 Boeing 747s)."""
    loose = [o for o in others if not o.matched and o.mention.text.isdigit() and len(o.mention.text) >= 2]
    for number in numbers:
        if number.matched or not number.mention.text.isdigit():
            continue
        for a in loose:
            b = next((b for b in loose if b is not a and a.mention.text + b.mention.text == number.mention.text), None)
            if b is not None and not a.matched and not b.matched:
                number.matched = a.matched = b.matched = True
                break


def _read_glued_sets(numbers: list[Number], text: str) -> list[Number]:
    """Set scores run together (6-36-2): each game count a number of its own (6, 3, 6, 2)."""
    for m in _GLUED_SETS.finditer(text):
        numbers = [n for n in numbers if not m.start() <= n.mention.start < m.end()]
        for offset, digit in enumerate(m.group()):
            if digit.isdigit():
                start = m.start() + offset
                numbers.append(Number(NumberMention(start, start + 1, float(digit), digit), {float(digit)}))
    return numbers


def _read_race_times(numbers: list[Number], text: str) -> list[Number]:
    """A Korean race time (12초89): one number of seconds with its fraction (12.89), as English
    writes it, instead of 12 and 89."""
    for m in _KOREAN_RACE_TIME.finditer(text):
        numbers = [n for n in numbers if not m.start() <= n.mention.start < m.end()]
        value = float(f"{m.group(1)}.{m.group(2)}")
        numbers.append(Number(NumberMention(m.start(), m.end(), value, m.group()), {value}))
    return sorted(numbers, key=lambda n: n.mention.start)


def _read_elided_scales(numbers: list[Number], text: str, lang: str) -> None:
    """A figure that leaves its scale to another: the first end of a range (2~3만 = 20,000 to
    30,000; 2-3 million) and, in English, a bare figure after a scaled one in the same sentence
    ("150 million euros ... tomorrow it will be 200")."""
    scale_end = _KOREAN_SCALE_END if lang == "ko" else _ENGLISH_SCALE_END
    scaled = [n for n in numbers if scale_end.search(n.mention.text) and n.value]
    for before, after in zip(numbers, numbers[1:]):
        if after in scaled and before.mention.text.isdigit() and _RANGE_TO.match(text[before.mention.end : after.mention.start]):
            before.values.add(before.value * _scale(after))
    if lang == "ko":
        return
    for number in numbers:
        earlier = [n for n in scaled if n.mention.end <= number.mention.start]
        if earlier and number not in scaled and not number.mention.spelled and number.value < 1000:
            number.values.add(number.value * _scale(earlier[-1]))


def _scale(number: Number) -> float:
    """The scale word's or unit's value of a scaled number: 10**4 for 3만, 10**6 for 3 million."""
    korean = _KOREAN_SCALE_END.search(number.mention.text)
    if korean:
        return {"조": 10**12, "억": 10**8, "만": 10**4, "천": 10**3}[korean.group()]
    word = _ENGLISH_SCALE_END.search(number.mention.text).group(1).lower()  # type: ignore[union-attr]
    return {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}[word]


def _between(text: str, before: Number, after: Number) -> str:
    """The text between two numbers, the first one's unit left out: ``" ("`` in ``15 meters (49 feet)``."""
    gap = text[before.mention.end : after.mention.start]
    return re.sub(r"^\s?(?:[^\s()\d]+\s?){0,2}", "", gap, count=1) if "(" in gap else gap


def _read_fractions(numbers: list[Number], text: str, lang: str) -> list[Number]:
    if lang == "ko":
        for m in _KOREAN_FRACTION.finditer(text):
            numbers = [n for n in numbers if not m.start() <= n.mention.start < m.end()]
            value = int(m.group(2)) / int(m.group(1)) if int(m.group(1)) else 0.0
            numbers.append(Number(NumberMention(m.start(), m.end(), value, m.group()), {value, value * 100}))
        for m in _KOREAN_HALF.finditer(text):
            mention = NumberMention(m.start(), m.end(), 0.5, m.group(), spelled=True)
            numbers.append(Number(mention, {0.5, 50.0}, fraction=True))
        return numbers
    for m in _ENGLISH_FRACTION.finditer(text):
        value = _ENGLISH_FRACTIONS[m.group(1).lower()]
        mention = NumberMention(m.start(), m.end(), value, m.group(), spelled=True)
        numbers.append(Number(mention, {value, value * 100}, fraction=True))
    return numbers


def _read_date_labels(numbers: list[Number], text: str) -> list[Number]:
    """A Korean date used as a name, month and day with a dot (``6.15 남북공동선언``, ``6.25 전쟁``):
    the number may stand for its month, and its day follows as a number of its own (soft: the
    decimal is what is reported when nothing matches)."""
    out = list(numbers)
    for number in numbers:
        label = _DATE_LABEL.match(number.mention.text)
        if label and not number.mention.approx and _LABELLED.match(text[number.mention.end :]):
            number.values.add(float(label.group(1)))
            m = number.mention
            day = NumberMention(m.start + label.start(2), m.end, float(label.group(2)), label.group(2))
            out.append(Number(day, {day.value}, soft=True))
    return out


def _read_days_and_multiples(numbers: list[Number], text: str, lang: str) -> list[Number]:
    """하루 (a day) in Korean; in English, hours that make whole days (24 hours) and spelled
    dozens and decades (three dozen = 36, five decades = 50)."""
    if lang == "ko":
        for m in _KOREAN_DAY_WORD.finditer(text):
            value = float(_KOREAN_DAYS[m.group(1)])
            numbers.append(Number(NumberMention(m.start(), m.end(), value, m.group(), spelled=True), {value}))
        return numbers
    for number in numbers:
        after = text[number.mention.end :]
        if _ENGLISH_HOURS.match(after) and number.value and number.value % 24 == 0:
            number.values.add(number.value / 24)
        multiple = _ENGLISH_MULTIPLE.match(after)
        if multiple and number.mention.spelled:
            number.values.add(number.value * (12 if multiple.group(1) == "dozen" else 10))
    return numbers


def _read_clock(numbers: list[Number], text: str, lang: str) -> list[Number]:
    if lang == "ko":
        hours = {m.start(1) for m in _KOREAN_HOUR.finditer(text)}
        minutes = {m.start(1) for m in _KOREAN_MINUTES.finditer(text)}
        for number in numbers:
            if number.mention.start in hours and number.value <= 24:
                number.hour = True
            if number.mention.start in minutes and number.value < 60:
                number.values.add(number.value / 60)
        return numbers
    for m in _ENGLISH_CLOCK.finditer(text):
        for number in numbers:
            if number.mention.start == m.start(1):
                number.hour = True
            if number.mention.start == m.start(2):
                number.minute_of = next((n for n in numbers if n.mention.start == m.start(1)), None)
                if number.value == 0:
                    number.soft = True  # the :00 of 5:00 p.m., which 오후 5시 leaves unsaid
    for m in _ROMAN.finditer(text):
        value = _roman_value(m.group())
        if value:
            mention = NumberMention(m.start(), m.end(), float(value), m.group(), spelled=True)
            numbers.append(Number(mention, {float(value)}, ordinal=True))
    for m in _ENGLISH_MILITARY.finditer(text):
        numbers = [n for n in numbers if not m.start() <= n.mention.start < m.end()]
        hour, minute = float(m.group(1)), float(m.group(2))
        numbers.append(Number(NumberMention(m.start(1), m.end(1), hour, m.group(1)), {hour}, hour=True))
        numbers.append(Number(NumberMention(m.start(2), m.end(2), minute, m.group(2)), {minute}))
    return numbers


def _roman_value(numeral: str) -> int | None:
    """The value of a Roman numeral (XIV: 14), or None if it is not one written the usual way (IIX)."""
    digits = [_ROMAN_VALUES[c] for c in numeral]
    value = sum(-d if d < next_d else d for d, next_d in zip(digits, digits[1:] + [0]))
    return value if value > 0 and _roman(value) == numeral else None


def _roman(value: int) -> str:
    out = ""
    for number, numeral in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, number)
        out += numeral * count
    return out


def _read_unit(number: Number, text: str, lang: str) -> None:
    after = text[number.mention.end :]
    if _WON_AFTER.match(after):
        number.currency = "KRW"
    elif _DOLLAR_AFTER.match(after) or _DOLLAR_BEFORE.search(text[: number.mention.start]):
        number.currency = "USD"
    metric = _METRIC_UNIT.match(after)
    if metric:
        name = _METRIC_NAMES.get(metric.group(1).rstrip("s"), _METRIC_NAMES.get(metric.group(1)))
        if name:
            unit, factor = _METRIC_TO_IMPERIAL[name]
            number.metric = (unit, number.value * factor)
        return
    imperial = _IMPERIAL_UNIT.match(after) if lang != "ko" else None
    if imperial:
        unit = ("mile", "sqft", "foot", "inch", "pound")[next(i for i, g in enumerate(imperial.groups()) if g)]
        number.imperial = (unit, number.value)


def _soften(
    numbers: list[Number], text: str, lang: str, other: str, all_numbers: list[Number], other_nearby: str = ""
) -> None:
    """Mark the unmatched numbers that are not reported alone (see the module's docstring)."""
    stamps = [m.span() for m in _DATE_STAMP.finditer(text)] if lang == "ko" else []
    matched_values = {v for n in all_numbers if n.matched for v in n.values}
    for number in numbers:
        if number.matched:
            continue
        m = number.mention
        before, after = text[: m.start], text[m.end :]
        if m.spelled or number.ordinal:
            number.soft = True
        elif lang == "ko" and (_KOREAN_ORDINAL_BEFORE.search(before) or _KOREAN_ORDINAL_AFTER.match(after)):
            number.soft = True
        elif _not_a_quantity(number, text, lang):
            number.soft = True
        elif lang == "ko" and _counted_in_words(number, after, other):
            number.soft = True
        elif number.bracketed_after is not None or _converted_in_brackets(number, numbers):
            number.soft = True
        elif any(s <= m.start < e for s, e in stamps):
            number.soft = True
        elif _repeated(number, text, matched_values):
            number.soft = True
        elif _date_said_otherwise(number, text, lang, other, numbers, other_nearby):
            number.soft = True
        elif lang == "ko" and number.value == 10 and after.startswith("대") and _TEENS.search(other):
            number.soft = True
        elif _said_again(number, text, numbers) or lang == "ko" and _KOREAN_DEMONSTRATIVE.search(before):
            number.note = True


def _not_a_quantity(number: Number, text: str, lang: str) -> bool:
    """A figure that counts nothing: a Korean article of a law (헌법 9조, which the number reader
    takes for 9 trillion), a multiplier (2배, 3 times: the other side often gives the figures
    compared instead), an English rank (No. 1) or the idiom 9 to 5."""
    m = number.mention
    before, after = text[: m.start], text[m.end :]
    if any(s.start() <= m.start < s.end() for s in _SET_COUNT.finditer(text)):
        return True  # a score in sets (2-0), its sets' games given after it
    if lang == "ko":
        return bool(_ARTICLE.match(m.text) and (_LAW_BEFORE.search(before) or _CLAUSE_AFTER.match(after))) or bool(
            _KOREAN_TIMES.match(after)
        )
    in_idiom = any(i.start() <= m.start < i.end() for i in _ENGLISH_NINE_TO_FIVE.finditer(text))
    return bool(_ENGLISH_RANK_BEFORE.search(before) or _ENGLISH_TIMES.match(after) or in_idiom)


def _counted_in_words(number: Number, after: str, english: str) -> bool:
    """A Korean 1 or 2 of a counter that the English says with a, an, both, twice."""
    if not _KOREAN_COUNT_AFTER.match(after) and not after.startswith(","):
        return False
    if number.value == 1:
        return bool(_ENGLISH_ONE.search(english))
    if number.value in (2, 3):  # 2명 모두 = both; 2, 3년 전 = a couple of years ago
        return bool(_ENGLISH_TWO.search(english))
    return False


def _said_again(number: Number, text: str, numbers: list[Number]) -> bool:
    """A figure said again with the same unit (15일 ... 15일 동안) after the first was matched: the
    other side may well say it once."""
    unit = text[number.mention.end :].lstrip()[:1]
    return any(
        n.matched and n.values & number.values and text[n.mention.end :].lstrip()[:1] == unit
        for n in numbers
        if n is not number
    )


def _converted_in_brackets(number: Number, numbers: list[Number]) -> bool:
    """A figure whose conversion follows in brackets, and was matched: the other side gave that one."""
    return any(n.bracketed_after is number and n.matched for n in numbers)


def _repeated(number: Number, text: str, matched_values: set[float]) -> bool:
    """A year said twice, or a number repeated in brackets (a name and its gloss), matched once."""
    if not matched_values & number.values:
        return False
    if 1900 <= number.value <= 2100 and number.value == int(number.value):
        return True
    return text.rfind("(", 0, number.mention.start) > text.rfind(")", 0, number.mention.start)


def _date_said_otherwise(
    number: Number, text: str, lang: str, other: str, numbers: list[Number], other_nearby: str = ""
) -> bool:
    """A date that the other side says relatively (Wednesday, last year) or leaves partly implicit;
    a Korean year or month also when a sentence around says it relatively (``other_nearby``)."""
    m = number.mention
    after = text[m.end :]
    value = number.value
    if lang == "ko":
        around = f"{other}\n{other_nearby}"
        if after.startswith("일") or _BARE_DAY.match(after):
            return value <= 31 and bool(_RELATIVE_DAY.search(other))
        if after.startswith("월") and value in _MONTH_NAMES:
            if re.search(rf"\b{_MONTH_NAMES[value]}", other, re.IGNORECASE) or _RELATIVE_MONTH_OR_YEAR.search(around):
                return True
            day = re.match(r"^월\s?(\d{1,2})일", after)
            weekday = _KOREAN_WEEKDAY.search(after[:12])  # 7월 마지막 토요일 = on Saturday
            return bool((day or weekday) and _RELATIVE_DAY.search(other))
        if after.startswith("년") and 1900 <= value <= 2100:
            return bool(_RELATIVE_MONTH_OR_YEAR.search(around))
        return False
    if 1900 <= value <= 2100 and value == int(value):
        return bool(_KOREAN_RELATIVE.search(other))
    if re.match(r"[A-Za-z]", m.text):  # an English month before its day
        day = next((n for n in numbers if n.mention.start > m.end), None)
        return bool(day is not None and day.matched or _KOREAN_RELATIVE.search(other))
    return False


def _finding(
    status: str,
    src: NumberMention | None,
    tgt: NumberMention | None,
    bead: int | None,
    message: str,
    severity: str | None = None,
) -> Finding:
    return Finding(
        status=status,
        bead=bead,
        expected=src.text if src else None,
        found=tgt.text if tgt else None,
        src_span=(src.start, src.end) if src else None,
        tgt_span=(tgt.start, tgt.end) if tgt else None,
        message=message,
        severity=severity,
    )

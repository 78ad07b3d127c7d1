"""Number check of one source/target pair: did a number change in translation?

Numbers are compared by value (:func:`diglot.numbers.extract_numbers`), so Korean units meet
English digits: ``2만여 명`` = ``more than 20,000``, ``1억1천만 달러`` = ``$110 million``,
``10월 5일`` = ``Oct. 5``. What is left unmatched on both sides is reported, with two
exceptions that would otherwise drown an editor in noise:

* numbers written in words (``one``, ``three``, ``두 명``) are matched when they can be, but never
  reported alone: *one* is as often a pronoun as a number;
* a Korean day of the month (``5일``) is not reported when the English names a weekday or a
  relative day instead (``said Wednesday``, the news agencies' style);
* a Korean month (``2월``) is not reported when the English names that month without a day
  (``last February``);
* ``10대`` (in one's teens) is not reported when the English says *teenagers*.
"""

from __future__ import annotations

import math
import re

from diglot.check import statuses
from diglot.doc import Finding
from diglot.i18n import _
from diglot.numbers import NumberMention, extract_numbers

_DAY_WORDS = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow|tonight)\b",
    re.IGNORECASE,
)

_MONTH_NAMES = {
    float(i): name
    for i, name in enumerate(
        ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"), start=1
    )
}
_TEENS = re.compile(r"\bteen", re.IGNORECASE)


def check_numbers(
    source_text: str, target_text: str, src_lang: str, tgt_lang: str, bead: int | None = None
) -> list[Finding]:
    """Findings for the numbers of ``source_text`` and ``target_text`` that do not match by value."""
    src = extract_numbers(source_text, src_lang)
    tgt = extract_numbers(target_text, tgt_lang)
    taken = [False] * len(tgt)
    unmatched_src = []
    for number in src:
        j = next((j for j, t in enumerate(tgt) if not taken[j] and _same(number, t)), None)
        if j is None:
            unmatched_src.append(number)
        else:
            taken[j] = True
    unmatched_tgt = [t for j, t in enumerate(tgt) if not taken[j]]
    english = source_text if src_lang == "en" else target_text if tgt_lang == "en" else ""
    src_left = [n for n in unmatched_src if _reportable(n, source_text, src_lang, english)]
    tgt_left = [n for n in unmatched_tgt if _reportable(n, target_text, tgt_lang, english)]

    findings = []
    for s, t in zip(src_left, tgt_left):
        findings.append(
            _finding(
                statuses.NUMBER_CHANGED,
                s,
                t,
                bead,
                _("{expected} in the source is {found} in the translation").format(expected=s.text, found=t.text),
            )
        )
    for s in src_left[len(tgt_left) :]:
        message = _("{expected} in the source is not in the translation").format(expected=s.text)
        findings.append(_finding(statuses.NUMBER_MISSING, s, None, bead, message))
    for t in tgt_left[len(src_left) :]:
        message = _("{found} in the translation is not in the source").format(found=t.text)
        findings.append(_finding(statuses.NUMBER_ADDED, None, t, bead, message))
    return findings


def _same(a: NumberMention, b: NumberMention) -> bool:
    return math.isclose(a.value, b.value, rel_tol=1e-9)


def _reportable(number: NumberMention, text: str, lang: str, english: str) -> bool:
    if number.spelled:
        return False
    if lang == "ko" and text.startswith("일", number.end) and number.value <= 31 and _DAY_WORDS.search(english):
        return False
    if lang == "ko" and text.startswith("월", number.end) and number.value in _MONTH_NAMES:
        month = _MONTH_NAMES[number.value]
        if re.search(rf"\b{month}", english, re.IGNORECASE):
            return False
    if lang == "ko" and number.value == 10 and text.startswith("대", number.end) and _TEENS.search(english):
        return False
    return True


def _finding(
    status: str, src: NumberMention | None, tgt: NumberMention | None, bead: int | None, message: str
) -> Finding:
    return Finding(
        status=status,
        bead=bead,
        expected=src.text if src else None,
        found=tgt.text if tgt else None,
        src_span=(src.start, src.end) if src else None,
        tgt_span=(tgt.start, tgt.end) if tgt else None,
        message=message,
    )

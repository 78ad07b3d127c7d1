"""Which language a text is in, as LibreTranslate's ``/detect`` reports it.

diglot works in Korean and English and tells them apart by script, as every diglot command
does (:func:`diglot.languages.script_of`). The confidence reported is the share, in percent,
of the text's letters written in the script of the language found.
"""

from __future__ import annotations

import re

from diglot.hangul import LETTER as HANGUL_LETTER
from diglot.languages import other_language, script_of

_LATIN_LETTER = re.compile(r"[A-Za-z]")


def detect(text: str) -> list[dict]:
    """``[{"confidence": …, "language": …}]``, the most likely first.

    Markup is not text: in HTML only the text nodes count (Discourse sends its posts' HTML)."""
    if "<" in text:
        from diglot.server.markup import text_of

        text = text_of(text)
    best = script_of(text)
    letters = {"ko": len(HANGUL_LETTER.findall(text)), "en": len(_LATIN_LETTER.findall(text))}
    total = sum(letters.values())
    if not total:
        return [{"confidence": 0.0, "language": best}]
    other = other_language(best)
    found = [{"confidence": round(100 * letters[best] / total, 1), "language": best}]
    if letters[other]:
        found.append({"confidence": round(100 * letters[other] / total, 1), "language": other})
    return found

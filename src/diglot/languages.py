"""The two languages diglot works in, and telling which of two texts is Korean and which English.

Every command that takes a text and its translation decides which is which here
(:func:`pair_languages`), so all of them accept the same inputs and refuse the same ones
with the same words.

>>> script_of("탈북자 35명이 중국에서 CNKR"), script_of("South Korea is pressuring China (피터빈트)")
('ko', 'en')
>>> pair_languages("The talks ended.", "회담이 끝났다.")
('en', 'ko')
"""

from __future__ import annotations

import re

from diglot.errors import DiglotError, InputError
from diglot.hangul import LETTER as HANGUL_LETTER
from diglot.i18n import _

LANGS = ("ko", "en")
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}  # for headings: each language in its own words

_LATIN_LETTER = re.compile(r"[A-Za-z]")
# A Hangul syllable carries about two to three Latin letters' worth of sound.
_SYLLABLE_WEIGHT = 2.5


def script_of(text: str) -> str:
    """``"ko"`` if Hangul letters outnumber Latin ones (a syllable weighs 2.5 letters), else ``"en"``.

    Text with no letters at all (empty, digits, punctuation) is ``"en"``.
    """
    hangul = len(HANGUL_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    return "ko" if hangul > 0 and hangul * _SYLLABLE_WEIGHT >= latin else "en"


def language_name(code: str) -> str:
    """The language's name in the language of messages: "Korean", "English" (or 한국어, 영어)."""
    return {"ko": _("Korean"), "en": _("English")}.get(code, code)


def check_language(code: str) -> str:
    """``code`` if diglot works in that language, else a :class:`DiglotError` naming the choices."""
    if code not in LANGS:
        raise DiglotError(_("unsupported language {lang}: choose ko or en").format(lang=code))
    return code


def other_language(code: str) -> str:
    """The other of diglot's two languages: ``"en"`` for ``"ko"``, ``"ko"`` for ``"en"``."""
    return "en" if code == "ko" else "ko"


def pair_languages(
    text_a: str, text_b: str, names: tuple[str, str] = ("A", "B"), *, allow_empty: bool = False
) -> tuple[str, str]:
    """The languages of two texts that translate each other: ``("ko", "en")`` or ``("en", "ko")``.

    Each text's language is told by :func:`script_of`, on its own; ``names`` (file names, say)
    are used in messages. Either order is fine.

    * A side with no text (empty or white space) is refused with an :class:`InputError`, unless
      ``allow_empty``: then it takes the language the other side lacks (both empty are refused).
    * Ambiguous input is not guessed at: when both texts come out the same language (two English
      files, or an English text so full of Hangul names that it reads as Korean), a
      :class:`DiglotError` says so and names both files.
    """
    present = [bool(text.strip()) for text in (text_a, text_b)]
    for name, has_text in zip(names, present):
        if not has_text and not allow_empty:
            raise InputError(
                _("{name} is empty: give a text and its translation, one Korean and one English").format(name=name)
            )
    if not any(present):
        raise InputError(_("{a} and {b} are both empty").format(a=names[0], b=names[1]))
    if not all(present):
        known = script_of(text_a if present[0] else text_b)
        other = other_language(known)
        return (known, other) if present[0] else (other, known)
    lang_a, lang_b = script_of(text_a), script_of(text_b)
    if lang_a == lang_b:
        raise DiglotError(
            _("{a} and {b} both look {lang}: give one Korean and one English text").format(
                a=names[0], b=names[1], lang=language_name(lang_a)
            )
        )
    return lang_a, lang_b

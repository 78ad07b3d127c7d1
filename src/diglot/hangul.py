"""Hangul in Unicode: the syllable block and the arithmetic that takes a syllable apart.

A precomposed syllable (가 U+AC00 … 힣 U+D7A3) is ``0xAC00 + (initial * 21 + medial) * 28 + final``:
19 initial consonants, 21 vowels, 28 finals (0 for none). :func:`decompose` and :func:`compose`
are that formula; :data:`SYLLABLE_RUN` and :data:`LETTER` are the patterns the rest of diglot
uses for Korean text.

>>> decompose("한")
(18, 0, 4)
>>> compose(18, 0, 4), final_jamo("한"), final_jamo("가")
('한', 'ㄴ', '')
"""

from __future__ import annotations

import re

FIRST_SYLLABLE, LAST_SYLLABLE = 0xAC00, 0xD7A3
SYLLABLE_COUNT = LAST_SYLLABLE - FIRST_SYLLABLE + 1  # 11,172
MEDIALS, FINALS = 21, 28
# The final consonants in their order in the formula (index 0, no final, is left out).
FINAL_JAMO = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"

SYLLABLES = "\uac00-\ud7a3"  # for a character class: f"[{SYLLABLES}]"
SYLLABLE = re.compile(f"[{SYLLABLES}]")
SYLLABLE_RUN = re.compile(f"[{SYLLABLES}]+")
# Any Hangul letter: syllables, conjoining jamo (U+1100–11FF) and compatibility jamo (ㄱ, ㅏ: U+3130–318F).
LETTER = re.compile(f"[{SYLLABLES}\u1100-\u11ff\u3130-\u318f]")


def is_syllable(ch: str) -> bool:
    """True for one precomposed Hangul syllable (가 … 힣)."""
    return FIRST_SYLLABLE <= ord(ch) <= LAST_SYLLABLE


def decompose(ch: str) -> tuple[int, int, int]:
    """The (initial, medial, final) indices of syllable ``ch``; ``ValueError`` for anything else."""
    code = ord(ch) - FIRST_SYLLABLE
    if not 0 <= code < SYLLABLE_COUNT:
        raise ValueError(f"not a Hangul syllable: {ch!r}")
    return code // (MEDIALS * FINALS), code // FINALS % MEDIALS, code % FINALS


def compose(initial: int, medial: int, final: int = 0) -> str:
    """The syllable of the given indices (the inverse of :func:`decompose`)."""
    return chr(FIRST_SYLLABLE + (initial * MEDIALS + medial) * FINALS + final)


def final_jamo(ch: str) -> str:
    """The final consonant of syllable ``ch`` as a compatibility jamo (ㄴ for 한), ``""`` for none."""
    final = decompose(ch)[2]
    return FINAL_JAMO[final - 1] if final else ""

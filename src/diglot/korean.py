"""Korean particles (josa): which form follows a word.

Korean particles come in pairs chosen by the last sound of the word before them: 은/는,
이/가, 을/를, 과/와, 으로/로 (로 also after ㄹ), 이나/나, 이라고/라고, ... When diglot
replaces a term (``check --fix``, translation repair) the particle after it must follow the
new term: 탈북민을 → 탈북자를.
"""

from __future__ import annotations

from diglot.hangul import final_jamo, is_syllable

# How a digit is read in Sino-Korean, and whether that reading ends in a consonant (and is it ㄹ).
_DIGIT_FINAL = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ", "9": ""}
# How a Latin letter's name is said in Korean (CNKR → ...알): which end in a consonant.
_LETTER_FINAL = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}

# (after a consonant, after a vowel), longest first so 이라고 wins over 이.
_PAIRS = (
    ("이라고", "라고"),
    ("이라는", "라는"),
    ("이라며", "라며"),
    ("이라도", "라도"),
    ("이랑", "랑"),
    ("이나", "나"),
    ("이며", "며"),
    ("이란", "란"),
    ("으로", "로"),
    ("은", "는"),
    ("을", "를"),
    ("과", "와"),
)
# 이/가 are swapped only when the particle stands alone: 이 begins too many other endings.
_SUBJECT = ("이", "가")


def final_consonant(word: str) -> str:
    """The final consonant (batchim) of the last sound of ``word`` as a jamo, or ``""`` after a vowel."""
    for ch in reversed(word.strip()):
        if is_syllable(ch):
            return final_jamo(ch)
        if ch in _DIGIT_FINAL:
            return _DIGIT_FINAL[ch]
        if ch.isascii() and ch.isalpha():
            return _LETTER_FINAL.get(ch.lower(), "") if _is_spelled_out(word) else _word_final(word)
        if ch.isalnum():
            return ""
    return ""


def _is_spelled_out(word: str) -> bool:
    """An acronym (CNKR, UNHCR) is read letter by letter."""
    letters = [c for c in word if c.isascii() and c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _word_final(word: str) -> str:
    """A rough reading of an English word's last sound: consonant endings except silent e/y/w."""
    letters = [c.lower() for c in word if c.isascii() and c.isalpha()]
    last = letters[-1] if letters else ""
    if last in "aeiouywh":
        return ""
    return "ㄹ" if last == "l" else "ㄴ" if last in "nm" else "ㄱ"


def has_final_consonant(word: str) -> bool:
    """True when ``word`` ends in a consonant sound (takes 은, 이, 을, 과, 으로)."""
    return bool(final_consonant(word))


def fix_particle(word: str, particle: str) -> str:
    """``particle`` (the Hangul right after ``word``) in the form that follows ``word``.

    >>> fix_particle("탈북자", "을")
    '를'
    >>> fix_particle("난민", "들은")  # 들 comes first; nothing to change
    '들은'
    """
    final = final_consonant(word)
    if particle in _SUBJECT:
        return _SUBJECT[0] if final else _SUBJECT[1]
    for after_consonant, after_vowel in _PAIRS:
        for current in (after_consonant, after_vowel):
            if particle.startswith(current):
                rest = particle[len(current) :]
                if after_consonant == "으로":
                    right = after_vowel if final in ("", "ㄹ") else after_consonant
                else:
                    right = after_consonant if final else after_vowel
                return right + rest
    return particle

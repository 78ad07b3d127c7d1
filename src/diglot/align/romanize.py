"""Hangul → Latin for names, and a sound skeleton to compare names across the two scripts.

Names survive translation but change script: 김성환 ↔ Kim Sung-hwan, 카스파로프 ↔ Kasparov,
리설주 ↔ Ri Sol Ju. :func:`romanize` gives the Revised Romanization (textbook) form and, for
person names, the press's forms (Kim, Lee, Park, Huh; Sung for 성, Jung for 정). Since no
spelling rule covers every newsroom and every transliterated foreign name, the aligner compares
names by :func:`skeleton`: the sequence of consonant classes (vowels, h, w, y dropped; voiced
and voiceless pairs merged; r = l; doubled classes collapsed). Both scripts reduce to the same
skeleton far more often than their spellings agree: ``gim seong hwan`` and ``Kim Sung-hwan``
are both ``KMSN``; ``kaseuparopeu`` and ``Kasparov`` both ``KSPLP``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diglot.hangul import FIRST_SYLLABLE, SYLLABLE, SYLLABLE_COUNT, SYLLABLES, decompose, is_syllable

_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_MEDIALS = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo",
    "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
]  # fmt: skip
_FINALS = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
    "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
]  # fmt: skip
# Surnames as the press writes them (Yonhap, The Korea Herald); the first form is the usual one.
PRESS_SURNAMES = {
    "김": ("Kim",), "이": ("Lee", "Yi", "Rhee"), "리": ("Ri", "Lee"), "박": ("Park", "Pak"), "최": ("Choi", "Choe"),
    "정": ("Jung", "Chung", "Jeong"), "강": ("Kang",), "조": ("Cho", "Jo"), "윤": ("Yoon", "Yun"), "장": ("Jang", "Chang"),
    "임": ("Lim", "Im"), "림": ("Rim", "Lim"), "한": ("Han",), "오": ("Oh",), "서": ("Seo", "Suh"), "신": ("Shin",),
    "권": ("Kwon",), "황": ("Hwang",), "안": ("Ahn",), "송": ("Song",), "류": ("Ryu", "Yoo"), "유": ("Yoo", "Yu"),
    "홍": ("Hong",), "전": ("Jeon", "Chun"), "고": ("Ko",), "문": ("Moon",), "양": ("Yang",), "손": ("Son", "Sohn"),
    "배": ("Bae",), "백": ("Baek", "Paik"), "허": ("Huh", "Heo"), "노": ("Roh", "Noh"), "로": ("Ro",), "남": ("Nam",),
    "심": ("Shim",), "하": ("Ha",), "곽": ("Kwak",), "성": ("Sung",), "차": ("Cha",), "주": ("Joo", "Ju"), "우": ("Woo",),
    "구": ("Koo", "Ku"), "민": ("Min",), "진": ("Jin",), "나": ("Na",), "라": ("Ra",), "지": ("Ji",), "엄": ("Uhm",),
    "채": ("Chae",), "원": ("Won",), "천": ("Chun",), "방": ("Bang",), "공": ("Kong",), "현": ("Hyun",), "함": ("Ham",),
    "변": ("Byun",), "염": ("Yeom",), "여": ("Yeo",), "추": ("Choo",), "도": ("Do",), "석": ("Seok", "Suk"),
    "선": ("Sun",), "설": ("Sul",), "마": ("Ma",), "길": ("Gil",), "연": ("Yeon",), "표": ("Pyo",), "명": ("Myung",),
    "기": ("Ki",), "반": ("Ban",), "왕": ("Wang",), "금": ("Keum",), "옥": ("Ok",), "육": ("Yook",), "인": ("In",),
    "맹": ("Maeng",), "탁": ("Tak",), "국": ("Kook",), "은": ("Eun",), "편": ("Pyun",), "용": ("Yong",), "태": ("Tae",),
}  # fmt: skip
# The North keeps the initial r and n that the South drops (리설주 Ri Sol Ju, 로동 Rodong).
_NORTH_SURNAMES = {"이": "Ri", "리": "Ri", "임": "Rim", "림": "Rim", "노": "Ro", "로": "Ro", "류": "Ryu", "유": "Ryu"}
# Syllables of given names the press spells its own way (Sung-hwan, Jong-il, Myung-bak).
_PRESS_VOWELS = {"eo": "u"}  # 성 Sung, 정 Jung: the press writes eo as u
_PRESS_SYLLABLES = {"성": "sung", "정": "jong", "명": "myung", "영": "young", "형": "hyung", "경": "kyung", "현": "hyun"}


def _syllables(text: str):
    for ch in text:
        yield decompose(ch) if is_syllable(ch) else ch


def romanize(text: str) -> str:
    """Revised Romanization of Hangul, syllable by syllable, other characters kept.

    >>> romanize("김성환"), romanize("카스파로프")
    ('gimseonghwan', 'kaseuparopeu')
    """
    out = []
    for syl in _syllables(text):
        if isinstance(syl, str):
            out.append(syl)
            continue
        initial, medial, final = syl
        out.append(_INITIALS[initial] + _MEDIALS[medial] + _FINALS[final])
    return "".join(out)


def romanize_name(name: str) -> list[str]:
    """Ways the press may write a Korean person's name, most usual first.

    South Korean press forms first (Kim Sung-hwan), then Revised Romanization (Kim Seong-hwan),
    then the North's own style, syllables apart (Kim Jong Un, Ri Sol Ju).

    >>> romanize_name("김성환")[:2]
    ['Kim Sung-hwan', 'Kim Seong-hwan']
    >>> romanize_name("허승재")[0]
    'Huh Seung-jae'
    >>> romanize_name("리설주")[-1]
    'Ri Sol Ju'
    """
    name = name.strip()
    if len(name) < 2 or not all(map(is_syllable, name)):
        return [romanize(name).capitalize()] if name else []
    surnames = PRESS_SURNAMES.get(name[0], (romanize(name[0]).capitalize(),))
    given = name[1:]
    press = "-".join(_PRESS_SYLLABLES.get(ch) or _press_syllable(ch) for ch in given)
    textbook = "-".join(romanize(ch) for ch in given)
    forms = []
    for surname in surnames:
        for style in (press, textbook):
            form = f"{surname} {style.capitalize()}"
            if form not in forms:
                forms.append(form)
    north = " ".join(_north_syllable(ch).capitalize() for ch in given)
    forms.append(f"{_NORTH_SURNAMES.get(name[0], surnames[0])} {north}")
    return forms


def _north_syllable(ch: str) -> str:
    """A syllable as the North writes names (McCune–Reischauer without its breves): 설 Sol, 은 Un."""
    text = romanize(ch)
    for textbook, north in (("eo", "o"), ("eu", "u")):
        text = text.replace(textbook, north)
    return text


def _press_syllable(ch: str) -> str:
    text = romanize(ch)
    for textbook, press in _PRESS_VOWELS.items():
        text = text.replace(textbook, press)
    return text


# Latin spelling → consonant class: digraphs first; "c" before e, i, y is S; r before a
# consonant or at the end is silent in the reading Korean loanwords follow.
_DIGRAPHS = {"sch": "S", "tch": "S", "ch": "S", "sh": "S", "ph": "P", "th": "T", "ck": "K", "gh": "",
             "qu": "K", "ng": "N", "dg": "S", "ts": "S", "tz": "S", "ce": "S", "ci": "S", "cy": "S"}  # fmt: skip
_LATIN_CLASSES = str.maketrans({
    "b": "P", "p": "P", "f": "P", "v": "P", "g": "K", "k": "K", "q": "K", "c": "K", "d": "T", "t": "T",
    "j": "S", "s": "S", "z": "S", "x": "KS", "l": "L", "r": "L", "m": "M", "n": "N",
    "a": None, "e": None, "i": None, "o": None, "u": None, "y": None, "w": None, "h": None,
})  # fmt: skip
_DIGRAPH = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
_SILENT_R = re.compile(r"r(?![aeiouyw])")
_NON_LATIN = re.compile(r"[^a-z]+")
_REPEATS = re.compile(r"(.)\1+")
# Each Hangul syllable's classes, straight from its letters (initial ㅇ and ㅎ are silent).
_INITIAL_CLASSES = ["K", "K", "N", "T", "T", "L", "M", "P", "P", "S", "S", "", "S", "S", "S", "K", "T", "P", ""]
_FINAL_CLASSES = {"": "", "k": "K", "n": "N", "t": "T", "l": "L", "m": "M", "p": "P", "ng": "N"}
_SYLLABLE_CLASSES = [
    _INITIAL_CLASSES[initial] + _FINAL_CLASSES[_FINALS[final]]
    for initial, _, final in (decompose(chr(FIRST_SYLLABLE + code)) for code in range(SYLLABLE_COUNT))
]


def _collapse(classes: str) -> str:
    return _REPEATS.sub(r"\1", classes)


def hangul_prefix_skeletons(run: str, shortest: int) -> list[str]:
    """Skeletons of the prefixes of a Hangul word, from ``shortest`` syllables to the whole word.

    >>> hangul_prefix_skeletons("김정일은", 3)
    ['KMSNL', 'KMSNLN']
    """
    out, collapsed, last = [], [], ""
    for count, ch in enumerate(run, 1):
        for cls in _SYLLABLE_CLASSES[ord(ch) - FIRST_SYLLABLE]:
            if cls != last:
                collapsed.append(cls)
                last = cls
        if count >= shortest:
            out.append("".join(collapsed))
    return out


_NON_HANGUL = re.compile(f"[^{SYLLABLES}]+")
_HANGUL_CLASSES = {FIRST_SYLLABLE + code: classes for code, classes in enumerate(_SYLLABLE_CLASSES)}  # for str.translate


@lru_cache(maxsize=65536)
def skeleton(word: str, *, silent_r: bool = True) -> str:
    """The consonant skeleton of a Latin-script word or of Hangul.

    The classes: K (g k q c), T (d t th), P (b p f v ph), S (s sh j ch z ts), L (l r), M, N (n ng).
    ``r`` not followed by a vowel is silent (``silent_r``), as in the British English that most
    Korean loanwords follow (Gordon = 고든); some keep it (Kirkuk = 키르쿠크), so English words
    are compared in both readings (:func:`skeletons`). Korean names and loanwords reduce to the
    same skeleton as their English spellings in most cases.

    >>> skeleton("김정일"), skeleton("Kim Jong-il"), skeleton("카스파로프"), skeleton("Kasparov")
    ('KMSNL', 'KMSNL', 'KSPLP', 'KSPLP')
    >>> skeleton("고든"), skeleton("Gordon")
    ('KTN', 'KTN')
    """
    if SYLLABLE.search(word):
        return _collapse(_NON_HANGUL.sub("", word).translate(_HANGUL_CLASSES))
    return _latin_skeleton(_latin_letters(word), silent_r)


def _latin_letters(word: str) -> str:
    text = _NON_LATIN.sub("", word.lower())
    return "s" + text[1:] if text.startswith("x") else text  # Xi, Xinhua: pinyin x is an s


def _latin_skeleton(text: str, silent_r: bool) -> str:
    if silent_r:
        text = _SILENT_R.sub("", text)
    text = _DIGRAPH.sub(lambda m: _DIGRAPHS[m.group()], text)
    return _collapse(text.translate(_LATIN_CLASSES))


@lru_cache(maxsize=65536)
def skeletons(word: str) -> frozenset[str]:
    """The skeletons a word may have: one for Hangul, both readings of ``r`` for Latin script.

    >>> sorted(skeletons("Kirkuk")), sorted(skeletons("키르쿠크"))
    (['K', 'KLK'], ['KLK'])
    """
    if SYLLABLE.search(word):
        return frozenset({skeleton(word)})
    text = _latin_letters(word)
    if "r" not in text:  # both readings agree
        return frozenset({_latin_skeleton(text, False)})
    return frozenset({_latin_skeleton(text, True), _latin_skeleton(text, False)})

"""English sentence splitting with pysbd, which knows news abbreviations and quotations.

pysbd (Golden Rules, 48 English edge cases) keeps ``U.S.``, ``N.K.``, ``Oct. 5``, ``Mr. Kim``,
``Gen. Lee`` and ``"No. It is not," he said`` together. It is kept in one cached segmenter;
``clean=False`` so the pieces are exact substrings of the input (checked: if pysbd ever returns
text that is not there, the paragraph falls back to a plain punctuation rule rather than lose
or invent characters).
"""

from __future__ import annotations

import re
from functools import lru_cache

# A sentence end: . ! ? (optionally closed by a quote or bracket), then space and an opening
# capital, digit or quote. Used only as a fallback.
_FALLBACK_BREAK = re.compile(r"(?<=[.!?])([\"'”’)\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9])")
# "... talks with the U.S. He said ...": a dotted acronym that ends a sentence, before a word that
# only opens one (pysbd keeps the two together unless the next word is "The").
_ACRONYM_THEN_OPENER = re.compile(
    r"(?<=\b[A-Z]\.[A-Z]\.)\s+(?=(?:He|She|It|They|We|Then|But|However|Meanwhile|This|These|Those|There|"
    r"Its|His|Her|Their)\b)"
)
# "at 3 p.m. Monday", "10 a.m. Oct. 5 (KST)": a clock time goes on with its day, date or zone,
# which pysbd takes for a new sentence.
_CLOCK_TIME_END = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_DAY_DATE_OR_ZONE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)\b"
    r"|today|tomorrow|yesterday|local time|\((?:KST|GMT|UTC|EST|EDT|local time)\)|(?:KST|GMT|UTC|EST|EDT)\b)"
)


# pysbd applies some 600 regular expressions as pattern strings, more than the 512 that Python's
# re module keeps compiled, so each of them was compiled again for every paragraph (two fifths of
# pysbd's time). Its fixed set fits a larger cache: English splits 1.8 times faster.
RE_CACHE_SIZE = 4096


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    if getattr(re, "_MAXCACHE", RE_CACHE_SIZE) < RE_CACHE_SIZE:
        re._MAXCACHE = RE_CACHE_SIZE  # type: ignore[attr-defined]  # enlarged, never shrunk
    return pysbd.Segmenter(language="en", clean=False)


# pysbd's time grows much faster than the length of what it is given (100 KB in one paragraph
# took 3.5 s, 200 KB 11 s), so a long paragraph is given to it in windows of about this many
# characters, cut where a sentence likely ends: splitting stays linear in the input's length.
PYSBD_WINDOW = 4000


def split_english(paragraph: str) -> list[str]:
    """The sentences of one English paragraph, stripped, in order.

    A paragraph longer than :data:`PYSBD_WINDOW` characters is split window by window; a
    sentence longer than half a window with no sentence end in it is cut at a space.
    """
    return [sentence for window in _windows(paragraph.strip()) for sentence in _split_window(window)]


def _windows(text: str) -> list[str]:
    """``text`` cut into pieces of at most :data:`PYSBD_WINDOW` characters: after the last likely
    sentence end in the second half of each window, else at its last space, else at its end."""
    pieces, start = [], 0
    while len(text) - start > PYSBD_WINDOW:
        end = start + PYSBD_WINDOW
        cut = 0
        for found in _FALLBACK_BREAK.finditer(text, start + PYSBD_WINDOW // 2, end):
            cut = found.end()
        cut = cut or text.rfind(" ", start + 1, end) + 1 or end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _split_window(paragraph: str) -> list[str]:
    text = paragraph.strip()
    if not text:
        return []
    try:
        pieces = [p.strip() for p in _segmenter().segment(text)]
    except Exception:  # pysbd has failed on odd input before; never lose the paragraph for it
        pieces = []
    pieces = [p for p in pieces if p]
    if not pieces or not _covers(text, pieces):
        pieces = [p.strip() for p in _fallback(text) if p.strip()]
    pieces = [part for piece in pieces for part in _ACRONYM_THEN_OPENER.split(piece)]
    return _join_clock_times(text, pieces)


def _join_clock_times(text: str, pieces: list[str]) -> list[str]:
    """Pieces split after a clock time (3 p.m.) that goes on with its day, joined back as they stand in ``text``."""
    spans, position = [], 0
    for piece in pieces:
        start = text.find(piece, position)
        if start < 0:  # not an exact substring (cannot happen with clean=False): leave the pieces be
            return pieces
        position = start + len(piece)
        if spans and _CLOCK_TIME_END.search(text, spans[-1][0], spans[-1][1]) and _DAY_DATE_OR_ZONE.match(piece):
            spans[-1] = (spans[-1][0], position)
        else:
            spans.append((start, position))
    return [text[start:end] for start, end in spans]


def _covers(text: str, pieces: list[str]) -> bool:
    """True if ``pieces`` are the text's non-space characters in order, none lost or added."""
    return re.sub(r"\s+", "", text) == re.sub(r"\s+", "", "".join(pieces))


def _fallback(text: str) -> list[str]:
    out, start = [], 0
    for m in _FALLBACK_BREAK.finditer(text):
        out.append(text[start : m.start(1) + len(m.group(1))])
        start = m.end()
    out.append(text[start:])
    return out

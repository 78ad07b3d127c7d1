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


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_english(paragraph: str) -> list[str]:
    """The sentences of one English paragraph, stripped, in order."""
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
    return pieces


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

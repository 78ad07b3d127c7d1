"""The segmenter on generated text: segments cover the text in order, each one the
characters it points at (line breaks inside a paragraph read as spaces), none lost, added or moved; long paragraphs included."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from diglot.segment import segment
from diglot.textio import normalize

from .strategies import english_text, korean_text

_SPACE = re.compile(r"\s+")


def _covers_in_order(text: str, lang: str) -> None:
    segments = segment(text, lang)
    position = 0
    for s in segments:
        assert s.start is not None and s.end is not None
        assert position <= s.start <= s.end <= len(text), "segments out of order or outside the text"
        # A sentence that runs over a line break inside a paragraph is joined with one space.
        assert _SPACE.sub(" ", text[s.start : s.end]) == _SPACE.sub(" ", s.text)
        position = s.end
    assert _SPACE.sub("", "".join(s.text for s in segments)) == _SPACE.sub("", text), "characters lost or added"


@given(text=english_text)
def test_english_segments_cover_the_text(text):
    _covers_in_order(normalize(text), "en")


@given(text=korean_text)
def test_korean_segments_cover_the_text(text):
    _covers_in_order(normalize(text), "ko")


@given(text=english_text.filter(lambda t: t.strip()), copies=st.integers(min_value=50, max_value=400))
def test_a_long_english_paragraph_is_covered(text, copies):
    """Past the window pysbd is given at a time (diglot.segment.english.PYSBD_WINDOW)."""
    _covers_in_order(normalize(text).replace("\n", " ") * copies, "en")

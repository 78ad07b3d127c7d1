"""The aligner on generated documents: its beads cover every sentence of both sides exactly
once, in order, whatever the sentences (empty sides, page noise, unrelated text)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diglot.align import align
from diglot.doc import Segment

from .strategies import ENGLISH_WORDS, KOREAN_WORDS


def _segments(words):
    sentence = st.lists(st.sampled_from(words), min_size=1, max_size=8).map(" ".join)
    line = st.one_of(sentence, sentence, st.sampled_from(["(Yonhap)", "By Kim Yoo-chul", "", "2011.10.05"]))
    return st.lists(line, max_size=12).map(lambda lines: [Segment(text=text) for text in lines])


@given(ko=_segments(KOREAN_WORDS), en=_segments(ENGLISH_WORDS))
def test_beads_cover_every_line_once_in_order(ko, en):
    beads = align(ko, en, "ko", "en")
    for side, segments in (("src", ko), ("tgt", en)):
        covered = [i for bead in beads for i in getattr(bead, side)]
        assert covered == list(range(len(segments))), f"{side}: {covered}"

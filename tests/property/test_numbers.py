"""The number reader on generated text: every number lies where it says, in order, with a finite
value, and figures written in any of the ways the news writes them read back as themselves."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from diglot.numbers import extract_numbers, values

from .strategies import english_text, korean_text


@given(text=st.one_of(st.tuples(korean_text, st.just("ko")), st.tuples(english_text, st.just("en"))))
def test_numbers_lie_in_the_text_in_order(text):
    text, lang = text
    found = extract_numbers(text, lang)
    for number in found:
        assert 0 <= number.start < number.end <= len(text)
        assert text[number.start : number.end] == number.text
        assert math.isfinite(number.value)
    assert [(n.start, n.end) for n in found] == sorted((n.start, n.end) for n in found)


@given(n=st.integers(min_value=0, max_value=10**12))
def test_english_figures_read_back(n):
    assert values(f"They counted {n:,} people.", "en") == [n]


@given(n=st.integers(min_value=1, max_value=9999), unit=st.sampled_from([("만", 10**4), ("억", 10**8)]))
def test_korean_units_read_back(n, unit):
    word, size = unit
    assert values(f"모두 {n}{word} 명이 왔다.", "ko") == [n * size]


@given(
    digits=st.integers(min_value=300, max_value=5000),
    lang=st.sampled_from(["ko", "en"]),
    unit=st.sampled_from(["", "명", "만 명", "억", " million", " billion", "e308", "%"]),
)
def test_a_figure_past_what_a_float_holds_is_left_out(digits, lang, unit):
    # 10**309 reads as inf: left out, so that nothing downstream rounds or compares infinity.
    for number in extract_numbers(f"모두 {'9' * digits}{unit} 왔다. 2 people.", lang):
        assert math.isfinite(number.value)

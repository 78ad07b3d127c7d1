"""The glossary matcher on generated text: every mention lies inside the text, on word
boundaries, and a text reads the same whatever its Unicode normal form on disk."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given

from diglot.glossary import Matcher, load_glossary
from diglot.glossary.match import is_hangul, is_latin_word_char
from diglot.textio import normalize

from .strategies import mixed_text

MINI = Path(__file__).resolve().parents[1] / "glossary" / "data" / "mini.yaml"


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_glossary([MINI]))


@given(text=mixed_text)
def test_mentions_lie_inside_the_text_on_word_boundaries(matcher, text):
    text = normalize(text)  # the form every reader hands the matcher
    previous_end = 0
    for mention in matcher.find(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.start >= previous_end, "mentions overlap or are out of order"
        previous_end = mention.end
        assert text[mention.start : mention.end] == mention.text
        first, before = text[mention.start], text[mention.start - 1] if mention.start else ""
        if is_hangul(first):
            assert not (before and is_hangul(before)), f"{mention.text!r} starts inside a Korean word"
        if is_latin_word_char(first):
            assert not (before and is_latin_word_char(before)), f"{mention.text!r} starts inside a word"
        last = text[mention.end - 1]
        after = text[mention.end : mention.end + 1]
        if is_latin_word_char(last) and not mention.suffix:
            assert not (after and is_latin_word_char(after)), f"{mention.text!r} ends inside a word"


@given(text=mixed_text)
def test_nfc_and_nfd_files_give_the_same_mentions(matcher, text):
    nfc = normalize(unicodedata.normalize("NFC", text))
    nfd = normalize(unicodedata.normalize("NFD", text))
    assert matcher.find(nfd) == matcher.find(nfc)

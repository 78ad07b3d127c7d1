"""Properties of the matcher on generated text (hypothesis): spans inside the text, NFC and NFD
alike, and never a match that glues words together."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from diglot.glossary import Entry, Glossary, Matcher, Terms
from diglot.glossary.match import form_breaks, search_key

GLOSSARY = Glossary(
    [
        Entry("south-korea", "place", {"ko": Terms("한국"), "en": Terms("South Korea", adjective=["Korean"])}),
        Entry("forced-repatriation", "term", {"ko": Terms("강제북송"), "en": Terms("forced repatriation")}),
        Entry("ona", "place", {"ko": Terms("오나"), "en": Terms("Ona")}),
        Entry("kim-jong-il", "person", {"ko": Terms("김정일"), "en": Terms("Kim Jong-il")}),
        Entry("six-party-talks", "event", {"ko": Terms("6자회담"), "en": Terms("six-party talks")}),
    ]
)
MATCHER = Matcher(GLOSSARY)
# Pieces the forms are made of, neighbours that could glue onto them, and separators.
PIECES = ["한", "국", "한국", "가", "강제", "북송", "6", "자", "회담", "김", "정일", "on", "a", "Ona", "South", "Korea",
          "Korean", "forced", "repatriation", "Kim", "Jong", "il", "six", "party", "talks", "s", "은", "을"]
SEPARATORS = ["", " ", "  ", "-", "\n", ", "]
TEXT = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=12).map(
    lambda parts: "".join(piece + sep for piece, sep in parts)
)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_spans_lie_in_the_text_and_nfd_gives_the_same_mentions(text):
    mentions = MATCHER.find(text)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
    assert MATCHER.find(unicodedata.normalize("NFD", text)) == mentions


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_a_space_inside_a_mention_is_one_its_form_allows(text):
    for m in MATCHER.find(text):
        may, must = form_breaks(m.form)
        key_position, gaps = 0, set()
        for i, ch in enumerate(m.text):
            if ch.isspace() or ch == "-":
                if i and not (m.text[i - 1].isspace() or m.text[i - 1] == "-"):
                    gaps.add(key_position)
            else:
                key_position += 1
        assert key_position == len(search_key(m.form))
        assert must <= gaps <= may, (text, m)


def _readings(text):
    lowered = text.lower()
    return {tuple(lowered.replace("-", " ").split()), tuple(lowered.replace("-", "").split())}


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_an_english_mention_has_its_forms_words(text):
    for m in MATCHER.find(text, "en"):
        assert _readings(m.text) & _readings(m.form), (text, m)

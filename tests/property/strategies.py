"""Text that looks like the news diglot reads: glossary forms, particles, numbers, spacing and
punctuation mixed at random, so that generated examples reach the code's edge cases."""

from __future__ import annotations

from hypothesis import strategies as st

KOREAN_WORDS = ["탈북자", "탈북민", "북한", "난민", "피난민", "강제북송", "강제 북송", "북한난민구호위원회", "한국", "정부",
                "2만여 명", "3천", "약 100", "들은", "이", "가", "을", "는", "의", "오늘", "대통령"]
ENGLISH_WORDS = ["North Korean defector", "defectors", "North Korean escapee", "North Korea", "refugee", "refugees",
                 "forced repatriation", "Commission to Help North Korean Refugees", "CNKR", "the", "a", "an",
                 "said", "Mr.", "U.S.", "Kim Jong-il", "20,000", "more than 3,000", "about 100", "Tuesday", "3 p.m."]
GLUE = [" ", " ", " ", "", "-", ". ", ", ", "\n", "\n\n", "? ", "! ", '"', "(", ")", "\u00a0"]

glue = st.sampled_from(GLUE)
odd_characters = st.characters(blacklist_categories=("Cs", "Cc"))


def _text(words: list[str]):
    piece = st.one_of(st.sampled_from(words), st.sampled_from(words), glue, st.text(odd_characters, max_size=3))
    return st.lists(piece, max_size=40).map("".join)


korean_text = _text(KOREAN_WORDS)
english_text = _text(ENGLISH_WORDS)
mixed_text = _text(KOREAN_WORDS + ENGLISH_WORDS)

import unicodedata

import pytest

from diglot.glossary import Glossary, Matcher, load_glossary
from diglot.glossary.model import Entry, Terms


def found(matcher, text, lang=None):
    return [(m.entry, m.kind, m.text, m.suffix) for m in matcher.find(text, lang)]


def test_korean_particles_and_suffixes_still_match(matcher):
    assert found(matcher, "탈북자들은 탈북자를 강제북송을") == [
        ("north-korean-defector", "preferred", "탈북자", "들은"),
        ("north-korean-defector", "preferred", "탈북자", "를"),
        ("forced-repatriation", "preferred", "강제북송", "을"),
    ]


def test_korean_spacing_variants_match_both_ways(matcher):
    assert found(matcher, "강제 북송을 반대") == [("forced-repatriation", "preferred", "강제 북송", "을")]
    glossary = Glossary([Entry("x", "term", {"ko": Terms("강제 송환"), "en": Terms("deportation")})])
    assert [m.text for m in Matcher(glossary).find("강제송환과 강제 송환")] == ["강제송환", "강제 송환"]


def test_nfd_input_matches_and_spans_refer_to_nfc_text(matcher):
    nfd = unicodedata.normalize("NFD", "그 탈북민은")
    (mention,) = matcher.find(nfd)
    assert (mention.entry, mention.kind) == ("north-korean-defector", "variant")
    assert unicodedata.normalize("NFC", nfd)[mention.start : mention.end] == "탈북민"


def test_longest_match_wins(matcher):
    assert found(matcher, "북한난민구호위원회는") == [("cnkr", "preferred", "북한난민구호위원회", "는")]
    assert found(matcher, "North Korean defectors") == [("north-korean-defector", "preferred", "North Korean defector", "s")]


def test_no_match_inside_a_longer_hangul_word_to_the_left(matcher):
    assert found(matcher, "피난민이 늘었다") == []
    assert found(matcher, "난민이 늘었다") == [("refugee", "preferred", "난민", "이")]


def test_english_word_boundaries_plural_and_possessive(matcher):
    assert found(matcher, "a defector's family, defectors' rights") == [
        ("north-korean-defector", "variant", "defector", "'s"),
        ("north-korean-defector", "variant", "defector", "s'"),
    ]
    assert found(matcher, "refugeeship predefector") == []


def test_hyphen_and_space_variants_in_english(matcher):
    assert [m.text for m in matcher.find("Kim Jong-il, Kim Jong il, Kim Jong‑il")] == ["Kim Jong-il", "Kim Jong il", "Kim Jong‑il"]


def test_case_policy_acronyms_and_explicit_sensitive_forms(matcher):
    assert found(matcher, "CNKR said; cnkr is not it") == [("cnkr", "preferred", "CNKR", "")]
    assert [m.short for m in matcher.find("CNKR")] == [True]
    assert found(matcher, "a blue house") == []
    assert found(matcher, "the Blue House") == [("blue-house", "preferred", "Blue House", "")]
    # Common nouns are case-insensitive, so a capital at sentence start still matches.
    assert found(matcher, "Forced repatriation is unacceptable")[0][:2] == ("forced-repatriation", "preferred")


def test_forbidden_and_variant_kinds(matcher):
    kinds = {m.text: m.kind for m in matcher.find("Gim Jeong-il met a North Korean escapee")}
    assert kinds == {"Gim Jeong-il": "forbidden", "North Korean escapee": "forbidden"}


def test_language_filter(matcher):
    text = "CNKR 북한난민구호위원회"
    assert [m.lang for m in matcher.find(text)] == ["en", "ko"]
    assert [m.lang for m in matcher.find(text, "ko")] == ["ko"]


def test_latin_acronym_followed_by_korean_particle(matcher):
    assert found(matcher, "CNKR은 밝혔다", "en") == [("cnkr", "preferred", "CNKR", "")]


def test_the_curated_glossary_covers_the_seed_article():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    matcher = Matcher(load_glossary())
    en = {m.entry for m in matcher.find((root / "seeds/000_4cf5f6c82bb4f27d.txt").read_text(), "en")}
    ko = {m.entry for m in matcher.find((root / "seeds/000_4cf5f6c82bb4f27d.ko.txt").read_text(), "ko")}
    for entry in ("cnkr", "huh-seung-jae", "foreign-minister-kim-sung-hwan", "yanji", "korean-war",
                  "forced-repatriation", "north-korean-defector", "refugee", "parliamentary-audit"):
        assert entry in en, entry
        assert entry in ko, entry


@pytest.mark.parametrize("text", ["", " ", "\n\n", "-", "---"])
def test_empty_and_separator_only_text(matcher, text):
    assert matcher.find(text) == []

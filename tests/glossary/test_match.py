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


# --- spacing only inside a term, never across words (real sentences from data/) -----------------


def _glossary(*entries):
    return Glossary([Entry(entry_id, "term", langs) for entry_id, langs in entries])


def test_a_solid_korean_form_is_not_glued_from_neighbouring_words():
    # jhe-koen-dev.ko: "…테러 음모를 계획한 국제테러단체를 적발했다": 한 국 is two words, not 한국.
    matcher = Matcher(_glossary(("south-korea", {"ko": Terms("한국"), "en": Terms("South Korea")})))
    assert matcher.find("올림픽 경기장에 대한 테러 음모를 계획한 국제테러단체를 적발했다") == []
    assert matcher.find("한 국가, 한 국방부 관계자") == []
    assert [m.text for m in matcher.find("한국의 국영 국민연금")] == ["한국"]


def test_a_solid_korean_compound_may_be_split_into_parts_of_two_syllables(matcher):
    assert found(matcher, "강제 북송을 반대") == [("forced-repatriation", "preferred", "강제 북송", "을")]
    # ko-en-news.dev.jsonl: "…6자 회담은 9월 19일 베이징에서": a digit counts as a syllable.
    six = Matcher(_glossary(("six-party-talks", {"ko": Terms("6자회담"), "en": Terms("six-party talks")})))
    assert [m.text for m in six.find("미국 및 러시아 등이 참가하는 6자 회담은 9월 19일 베이징에서")] == ["6자 회담"]
    # Parts of one syllable are not split: 통일 부 is not 통일부.
    ministry = Matcher(_glossary(("mou", {"ko": Terms("통일부"), "en": Terms("Ministry of Unification")})))
    assert ministry.find("통일 부서") == []


def test_english_forms_keep_their_words():
    # korean-english-park.dev.en: "…When I was brought…", "…on a rainy day…"
    matcher = Matcher(_glossary(("iwa", {"ko": Terms("이와"), "en": Terms("Iwa")}), ("ona", {"ko": Terms("오나"), "en": Terms("Ona")})))
    assert matcher.find("Giles' father: When I was brought to the hospital", "en") == []
    assert matcher.find("The sky is very blue, and on a rainy day it is grey", "en") == []
    assert [m.text for m in matcher.find("Iwa and Ona", "en")] == ["Iwa", "Ona"]
    spaced = Matcher(_glossary(("on-a", {"ko": Terms("온어"), "en": Terms("Forced repatriation")})))
    assert spaced.find("forcedrepatriation", "en") == []  # a space between two words must be there


def test_form_breaks():
    from diglot.glossary.match import form_breaks

    assert form_breaks("북한난민구호위원회") == (frozenset(range(2, 8)), frozenset())
    assert form_breaks("국방부") == (frozenset(), frozenset())
    assert form_breaks("on a") == (frozenset({2}), frozenset({2}))


# --- the wrong entity: qualifiers and continuations ---------------------------------------------


@pytest.fixture(scope="module")
def curated():
    return Matcher(load_glossary())


def test_another_countrys_ministry_is_not_the_korean_one(curated):
    # ko-en-news.dev.jsonl: "중국 외교부 장위 대변인은 이 무기들이…"
    assert "ministry-of-foreign-affairs" not in {m.entry for m in curated.find("중국 외교부 장위 대변인은 이 무기들이 지난해 주문된 것으로")}
    for text in ("미 국방부는 밝혔다", "영국 외교부는", "러시아 외교부 대변인"):
        assert {m.entry for m in curated.find(text)} & {"ministry-of-national-defense", "ministry-of-foreign-affairs"} == set(), text
    assert [m.entry for m in curated.find("국방부는 밝혔다")] == ["ministry-of-national-defense"]


def test_a_minister_is_a_title_not_the_ministry(curated):
    # ko-en-news.dev.jsonl: "반기문 전 외교부 장관이 유엔 총장으로 선출될 때에…"
    entries = [m.entry for m in curated.find("반기문 전 외교부 장관이 유엔 총장으로 선출될 때에")]
    assert "ministry-of-foreign-affairs" not in entries and "foreign-minister" in entries


def test_a_longer_name_is_another_entity(curated):
    assert "seoul" not in {m.entry for m in curated.find("서울대 교수들은")}
    assert "seoul" in {m.entry for m in curated.find("서울 대학생들은")}  # 대 begins another word here
    entries = {m.entry for m in curated.find("이명박 대통령 후보는 밝혔다")}
    assert "president-lee-myung-bak" not in entries and "lee-myung-bak" in entries


def test_not_after_and_not_before_fields():
    terms = Terms("국방부", not_after=["미", "영국"], not_before=["장관"])
    matcher = Matcher(_glossary(("mnd", {"ko": terms, "en": Terms("Ministry of National Defense")})))
    assert [m.text for m in matcher.find("미 국방부, 영국국방부, 국방부 장관, 국방부장관, 국방부는")] == ["국방부"]
    assert len(matcher.find("미국방부")) == 0  # glued: 국방부 follows a Hangul letter anyway
    assert len(matcher.find("한미 국방부")) == 1  # 미 must be a word of its own


# --- the acceptable renderings: adjective, accepted, reference ----------------------------------


def test_new_kinds_are_found_with_their_kind():
    from diglot.glossary import ACCEPTED, ADJECTIVE, REFERENCE

    terms = Terms("North Korea", adjective=["North Korean"], accepted=["Pyongyang"], references=["the North"])
    matcher = Matcher(_glossary(("north-korea", {"ko": Terms("북한"), "en": terms})))
    text = "North Korea said North Korean troops moved; Pyongyang denied it. The North said"
    assert [(m.text, m.kind) for m in matcher.find(text)] == [
        ("North Korea", "preferred"),
        ("North Korean", ADJECTIVE),
        ("Pyongyang", ACCEPTED),
        ("The North", REFERENCE),
    ]
    # A reference with a capital inside is case-sensitive: the north of a province is not North Korea.
    assert matcher.find("in the north of the province") == []


def test_an_accepted_metonym_may_be_another_entrys_form_and_prefer_chooses(curated):
    # korean-english-park.dev.en uses Seoul, Beijing and Washington for governments.
    text = "Seoul urged Beijing to act"
    assert [(m.entry, m.kind) for m in curated.find(text, "en")] == [("seoul", "preferred"), ("beijing", "preferred")]
    assert [(m.entry, m.kind) for m in curated.find(text, "en", prefer={"south-korea", "china"})] == [
        ("south-korea", "accepted"),
        ("china", "accepted"),
    ]


def test_lint_allows_a_metonym_but_not_two_entries_with_one_form(tmp_path):
    from diglot.glossary.lint import lint

    def entry(entry_id, **en):
        return Entry(entry_id, "place", {"ko": Terms(entry_id), "en": Terms(**en)}, source="s")

    ok = Glossary([entry("seoul", preferred="Seoul"), entry("south-korea", preferred="South Korea", accepted=["Seoul"])])
    assert [p for p in lint(ok) if p.severity == "error"] == []
    twice = Glossary([*ok, entry("government", preferred="the government", accepted=["Seoul"])])
    assert [p.message for p in lint(twice) if p.severity == "error"] == [
        "entry government: en form 'Seoul' is also claimed by entry south-korea"
    ]

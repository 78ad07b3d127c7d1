import pytest

from diglot.align.anchors import english_features, features, korean_features
from diglot.align.lexicon import Lexicon
from diglot.glossary import Matcher, load_glossary


def shared(ko, en):
    k, e = korean_features(ko), english_features(en)
    return {key for _, keys in k.units for key in keys} & e.bag


def test_numbers_with_korean_units():
    assert {"n:20000", "n:35", "n:1950", "n:1953"} <= shared(
        "1950~53년 전쟁 이후 2만여 명이 탈북했고 35명이 붙잡혔다.",
        "More than 20,000 have defected since the 1950-53 war; 35 were caught.",
    )
    assert "n:110000000" in shared("1억1천만 달러", "$110 million")
    assert "n:6" in shared("6%포인트 앞섰다", "ahead by 6 percentage points")


def test_latin_words_inside_korean():
    assert {"l:asci", "l:ibm"} <= shared("ASCI White는 IBM社가 고안했다.", "ASCI White was designed by IBM.")


def test_names_through_romanisation():
    keys = shared("허승재 과장은 옌지로 떠난다.", "Huh Seung-jae will leave for Yanji.")
    assert any(key.startswith("s:") for key in keys)


def test_a_name_written_with_its_title_as_the_north_does():
    keys = shared("김정은동지께서는 평양을 떠나시였다.", "Kim Jong Un left Pyongyang.")
    assert "s:KMSN" in keys


def test_glossary_terms_found_in_one_pass():
    matcher = Matcher(load_glossary(), ["ko", "en"])
    ko = features(["탈북자 35명이 붙잡혔다.", "강제북송은 용납할 수 없다."], "ko", matcher)
    en = features(["35 North Korean defectors were caught.", "Forced repatriation is unacceptable."], "en", matcher)
    assert "g:north-korean-defector" in ko[0].bag and "g:north-korean-defector" in en[0].bag
    assert "g:forced-repatriation" in ko[1].bag and "g:forced-repatriation" in en[1].bag
    assert "g:north-korean-defector" not in en[1].bag


def test_lexicon_learns_from_cooccurrence():
    pairs = [
        (frozenset({"정부", "정부는"}), frozenset({"govern", "said"})),
        (frozenset({"정부", "정부가", "경찰"}), frozenset({"govern", "police"})),
        (frozenset({"경찰", "경찰은"}), frozenset({"police", "said"})),
        (frozenset({"대통령"}), frozenset({"said", "preside"})),
    ]
    lexicon = Lexicon.learn(pairs)
    assert "govern" in lexicon.targets({"정부"})
    assert "police" in lexicon.targets({"경찰"})
    assert "said" not in lexicon.targets({"정부"})  # said goes with everything
    assert lexicon.sources({"police"}) == {"경찰"}


def test_shipped_seed_lexicon_is_what_the_data_teaches():
    from pathlib import Path

    from diglot.align.seed import SEED_FILE, learn_from_parallel, render, seed_lexicon

    data = Path(__file__).resolve().parents[2] / "data" / "korean-parallel-corpora"
    korean = (data / "jhe-koen-dev.ko").read_text(encoding="utf-8").splitlines()
    english = (data / "jhe-koen-dev.en").read_text(encoding="utf-8").splitlines()
    assert SEED_FILE.read_text(encoding="utf-8") == render(learn_from_parallel(korean, english))
    assert "world" in seed_lexicon().targets({"세계"})


def test_sentence_count_and_its_rates():
    from diglot.align.anchors import sentence_count
    from diglot.align.model import sentence_rates

    assert sentence_count("The U.S. said so. Mr. Kim left.") == 2
    assert sentence_count("그는 말했다. 김정일은 평양에 왔다.") == 2
    assert sentence_count("Gen. Lee met Dr. Kim.") == 1
    # Lines of one sentence each: a 1-2 bead can never agree, and tells nothing.
    rates = sentence_rates([1] * 10, [1] * 10, [(1, 2, False)] * 5)
    assert rates[(1, 2)][1] == 0
    # One Korean line in five holds two sentences; the 1-2 beads found all agree.
    rates = sentence_rates([1, 1, 1, 1, 2], [1] * 5, [(1, 2, True)] * 10)
    agree, chance = rates[(1, 2)]
    assert chance == pytest.approx(0.2) and agree > 0.5


def test_korean_stems_of_long_words_include_their_parts():
    from diglot.align.anchors import korean_stems

    assert korean_stems("대통령은") == {"대통", "대통령", "대통령은"}  # short: prefixes only
    assert korean_stems("로동신문") == {"노동", "노동신", "노동신문"}  # the first syllable as the South spells it
    long_word = korean_stems("조선로동당대회")
    assert {"조선", "노동", "노동당", "당대", "대회"} <= long_word  # inner heads respelled too: 로동 → 노동
    assert "로동" not in long_word

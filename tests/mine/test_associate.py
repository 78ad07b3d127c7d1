import math

import pytest

from diglot.mine.associate import (
    SIGNIFICANT_LLR,
    Association,
    associate,
    competitive_linking,
    log_likelihood_ratio,
    prefer_longest,
)


def test_llr_of_independent_events_is_zero_and_sign_follows_association():
    assert log_likelihood_ratio(10, 20, 50, 100) == pytest.approx(0.0, abs=1e-9)  # 20 × 50 / 100 = 10: chance
    assert log_likelihood_ratio(20, 20, 20, 100) > SIGNIFICANT_LLR
    assert log_likelihood_ratio(0, 20, 20, 100) < 0  # less often together than chance


def test_llr_matches_dunning_by_hand():
    # Table [[2, 0], [0, 16]]: G² = 2 (Σ k ln k − Σ rows − Σ cols + N ln N)
    expected = 2 * (2 * math.log(2) + 16 * math.log(16) - 2 * (2 * math.log(2) + 16 * math.log(16)) + 18 * math.log(18))
    assert log_likelihood_ratio(2, 2, 2, 18) == pytest.approx(expected)


def beads(*pairs):
    return [(set(ko.split()), set(en.split())) for ko, en in pairs]


def test_associate_counts_beads_and_scores_dice():
    data = beads(*[("경찰 서울", "police seoul")] * 3, *[("경찰", "police")] * 2, *[("날씨", "weather rain")] * 10)
    found = {(a.ko, a.en): a for a in associate(data)}
    police = found[("경찰", "police")]
    assert (police.together, police.ko_count, police.en_count, police.dice) == (5, 5, 5, 1.0)
    assert ("경찰", "weather") not in found  # never together
    assert next(iter(associate(data))).ko in ("경찰", "날씨")  # best first: the most frequent perfect pairs


def test_min_count_and_min_llr_filter():
    data = beads(("가", "a"), *[("나", "b")] * 5)
    assert all(a.ko != "가" for a in associate(data))  # seen once
    assert associate(data, min_llr=1e9) == []


def association(ko, en, together, dice=1.0):
    return Association(ko, en, together, together, together, dice, 50.0)


def test_competitive_linking_is_one_to_one_best_first():
    linked = competitive_linking(
        [association("북한", "north korea", 9), association("북한", "pyongyang", 5), association("평양", "pyongyang", 4)]
    )
    assert [(a.ko, a.en) for a in linked] == [("북한", "north korea"), ("평양", "pyongyang")]


def test_prefer_longest_drops_one_word_fragments():
    kept = prefer_longest(
        [
            association("북한", "north", 22),
            association("북한", "north korea", 12),
            association("북한", "north korean", 8),
            association("오바마", "obama", 39),
            association("오바마", "barack obama", 10),
        ]
    )
    assert ("북한", "north") not in [(a.ko, a.en) for a in kept]  # 12 + 8 ≥ 0.75 × 22
    assert ("오바마", "obama") in [(a.ko, a.en) for a in kept]  # mostly seen alone


def test_prefer_longest_keeps_the_name_that_sounds_like_the_korean():
    kept = prefer_longest(
        [
            association("세계보건기구", "health organization", 2),
            association("세계보건기구", "world health organization", 2),
            association("콘돌리자라이스", "condoleezza rice", 5),
            association("콘돌리자라이스", "state condoleezza rice", 5),
        ]
    )
    pairs = [(a.ko, a.en) for a in kept]
    assert ("세계보건기구", "health organization") not in pairs
    assert ("콘돌리자라이스", "condoleezza rice") in pairs


def test_sound_likeness_breaks_ties_between_transliterations():
    assert association("콘돌리자라이스", "condoleezza rice", 5).sound_likeness == 1.0
    assert association("민주당", "sen barack", 5).sound_likeness == 0.0


def test_a_one_word_name_that_sounds_like_the_korean_is_kept():
    kept = prefer_longest([association("버락", "barack", 10), association("버락", "barack obama", 10)])
    assert ("버락", "barack") in [(a.ko, a.en) for a in kept]  # PLK = PLK; Barack Obama is PLKPM


def test_counts_are_those_of_a_plain_count_of_the_corpus(beads_of_corpus):
    """associate counts through the aligner's lexicon (diglot.align.lexicon.cooccurrences): the
    same numbers as counting the candidate sets by hand."""
    from collections import Counter

    ko_counts, en_counts, together = Counter(), Counter(), Counter()
    for ko, en in beads_of_corpus:
        ko_counts.update(ko)
        en_counts.update(en)
        together.update((k, e) for k in ko for e in en)
    found = associate(beads_of_corpus, min_count=2, min_llr=float("-inf"))
    assert found and {(a.ko, a.en): a.together for a in found} == {p: c for p, c in together.items() if c >= 2}
    assert all((a.ko_count, a.en_count) == (ko_counts[a.ko], en_counts[a.en]) for a in found)


@pytest.fixture(scope="module")
def beads_of_corpus(beads):
    from diglot.mine.propose import candidate_table

    table = candidate_table(beads)
    return list(zip(table.ko, table.en))

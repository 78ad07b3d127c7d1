import pytest

from diglot.korean import fix_particle, has_final_consonant


@pytest.mark.parametrize(
    ("word", "particle", "expected"),
    [
        ("탈북자", "은", "는"), ("난민", "는", "은"),
        ("탈북자", "이", "가"), ("난민", "가", "이"),
        ("탈북자", "을", "를"), ("난민", "를", "을"),
        ("탈북자", "과", "와"), ("난민", "와", "과"),
        ("북송", "로", "으로"), ("탈북자", "으로", "로"), ("서울", "으로", "로"),
        ("탈북자", "이라고", "라고"), ("난민", "나", "이나"),
        ("외교부", "과의", "와의"), ("난민", "들은", "들은"), ("난민", "에서", "에서"),
        ("CNKR", "는", "은"), ("UNHCR", "가", "이"), ("NIS", "은", "는"), ("2011", "는", "은"),
    ],
)  # fmt: skip
def test_particle_follows_the_word(word, particle, expected):
    assert fix_particle(word, particle) == expected


def test_final_consonant():
    assert has_final_consonant("난민") and not has_final_consonant("탈북자")
    assert has_final_consonant("UN") and not has_final_consonant("KCNA")

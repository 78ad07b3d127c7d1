"""Numbers written differently on the two sides of real news pairs (data/korean-parallel-corpora,
korean-english-park.dev, CC BY-SA 3.0), and a changed figure in the same sentences still caught."""

from diglot.check import severity_of
from diglot.check.numbers import check_numbers

NADAL_KO = "라파엘 나달(스페인)이 27일(현지시간) 니콜라스 키퍼(독일)를 2-0(6-36-2)으로 꺾고 우승을 차지했다."
NADAL_EN = "Rafael Nadal wrapped up his fifth straight tournament win with a 6-3 6-2 victory over Nicolas Kiefer on Sunday."
QANTAS_KO = "칸타스 항공 소속 보잉 74730대의 산소통과 산소통 받침대를 점검할 것을 요구했다"
QANTAS_EN = "check oxygen containers in each of the 30 Boeing 747 that's part of Qantas' fleet"
LINDBERG_KO = "“상황이 좋지 않아 보이지만 어제는 조금 괜찮았다”며 “베이징에 도착했던 22에는 최악이었다”고 말했다."
LINDBERG_EN = '"yesterday was better," said Gunilla Lindberg. "The day I arrived, Tuesday, was awful.'
KAKA_KO = "“오늘은 1억5천만 유로였다가 내일은 2억 유로가 될 것이다.” 고 말했다."
KAKA_EN = '"Today there are talks of a 150 million euros offer and tomorrow it will be 200.'
RANSOM_KO = "그는 15일 감금됐고, 가족들이 1500달러의 몸값을 치르고 나서야 겨우 풀려 났다. 그는 15일 동안 매일 성폭행을 당했다."
RANSOM_EN = "He was held for 15 days, released only after his family paid a $1,500 ransom."


def problems(source, target, src="ko", tgt="en"):
    """The findings an editor is shown by default (notes left out), as (status, expected, found)."""
    return [
        (f.status, f.expected, f.found)
        for f in check_numbers(source, target, src, tgt)
        if severity_of(f) != "note"
    ]


def test_set_scores_run_together_are_the_games_of_each_set():
    assert problems(NADAL_KO, NADAL_EN) == []
    assert problems(NADAL_EN, NADAL_KO, "en", "ko") == []


def test_a_changed_game_in_a_set_score_is_still_caught():
    assert problems(NADAL_KO, NADAL_EN.replace("6-2", "6-4")) == [("number-changed", "2", "4")]


def test_two_numbers_run_together_meet_both_on_the_other_side():
    assert problems(QANTAS_KO, QANTAS_EN) == []
    assert problems(QANTAS_KO, QANTAS_EN.replace("30", "31")) != []


def test_a_bare_day_of_the_month_beside_a_weekday_is_a_date_said_otherwise():
    assert problems(LINDBERG_KO, LINDBERG_EN) == []


def test_a_bare_figure_after_a_scaled_one_carries_its_scale():
    assert problems(KAKA_KO, KAKA_EN) == []
    assert problems(KAKA_KO, KAKA_EN.replace("200", "250")) == [("number-changed", "2억", "250")]


def test_a_figure_said_twice_on_one_side_is_a_note_when_the_other_says_it_once():
    findings = check_numbers(RANSOM_KO, RANSOM_EN, "ko", "en")
    assert [(f.status, f.expected, severity_of(f)) for f in findings] == [("number-missing", "15", "note")]
    assert problems(RANSOM_KO, RANSOM_EN.replace("15 days", "16 days")) != []

import pytest

from diglot.numbers import extract_numbers, values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2만여 명", [20000]),
        ("1억1천만 달러", [110_000_000]),
        ("35명이 체포됐다", [35]),
        ("8,192개", [8192]),
        ("3천5백 명", [3500]),
        ("1950~53년 한국전쟁", [1950, 1953]),
        ("두 명은 한국 국적", [2]),
        ("세 가지를 제기했다", [3]),
        ("30% 증가", [30]),
        ("2.5조 원", [2.5e12]),
        ("입력 2011.10.05 16:28", [2011, 10, 5, 16, 28]),  # a dotted date, not the decimal 2011.1
        ("2011. 10. 5. 발표", [2011, 10, 5]),
        ("국방개혁안 우려 2005.10", [2005, 10]),
        ("2011.5 버전", [2011.5]),  # a one-digit month needs its day: a decimal
        ("2할6푼8리의 타율", [0.268]),
        ("3할 타자", [0.3]),
    ],
)
def test_korean(text, expected):
    assert values(text, "ko") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 20,000 North Koreans", [20000]),
        ("the 1950-53 Korean War", [1950, 1953]),
        ("$110 million", [110_000_000]),
        ("two of the defectors", [2]),
        ("thirty-five people", [35]),
        ("Oct. 5, 2011 - 16:28", [10, 5, 2011, 16, 28]),
        ("an official, 3.5 percent", [3.5]),
        ("Hitting .268 with three homers", [0.268, 3]),
        ("the U.S. economy grew 2.5 percent", [2.5]),
        ("on December 12th and May 3rd", [12, 12, 5, 3]),  # a month before an ordinal day
    ],
)
def test_english(text, expected):
    assert values(text, "en") == expected


def test_approximate_markers():
    assert [n.approx for n in extract_numbers("2만여 명, 10만 명 이상, 약 3천 명, 35명", "ko")] == [True, True, True, False]
    assert [n.approx for n in extract_numbers("more than 20,000 and 35", "en")] == [True, False]


def test_spans_point_at_the_text():
    text = "탈북자 2만여 명"
    (number,) = extract_numbers(text, "ko")
    assert text[number.start : number.end] == number.text == "2만"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the $50bn (£27bn) plan", [50e9, 27e9]),  # money with its scale abbreviated
        ("an initial $5m", [5e6]),
        ("Obama's trip &#8212; and", []),  # a character reference, not 8212
        ("to ¢æ114 ($179) per metric ton", [114, 179]),  # mojibake of a currency sign
        ("a fine of euro500", [500]),
        ("an address in NW1 at 8:40", [8, 40]),  # a postcode is not a number
    ],
)
def test_english_page_text(text, expected):
    assert values(text, "en") == expected


def test_a_code_glued_to_letters_is_not_a_korean_number():
    assert values("NW1에 사는 여성", "ko") == []

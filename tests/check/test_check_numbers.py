"""Numbers compared across Korean and English by value."""

import pytest

from diglot.check.numbers import check_numbers


def found(source, target, src="ko", tgt="en"):
    return [(f.status, f.expected, f.found) for f in check_numbers(source, target, src, tgt)]


@pytest.mark.parametrize(
    "korean, english",
    [
        ("탈북자는 2만여 명에 이른다", "more than 20,000 defectors"),
        ("모두 35명이 붙잡혔다", "a total of 35 were rounded up"),
        ("1억1천만 달러짜리 설비", "the $110 million wonder"),
        ("10만 명 이상", "more than 100,000"),
        ("1950~53년 한국전쟁", "the 1950-53 Korean War"),
        ("10월 5일", "Oct. 5"),
        ("초당 12조3천억 번", "12.3 trillion calculations a second"),
    ],
)
def test_same_numbers_match_whatever_the_writing(korean, english):
    assert found(korean, english) == []
    assert found(english, korean, "en", "ko") == []


def test_changed_number():
    assert found("모두 35명이 붙잡혔다", "a total of 36 were rounded up") == [("number-changed", "35", "36")]


def test_missing_and_added_numbers():
    assert found("2명이 체포됐다", "they were arrested") == [("number-missing", "2", None)]
    assert found("체포됐다", "12 were arrested") == [("number-added", None, "12")]


def test_spans_point_at_the_numbers():
    [finding] = check_numbers("35명", "36 people", "ko", "en")
    assert finding.src_span == (0, 2) and finding.tgt_span == (0, 2)


def test_numbers_in_words_match_but_are_never_reported_alone():
    assert found("세 가지 사항", "three points") == []
    assert found("사항을 제기했다", "one of them raised points") == []


def test_news_idioms_are_not_reported():
    assert found("정부 당국자들이 5일 밝혔다", "officials said Wednesday") == []
    assert found("지난 2월 정부는", "Last February, the government") == []
    assert found("10대 청소년", "teenagers") == []
    # without the weekday, the day of the month is a finding
    assert found("정부 당국자들이 5일 밝혔다", "officials said") == [("number-missing", "5", None)]

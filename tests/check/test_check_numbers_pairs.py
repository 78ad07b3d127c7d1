"""Numbers of real news pairs (korean-english-park.dev, line numbers given) beside the same pairs
with a figure changed: what must still be reported, and how (changed, missing, note)."""

from diglot.check import check_presplit
from diglot.check.numbers import check_numbers


def findings(source, target, src="ko", tgt="en"):
    return [(f.status, f.expected, f.found, f.severity) for f in check_numbers(source, target, src, tgt)]


def both_ways(korean, english):
    return findings(korean, english), findings(english, korean, "en", "ko")


def test_set_scores_run_together_are_read_set_by_set():
    # line 229: 2-0(6-36-2) is two sets, 6-3 and 6-2; the English gives the games, not the 2-0
    korean = "니콜라스 키퍼(독일)를 2-0(6-36-2)으로 꺾고 우승을 차지했다."
    english = "a 6-3 6-2 victory over Nicolas Kiefer in the final"
    assert both_ways(korean, english) == ([], [])
    # a game changed is still a change
    assert findings(korean, "a 6-4 6-2 victory over Nicolas Kiefer") == [("number-changed", "3", "4", None)]


def test_a_day_of_the_month_without_its_counter_beside_a_weekday():
    # line 256: 22에는 (on the 22nd) is the day the English calls Tuesday
    korean = "“베이징에 도착했던 22에는 최악이었다”고 말했다."
    assert both_ways(korean, '"The day I arrived, Tuesday, was awful.') == ([], [])
    # without the weekday, it is a figure on one side only
    assert findings(korean, '"The day I arrived was awful.') == [("number-missing", "22", None, None)]


def test_two_numbers_run_together_on_the_page():
    # line 268: 보잉 74730대 is "30 Boeing 747"s with the space lost
    korean = "칸타스 항공 소속 보잉 74730대의 산소통을 점검할 것을 요구했다"
    english = "to check oxygen containers in each of the 30 Boeing 747 that's part of Qantas' fleet"
    assert both_ways(korean, english) == ([], [])
    assert findings(korean, "in each of the 31 Boeing 747 of its fleet") == [
        ("number-changed", "74730", "31", None),
        ("number-added", None, "747", None),
    ]


def test_a_figure_said_again_on_one_side_is_a_note():
    # line 401: 15일 twice in the Korean, "for 15 days" once in the English
    korean = "그는 15일 감금됐고, 가족들이 1500달러의 몸값을 치르고 나서야 겨우 풀려 났다. 그는 15일 동안 매일 성폭행을 당했다."
    english = "He was held for 15 days, released only after his family paid a $1,500 ransom."
    assert findings(korean, english) == [("number-missing", "15", None, "note")]
    assert findings(english, korean, "en", "ko") == [("number-added", None, "15", "note")]


def test_a_figure_said_again_beside_another_figure_is_a_change():
    # line 317, the first age changed: 26살 twice, 36 once
    korean = "26살과 27살 여성의 신원을 밝히지 않았으며 26살의 여성은 기소될 수 있다고 밝혔다."
    english = "The identities of the women, aged 36 and 27, were not released, but the 26-year-old may be charged."
    assert findings(korean, english) == [("number-changed", "26", "36", None)]


def test_a_scale_said_once_for_two_figures():
    # line 573: "200" carries the million of "150 million euros"
    korean = "“오늘은 1억5천만 유로였다가 내일은 2억 유로가 될 것이다.” 고 말했다."
    english = '"Today there are talks of a 150 million euros offer and tomorrow it will be 200.'
    assert both_ways(korean, english) == ([], [])
    assert findings(korean, "a 150 million euros offer and tomorrow it will be 300.") == [
        ("number-changed", "2억", "300", None)
    ]
    # a range whose first end leaves its scale to the second (made up)
    assert both_ways("2~3만 명이 모였다", "20,000 to 30,000 people gathered") == ([], [])
    assert both_ways("피해액은 2만~3만 달러", "damage of 20,000-30,000 dollars") == ([], [])
    assert both_ways("2만~3만 명이 모였다", "between 2 and 3 million people") != ([], [])


def test_a_month_goes_with_its_day(curated):
    # lines 532-533: "June 14" of 533 renders 지난달 14일 of the line before; the 14 is matched
    # there, and June goes with it
    korean = "한편 이와테현에선 지난달 14일에도 지진이 발생해 최소 10명이 숨졌다.\n이날 발생한 지진으로 12명이 실종됐다."
    english = "A quake struck Iwate Prefecture last month, killing at least 10 people.\nAt least 12 were missing as a result of the June 14 quake."
    report = check_presplit(korean, english, "ko", "en", curated)
    assert [f for f in report.findings if f.status.startswith("number")] == []


def test_a_changed_day_is_reported_once_with_its_month():
    # line 584, the day changed: 27일 is July 27, and July 37 is a change of the day
    korean = "27일(현지시간) 치러지는 캄보디아 총선 이후 다시 회담을 가질 예정이다."
    assert findings(korean, "Officials will reconvene after Cambodia's general election on July 37.") == [
        ("number-changed", "27", "37", None)
    ]
    # line 456: a date the Korean does not give at all is reported, month and day
    assert findings("올림픽은 성대하게 열린다", "The Olympics open Aug. 8 in Beijing.") == [
        ("number-added", None, "Aug.", None),
        ("number-added", None, "8", None),
    ]


def test_won_beside_dollars_at_a_plausible_rate_is_a_note():
    # line 786 without its bracketed won figure: 220조원 is US$232.6 billion at 946 won to the dollar
    korean = "국민연금의 규모는 약 220조원에 이르며"
    assert findings(korean, "pension funds held nearly US$232.6 billion") == [
        ("number-changed", "220조", "232.6 billion", "note")
    ]
    assert findings("pension funds held nearly US$232.6 billion", korean, "en", "ko") == [
        ("number-changed", "232.6 billion", "220조", "note")
    ]
    # at 9,460 won to the dollar no rate explains it: a change
    assert findings(korean, "pension funds held nearly US$23.26 billion") == [
        ("number-changed", "220조", "23.26 billion", None)
    ]


def test_a_two_said_in_english_is_taken_by_the_figure_it_matches():
    # line 708: "two lifeguards" is 구조대 2명; the 2 girls rescued are said nowhere in the English
    korean = "구조대 2명이 비명 소리를 듣고 이들 중 2명을 구조했다."
    english = "two lifeguards attended the girls upon hearing their screams."
    assert findings(korean, english) == [("number-missing", "2", None, "note")]
    # both, twice, a couple still say a Korean 2 (line 57)
    assert findings("2, 3년 전만해도", "A couple years ago") == []


def test_a_korean_date_said_relatively_in_the_english_line_before(curated):
    # lines 976-977, shifted by one: 2005년 10월 부임한 is "who took the post just two months ago"
    korean = (
        "한국 정부 관계자들은 미국이 북한을 자극하는 것은 삼가해야 한다며 실망을 표명했다.\n"
        "2005년 10월 주한 미대사로 부임한 버시바우 대사는 북한을 첫번째 정권이라고 표현했다."
    )
    english = (
        "The U.S. ambassador, who took the post just two months ago, also stirred controversy.\n"
        "North Korea watchers predicted a stormy response from Pyongyang."
    )
    numbers = [f for f in check_presplit(korean, english, "ko", "en", curated).findings if f.status.startswith("number")]
    assert numbers == []
    # said nowhere near, the date is a figure on one side only
    far = english.replace("who took the post just two months ago, ", "")
    numbers = [f for f in check_presplit(korean, far, "ko", "en", curated).findings if f.status.startswith("number")]
    assert [(f.status, f.expected) for f in numbers] == [("number-missing", "2005"), ("number-missing", "10")]


def test_clock_minutes_halves_and_regnal_numbers():
    # jhe-koen-dev lines 59, 426, 401, 301, 670: the :00 of a clock time, minutes said in hours,
    # 절반 (half) as a percentage, a king's number in Roman numerals
    assert both_ways("그녀는 오후 5시까지 사무실에서 근무한다.", "She works in the office until 5:00 p.m.") == ([], [])
    assert both_ways("그곳은 서울에서 차로 30분 거리이다.", "It is half an hour's drive from Seoul.") == ([], [])
    assert both_ways("8시 15분에 학교를 향해 출발했다.", "started for school at quarter past eight.") == ([], [])
    korean = "여성은 세계인구의 절반을 차지한다."
    assert both_ways(korean, "Women make up 50 percent of the world's population.") == ([], [])
    assert both_ways("루이 14세는 왕이었음에도 불구하고", "Although he was the king, Louis XIV was unhappy") == ([], [])
    # and what they do not excuse
    assert findings("그녀는 오후 5시 30분까지 근무한다.", "She works until 5:00 p.m.") == [("number-missing", "30", None, None)]
    assert findings("차로 20분 거리이다.", "It is half an hour's drive from Seoul.") == [("number-missing", "20", None, None)]
    assert findings("세계인구의 절반을 차지한다.", "Women make up 30 percent of the world's population.") == [
        ("number-added", None, "30", None)
    ]
    assert findings("루이 16세는", "Louis XIV was unhappy") == [("number-missing", "16", None, None)]
    # a figure in brackets after a word for it is the story's figure, not a conversion (line 836)
    assert findings("이들 중 절반 정도(46.3%)는 답했다.", "said they were sexually experienced.") == [
        ("number-missing", "46.3", None, None)
    ]

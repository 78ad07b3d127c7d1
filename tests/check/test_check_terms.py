"""Glossary statuses of one sentence pair, both directions."""

import pytest

from diglot.check import check_pair, is_problem


def statuses(findings):
    return [(f.entry, f.status, f.found) for f in findings]


def test_ok_with_plural_possessive_and_sentence_start(curated):
    findings = check_pair(
        "탈북자들의 강제북송", "Forced repatriation of North Korean defectors' families", "ko", "en", curated
    )
    assert statuses(findings) == [
        ("north-korean-defector", "ok", "North Korean defector"),
        ("forced-repatriation", "ok", "Forced repatriation"),
    ]
    assert not [f for f in findings if is_problem(f.status)]


def test_ok_in_korean_with_particles_and_spacing(curated):
    findings = check_pair("The forced repatriation of defectors", "탈북자들의 강제 북송을", "en", "ko", curated)
    assert [f.status for f in findings] == ["ok", "ok"]


def test_variant_with_spans_and_expected(curated):
    target = "China sent the N.K. defectors back."
    findings = check_pair("중국은 탈북자를 돌려보냈다.", target, "ko", "en", curated)
    [finding] = [f for f in findings if f.entry == "north-korean-defector"]
    assert (finding.status, finding.expected, finding.found) == ("variant", "North Korean defector", "N.K. defector")
    assert target[slice(*finding.tgt_span)] == "N.K. defector"
    assert "중국은 탈북자를 돌려보냈다."[slice(*finding.src_span)] == "탈북자"


def test_forbidden(curated):
    findings = check_pair("탈북자 35명", "35 North Korean escapees", "ko", "en", curated)
    assert statuses(findings) == [("north-korean-defector", "forbidden", "North Korean escapee")]


def test_forbidden_in_korean_target(particles):
    findings = check_pair("the National Intelligence Service said", "안기부는 밝혔다", "en", "ko", particles)
    assert statuses(findings) == [("national-intelligence-service", "forbidden", "안기부")]


def test_missing_is_reported_without_a_target_span(curated):
    findings = check_pair("강제북송에 반대한다", "We oppose sending them back.", "ko", "en", curated)
    assert [(f.entry, f.status, f.found, f.tgt_span) for f in findings] == [
        ("forced-repatriation", "missing", None, None)
    ]
    assert findings[0].expected == "forced repatriation"


def test_missing_in_korean_target(curated):
    findings = check_pair("North Korean defectors", "북한 주민들", "en", "ko", curated)
    assert ("north-korean-defector", "missing", None) in statuses(findings)


def test_forbidden_rendering_without_source_mention_is_reported(curated):
    findings = check_pair("그들은 떠났다", "The North Korean escapees left", "ko", "en", curated)
    assert statuses(findings) == [("north-korean-defector", "forbidden", "North Korean escapee")]
    assert findings[0].src_span is None


def test_a_pronoun_for_a_second_mention_is_not_missing(curated):
    findings = check_pair("탈북자는 탈북자로서", "North Korean defectors as such", "ko", "en", curated)
    assert [f.status for f in findings] == ["ok", "ok"]


def test_each_target_rendering_is_judged(curated):
    findings = check_pair("탈북자와 탈북자", "North Korean defectors and N.K. defectors", "ko", "en", curated)
    assert [f.status for f in findings] == ["ok", "variant"]


def test_place_named_by_its_demonym_counts_as_rendered(curated):
    findings = check_pair("북한 주민 2만여 명", "More than 20,000 North Koreans", "ko", "en", curated)
    [(entry, status, found)] = statuses(findings)  # an adjective form of the glossary or one built on the name
    assert (entry, status) == ("north-korea", "ok") and found.startswith("North Korean")


def test_proposed_entries_are_not_checked(tmp_path):
    from diglot.glossary import Matcher, load_glossary

    path = tmp_path / "g.yaml"
    path.write_text(
        "entries:\n  - id: x\n    type: term\n    status: proposed\n    ko: 탈북자\n    en: North Korean defector\n",
        encoding="utf-8",
    )
    assert check_pair("탈북자", "someone", "ko", "en", Matcher(load_glossary([path]))) == []


def test_the_verb_of_an_action_noun_renders_it(curated):
    findings = check_pair("중국은 이들을 추방했다.", "China deported them.", "ko", "en", curated)
    assert statuses(findings) == [("china", "ok", "China"), ("deportation", "ok", "deported")]
    findings = check_pair("그는 2005년 탈북했다.", "He defected in 2005.", "ko", "en", curated)
    assert statuses(findings) == [("defection", "ok", "defected")]
    findings = check_pair("그들은 송환됐다.", "They were sent back.", "ko", "en", curated)
    assert statuses(findings) == [("repatriation", "missing", None)]


def test_a_form_inside_a_longer_name_is_another_entity(curated):
    from diglot.check.terms import in_longer_name, target_mentions

    # korean-english-park.dev lines 182, 567, 795
    assert [m.text for m in target_mentions("grow bananas in South and Central America.", "en", curated)] == []
    for text, form in [
        ("The South China Morning Post said Leung donned a white suit, and Lau a traditional red gown.", "South"),
        ("The Seoul Central District Court acquitted eight dissident activists of treason, 32 years after", "Seoul"),
    ]:
        [mention] = [m for m in curated.find(text, "en") if m.text == form] or [None]
        assert mention is None or in_longer_name(text, mention, "en")
    # a possessive, a title before the name, a headline: not longer names
    [china] = [m for m in curated.find("according to China's Xinhua news service", "en") if m.entry == "china"]
    assert not in_longer_name("according to China's Xinhua news service", china, "en")
    assert not in_longer_name("China Halts Forcible Repatriation", curated.find("China Halts Forcible Repatriation", "en")[0], "en")



def test_a_name_joined_by_of_is_another_entity_or_the_tail_of_the_same_name(curated):
    # korean-english-park.dev line 464: Iraq's Council of Ministers is not the Security Council
    english = (
        "CNN received a copy of the letter, which was sent to Jassim Mohammed Jaffer, Iraqi minister of youth and"
        " sports, and Ali Mohsen Ismail, acting secretary general of the Iraqi general secretariat of the Council of Ministers."
    )
    korean = "IOC는 자심 모하메드 자파르 이라크 청소년체육부장관과 알리 모흐센 아스마일 이라크 각료회의 사무총장 보좌관에게 이 같은 내용의 서한을 보냈다."
    assert "un-security-council" not in [f.entry for f in check_pair(english, korean, "en", "ko", curated)]
    assert [f.status for f in check_pair(english.replace("Council of Ministers", "council"), korean, "en", "ko", curated)
            if f.entry == "un-security-council"] == ["missing"]  # fmt: skip
    # line 561: "America" ends "the United States of America", one rendering, no variant
    english = (
        '"That is our single most important threat, both to Israel but also to the United States of America," he said'
        " in the southern Israeli town of Sderot."
    )
    korean = "그는 이스라엘 남부 스데롯을 방문해 “이란의 핵 보유가 이스라엘과 미국 모두에게 유일하게 가장 중요한 위협”이라고 강조했다."
    assert [(f.status, f.found) for f in check_pair(korean, english, "ko", "en", curated) if f.entry == "united-states"] == [
        ("ok", "United States")
    ]
    assert [f.status for f in check_pair(english, korean, "en", "ko", curated) if f.entry == "united-states"] == ["ok"]
    # the state itself before "of" is no other entity; a lone variant is still one
    assert [f.status for f in check_pair(korean, "threat to America,", "ko", "en", curated) if f.entry == "united-states"] == [
        "variant"
    ]

@pytest.mark.parametrize(
    "english, korean, found",
    [
        # korean-english-park.dev lines 757, 831, 964: 미 for 미국 in compounds and before a noun
        ("Obama has proposed withdrawing U.S. combat troops from Iraq within 16 months of taking office.",
         "한편 오바마는 대통령에 당선되면 16개월 안에 이라크 주둔 미군을 철수시키겠다고 강조한 바 있다.", "미군"),
        ("the Korea-EU FTA will be smoother than the Korea-U.S. FTA", "한국-유럽 연합간 FTA는 한-미 FTA 보다는 원활히", "한-미"),
        ("A U.S. federal court denied bail to Park Tong-sun.", "미 연방법원이 로비스트 박동선씨의 보석 신청을 기각했다.", "미"),
        ("Japan and South Korea", "한일 외교 장관 파키스탄서 만날 듯", "한일"),  # line 837, a headline
        ("The prime minister, visiting the United States, said so.", "방미 중인 총리는 그렇게 말했다.", "방미"),  # made up
        ("the U.S. ambassador's comments", "주한 미대사의 발언에 실망 표명", "미대사"),  # line 975, a headline
        ("The top U.S. commander in South Korea said Tuesday he is optimistic",  # line 854: U.S. Forces Korea
         "한국의 주한미군부대 사령관은 화요일, 느리지만 일관성 있는 진보를 예로 들면서", "미군"),
    ],
)  # fmt: skip
def test_a_country_named_by_its_korean_short_name_is_rendered(curated, english, korean, found):
    renderings = [f for f in check_pair(english, korean, "en", "ko", curated) if f.entry in ("united-states", "japan")]
    assert renderings and all(f.status == "ok" for f in renderings) and renderings[0].found == found


@pytest.mark.parametrize(
    "korean",
    ["남미 국가들이 모였다.", "비핵화에 대한 논의가 이어졌다.", "남북 장관급 회담이 열렸다.", "그 중 한 명이 떠났다.", "중대사를 논의했다."],
)
def test_words_made_of_short_names_are_not_countries(curated, korean):
    # made up: South America, "about", inter-Korean, "one of them", "a grave matter"
    findings = check_pair("The United States and South Korea agreed.", korean, "en", "ko", curated)
    assert {f.entry: f.status for f in findings} == {"united-states": "missing", "south-korea": "missing"}


def test_a_korean_word_built_on_a_term_is_another_word(curated):
    # korean-english-park.dev line 407: 인권주의 (humanitarian) is not 인권 (human rights)
    korean = "인권주의 관계자는 “후세인 집권 당시 희롱 당했던 많은 동성애자들은 폭행의 표적이 됐다” 고 말했다."
    english = "Ridiculed under Hussein, many now find themselves the targets of violence, according to humanitarian officials."
    assert [f for f in check_pair(korean, english, "ko", "en", curated) if f.entry == "human-rights"] == []
    # made up: 통일성 (unity) is not 통일; 인권단체 is still human rights
    assert [f for f in check_pair("통일성이 없다.", "It lacks unity.", "ko", "en", curated) if f.entry == "unification"] == []
    assert [f.entry for f in check_pair("인권단체가 밝혔다.", "A group said.", "ko", "en", curated)] == ["human-rights"]


def test_an_english_name_kept_in_latin_letters_renders_it(curated):
    # jhe-koen-dev line 315
    assert [f.status for f in check_pair("This is Washington.", "이곳은 Washington이다.", "en", "ko", curated) if f.entry] == ["ok"]


def test_a_name_written_in_latin_letters_renders_it(curated):
    # korean-english-park.dev line 965: "the UN's" = UN의
    english = "He is accused of covertly acting on behalf of Saddam Hussein's regime concerning the UN's embattled oil-for-food program."
    korean = "그는 UN의 이라크 석유 식량 계획과 관련해 사담 후세인 정부를 위해 은밀히 로비를 한 혐의로 기소되었다."
    [finding] = [f for f in check_pair(english, korean, "en", "ko", curated) if f.entry == "united-nations"]
    assert (finding.status, finding.found) == ("ok", "UN")


def test_a_capital_named_for_its_government_is_rendered_by_the_country_or_the_government(curated):
    # korean-english-park.dev line 855: Pyongyang = 북한이; the seed's headline: Seoul = 정부
    english = "Gen. Burwell Bell said he believes Pyongyang will resist change."
    korean = "버웰 벨 장군은 북한이 변화에 저항할 것이라고 생각한다고 말했다."
    [finding] = [f for f in check_pair(english, korean, "en", "ko", curated) if f.entry == "pyongyang"]
    assert (finding.status, finding.found) == ("ok", "북한")
    headline = check_pair("Seoul urges China to stop deporting N.K. defectors", "정부, 중국에 탈북자 강제북송 중단 촉구", "en", "ko", curated)
    assert [(f.entry, f.status, f.found) for f in headline if f.entry == "seoul"] == [("seoul", "ok", "정부")]
    # made up: the city as a place, its country named elsewhere without acting, is still missing
    findings = check_pair("The talks resume in Beijing on Monday.", "회담은 월요일 중국 외교부 청사에서 재개된다.", "en", "ko", curated)
    assert [(f.entry, f.status) for f in findings if f.entry == "beijing"] == [("beijing", "missing")]


def test_a_place_in_the_possessive_before_a_noun_qualifies_it(curated):
    # the seed article: "Seoul's foreign ministry" = 외교통상부
    english = "Huh Seung-jae, an official at Seoul’s foreign ministry, said he will leave for Yanji."
    korean = "외교통상부 허승재 과장은 옌지로 떠날 것이라고 밝혔다."
    assert [f for f in check_pair(english, korean, "en", "ko", curated) if f.entry == "seoul"] == []
    # made up: the place itself, not in the possessive, is asked for
    findings = check_pair("Huh will leave for Seoul on Monday.", "허 과장은 월요일 떠난다.", "en", "ko", curated)
    assert [(f.entry, f.status) for f in findings] == [("seoul", "missing")]


def test_a_korean_place_in_the_genitive_before_a_noun_qualifies_it(curated):
    # korean-english-park.dev line 165: 미국의 인종문제 = "the country's race problems"
    korean = "오바마는 “차별 철폐 조치가 미국의 인종문제를 해결하기 위한 장기적 해답이라고 생각하지 않는다”고 밝혔다."
    english = "Obama said he does not see affirmative action as a long-term solution to the country's race problems."
    assert [f for f in check_pair(korean, english, "ko", "en", curated) if f.entry == "united-states"] == []
    # made up: the place with 의 standing alone (미국의, then a comma), or as the one that acts, is asked for
    for korean in ("이것은 미국의, 그리고 세계의 문제다.", "미국은 제재를 발표했다."):
        findings = check_pair(korean, "This is a problem for the world.", "ko", "en", curated)
        assert [(f.entry, f.status) for f in findings if f.entry == "united-states"] == [("united-states", "missing")]


def test_a_place_naming_an_institution_and_a_country_heading_its_clause_are_its_institution(curated):
    # korean-english-park.dev line 798: "the Seoul court" = 법원
    english = "In ruling, the Seoul court cleared the executed dissidents of all charges."
    korean = "법원은 이날 사형된 이들에게 무죄를 선고했다."
    assert [f for f in check_pair(english, korean, "en", "ko", curated) if f.entry == "seoul"] == []
    # line 780: "South Korea will propose" = 정부는 (the government acting)
    english = "South Korea will propose establishing a peace framework on the Korean Peninsula, a Unification Ministry official said Monday."
    korean = "정부는 오늘 시작하는 제16차 남북 장관급 회담에서 한반도 평화 체제 구축을 제안할 예정이라고 통일부 관계자가 월요일날 밝혔다."
    [finding] = [f for f in check_pair(english, korean, "en", "ko", curated) if f.entry == "south-korea"]
    assert (finding.status, finding.found) == ("ok", "정부는")
    # made up: the city before another noun, and the country inside its clause, are still asked for
    for english, korean in (
        ("He met the Seoul marathon winner.", "그는 마라톤 우승자를 만났다."),
        ("Talks with South Korea will resume, the government said.", "정부는 회담이 재개된다고 밝혔다."),
    ):
        findings = check_pair(english, korean, "en", "ko", curated)
        assert [f.status for f in findings if f.entry in ("seoul", "south-korea")] == ["missing"], english


def test_korea_alone_renders_south_korea_but_the_two_koreas_name_no_one_country(curated):
    # korean-english-park.dev line 971: 한국의 = "in Korea"
    korean = "이 원장은 외국인 강사들과의 왕성한 의사소통이 한국의 영어교육 발달의 핵심이라고 생각하고 있다."
    english = "Rhee sees vigorous communication with foreign teachers as key to the development of English education in Korea."
    assert [f.status for f in check_pair(korean, english, "ko", "en", curated) if f.entry == "south-korea"] == ["ok"]
    # line 781: "the two Koreas" (남북) asks for no 한국
    english = (
        "``We think it is necessary for the two Koreas to start serious discussions on the matter,’’ Kim Chun-sik,"
        " director of the ministry’s Inter-Korean Exchanges and Cooperation Bureau, told reporters."
    )
    korean = "김천식 통일부 교류협력국장은 “남북이 이 문제에 대해 진지하게 논의해야 한다고 생각한다”고 기자단에게 전했다."
    assert [f for f in check_pair(english, korean, "en", "ko", curated) if f.entry == "south-korea"] == []
    # a plural term of another type is still that term
    assert [f.status for f in check_pair("35 North Korean defectors", "탈북자 35명", "en", "ko", curated)] == ["ok"]


@pytest.mark.parametrize(
    "english, korean, status",
    [
        # korean-english-park.dev line 859: the capital as the place the delegation goes to
        ("a Cabinet-level delegation headed by Unification Minister Chung Dong-young will go to Pyongyang for a ceremony",
         "정동영 통일부 장관이 이끄는 장관급 대표단이 6.15 남북공동선언 발표 5주년 기념식에 참석하기 위해 북한을 방문하고", "ok"),
        # the same capital merely named as where something happens is not rendered by the country
        ("The ceremony will be held in Pyongyang.", "기념식은 북한에서 열린다.", "missing"),
    ],
)  # fmt: skip
def test_a_capital_gone_to_is_rendered_by_its_country(curated, english, korean, status):
    [finding] = [f for f in check_pair(english, korean, "en", "ko", curated) if f.entry == "pyongyang"]
    assert finding.status == status


def test_washington_the_city_is_its_own_entry(curated):
    # korean-english-park.dev line 957, a reporter's sign-off, and line 910: talks held there
    [signoff] = check_pair("Diane Kepley, Washington.\u201d", "워싱턴에서 다이엔 케플리였습니다.\u201d", "en", "ko", curated)
    assert (signoff.entry, signoff.status, signoff.found) == ("washington", "ok", "워싱턴")
    english = "The statement came after talks in Washington that were overshadowed by the controversy."
    korean = "세계 은행 총회 직후 이와같이 성명을 발표했었다."
    assert [(f.entry, f.status) for f in check_pair(english, korean, "en", "ko", curated)] == [("washington", "missing")]
    # the government it stands for is still rendered by the country
    [said] = check_pair("Washington said it would wait.", "미국은 기다리겠다고 밝혔다.", "en", "ko", curated)
    assert said.status == "ok"

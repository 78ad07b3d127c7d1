"""Glossary statuses of one sentence pair, both directions."""

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

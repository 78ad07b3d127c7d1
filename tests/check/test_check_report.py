"""Whole documents: rendering kinds, ellipses, split sentences, document scope, severities, signature."""

import pytest

from diglot.check import check, check_document, check_pair, check_presplit, presplit_document, severity, severity_of
from diglot.check.statuses import ERROR, NOTE, WARNING, fails
from diglot.glossary import Matcher, load_glossary

from .conftest import DATA


@pytest.fixture(scope="module")
def kinds():
    return Matcher(load_glossary([DATA / "renderings.yaml"]))


def problems(report):
    return [(f.bead, f.entry, f.status, f.found) for f in report.problems]


def test_an_adjective_renders_the_entry(kinds):
    # korean-english-park.dev line 67
    report = check_presplit(
        "중국 공안당국은 특히 지난 봄 분리 독립 운동을 전개한 티베트 분리주의자를 예의주시하고 있다.\n",
        "Among the potential troublemakers Chinese security specialists have identified are Tibetan separatists.\n",
        "ko", "en", kinds,
    )  # fmt: skip
    assert problems(report) == []


def test_a_reference_renders_the_entry_after_its_first_mention_only(kinds):
    later = "북한은 탈북자를 처벌했다.\n그 탈북자는 북한으로 돌아갔다.\n"
    english = "North Korea punished the North Korean defector.\nThe defector went back to the North.\n"
    doc = presplit_document(later, english, "ko", "en")
    assert [f for f in check_document(doc, kinds) if f.status != "ok"] == []
    first = presplit_document("그 탈북자는 돌아갔다.\n", "The defector went back.\n", "ko", "en")
    [finding] = [f for f in check(first, kinds).problems]
    assert (finding.status, finding.found, finding.expected) == ("first-mention", "defector", "North Korean defector")
    assert severity(finding.status) == WARNING


def test_a_term_rendered_in_the_lines_before_is_an_ellipsis_not_missing(kinds):
    # korean-english-park.dev lines 64-65: "The government" after "China"
    korean = "중국 당국을 긴장시키고 있다.\n중국은 치안 관리를 강화할 것이라고 밝혔다.\n"
    english = "Bombings in China have fueled unease.\nThe government has assured its people of heavy security.\n"
    assert problems(check_presplit(korean, english, "ko", "en", kinds)) == []
    alone = check_presplit(korean.split("\n")[1] + "\n", english.split("\n")[1] + "\n", "ko", "en", kinds)
    assert problems(alone) == [(0, "china", "missing", None)]


def test_a_figure_moved_to_the_next_line_is_matched_there(kinds):
    # korean-english-park.dev lines 721-722: the English put the figures in the next sentence
    korean = "국제유가는 지난 4일간 배럴당 16달러 이상 하락했다.\n투자자들은 공급차질이 영향을 줬다고 평가했다.\n"
    english = "The bulls had been running scared.\nOil prices fell more than $16 a barrel over the previous four sessions.\n"
    assert problems(check_presplit(korean, english, "ko", "en", kinds)) == []


def test_presplit_style_does_not_cross_lines(kinds):
    # two unrelated articles: U.N. in one, United Nations in the other
    korean = "유엔 대표단이 도착했다.\n유엔 총회가 열렸다.\n"
    english = "The United Nations delegation arrived.\nThe United Nations General Assembly met.\n"
    assert problems(check_presplit(korean, english, "ko", "en", kinds)) == []
    # as one aligned document, the second full form is a long-form note
    doc = presplit_document(korean, english, "ko", "en")
    assert [(f.bead, f.status) for f in check(doc, kinds).problems] == [(1, "long-form")]


def test_severities_and_failing():
    assert severity("forbidden") == ERROR and severity("number-changed") == ERROR
    assert severity("variant") == WARNING and severity("missing") == WARNING
    assert severity("long-form") == WARNING and severity("first-mention") == WARNING
    assert severity("inconsistent") == NOTE and severity("ok") is None


def test_a_term_not_found_is_a_note_a_name_not_found_a_warning(kinds):
    # korean-english-park.dev line 649: 구금 (detention) said as "held in secret"; a place stays a warning
    [term] = check_pair("그는 은밀히 구금됐다.", "He is being held in secret.", "ko", "en", Matcher(load_glossary()))
    assert (term.entry, term.status, severity_of(term), fails(term)) == ("detention", "missing", NOTE, False)
    [place] = check_pair("북한은 거부했다.", "It refused.", "ko", "en", kinds)
    assert (place.status, severity_of(place), fails(place)) == ("missing", WARNING, True)
    made_up = check_presplit("탈북자 세 명이 왔다.\n", "Three people came.\n", "ko", "en", kinds)
    assert [severity_of(f) for f in made_up.problems] == [NOTE] and not made_up.failed


def test_a_report_owns_its_signature(kinds):
    report = check_presplit("탈북자\n", "N.K. defector\n", "ko", "en", kinds)
    settings = report.signature.as_dict()
    assert settings["glossary"] == kinds.glossary.fingerprint
    assert (settings["direction"], settings["presplit"], settings["numbers"]) == ("ko-en", "True", "True")
    assert report.failed


def test_a_place_that_only_qualifies_a_noun_may_be_left_implicit(kinds):
    # korean-english-park.dev line 65: 중국 정부 = "The government"
    report = check_presplit("중국 정부는 치안 관리를 강화할 것이라고 밝혔다.\n", "The government has assured its people.\n", "ko", "en", kinds)
    assert problems(report) == []
    report = check_presplit("중국은 치안 관리를 강화할 것이라고 밝혔다.\n", "The government has assured its people.\n", "ko", "en", kinds)
    assert problems(report) == [(0, "china", "missing", None)]

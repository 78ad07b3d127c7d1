"""Fixes: the preferred form goes in, the particle follows it, nothing else changes."""

import unicodedata

import pytest

from diglot.check import check_document, check_pair, fix_document, fix_text
from diglot.check import presplit_document
from diglot.textio import normalize

SOURCES = {"탈북민": "North Korean defectors", "안기부": "the National Intelligence Service", "한양": "Seoul"}


def fixed(target, matcher, source=None):
    variant = next(word for word in SOURCES if word in target)
    findings = check_pair(source or SOURCES[variant], target, "en", "ko", matcher)
    return fix_text(target, findings, matcher.glossary, "ko")


@pytest.mark.parametrize(
    "before, after",
    [
        # consonant → vowel
        ("탈북민은 떠났다", "탈북자는 떠났다"),
        ("탈북민이 떠났다", "탈북자가 떠났다"),
        ("탈북민을 도왔다", "탈북자를 도왔다"),
        ("탈북민과 함께", "탈북자와 함께"),
        ("탈북민으로 인정", "탈북자로 인정"),
        # vowel → consonant
        ("안기부는 밝혔다", "국가정보원은 밝혔다"),
        ("안기부가 밝혔다", "국가정보원이 밝혔다"),
        ("안기부를 개편했다", "국가정보원을 개편했다"),
        ("안기부와 협의", "국가정보원과 협의"),
        ("안기부로 이관", "국가정보원으로 이관"),
        # ㄹ takes 로, not 으로
        ("한양으로 갔다", "서울로 갔다"),
        ("한양은 크다", "서울은 크다"),
        # not a particle that changes: kept as written
        ("탈북민들은 떠났다", "탈북자들은 떠났다"),
        ("탈북민 2명", "탈북자 2명"),
    ],
)
def test_particle_follows_the_new_term(particles, before, after):
    assert fixed(before, particles) == after


def test_english_capital_plural_and_possessive_are_kept(curated):
    source = "강제송환된 탈북자들과 탈북자의 가족"
    target = "Forcible repatriation of N.K. defectors and an N.K. defector's family"
    findings = check_pair(source, target, "ko", "en", curated)
    assert fix_text(target, findings, curated.glossary, "en") == (
        "Forced repatriation of North Korean defectors and a North Korean defector's family"
    )


def test_missing_is_not_guessed(curated):
    target = "We oppose sending them back."
    findings = check_pair("강제북송에 반대한다", target, "ko", "en", curated)
    assert [f.status for f in findings] == ["missing"]
    assert fix_text(target, findings, curated.glossary, "en") == target


def test_only_terms_change_every_other_byte_is_kept(particles, tmp_path):
    # CRLF line ends, a BOM, a decomposed (NFD) word, tabs, a no-break space and trailing blanks.
    nfd = unicodedata.normalize("NFD", "한국")
    raw = f"\ufeff안기부는\t{nfd} 정부와\u00a0 협의했다.  \r\n탈북민을 도왔다 \r\n한양으로 갔다\r\n"
    source = "the National Intelligence Service talked with the government.\nWe helped defectors.\nto Seoul\n"
    doc = presplit_document(source, normalize(raw), "en", "ko")
    findings = check_document(doc, particles)
    result = fix_document(raw, doc, findings, particles.glossary)
    assert result.text == f"\ufeff국가정보원은\t{nfd} 정부와\u00a0 협의했다.  \r\n탈북자를 도왔다 \r\n서울로 갔다\r\n"
    assert (result.applied, result.skipped) == (3, 0)


def test_later_mentions_take_the_short_form(news):
    source = "John McCain met Obama.\nMcCain left."
    target = "존 매케인은 오바마를 만났다.\n맥케인은 떠났다."
    doc = presplit_document(source, target, "en", "ko")
    result = fix_document(target, doc, check_document(doc, news), news.glossary)
    assert result.text == "존 매케인은 오바마를 만났다.\n매케인은 떠났다."


@pytest.mark.parametrize(
    "before, after",
    [
        ("He met an N.K. defector.", "He met a North Korean defector."),
        ("An N.K. defector spoke.", "A North Korean defector spoke."),
        ("He met a N.K. defector.", "He met a North Korean defector."),
    ],
)
def test_english_article_follows_the_new_term(curated, before, after):
    findings = check_pair("탈북자", before, "ko", "en", curated)
    assert fix_text(before, findings, curated.glossary, "en") == after


def test_article_before_an_acronym_turned_long_form(particles):
    target = "an Agency for National Security Planning official"
    findings = check_pair("안기부 직원", target, "ko", "en", particles)
    assert fix_text(target, findings, particles.glossary, "en") == "a National Intelligence Service official"


def test_headline_title_case_is_kept(curated):
    target = "China Halts Forcible Repatriation"
    findings = check_pair("중국, 강제북송 중단", target, "ko", "en", curated)
    assert fix_text(target, findings, curated.glossary, "en") == "China Halts Forced Repatriation"


def test_quoted_speech_is_reported_but_not_rewritten(curated):
    from diglot.check import check_pair, fix_text

    target = 'He said "the N.K. defectors must go home", and the N.K. defectors left.'
    findings = check_pair("그는 탈북자들이 돌아가야 한다고 말했고 탈북자들은 떠났다.", target, "ko", "en", curated)
    variants = [f for f in findings if f.status == "variant"]
    assert len(variants) == 2
    assert "direct quotation" in variants[0].message and "direct quotation" not in variants[1].message
    assert fix_text(target, findings, curated.glossary, "en") == (
        'He said "the N.K. defectors must go home", and the North Korean defectors left.'
    )


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("“우리는 강제송환에 반대한다”고 말했다", True),
        ("Kim's ``the N.K. defectors'' said", True),
        ("the defectors' families said", False),  # an apostrophe opens nothing
        ('an open " quote with no end: the N.K. defectors', False),
    ],
)
def test_quotations(text, quoted):
    from diglot.check.quotes import in_quotation

    offset = max(text.find("강제송환"), text.find("N.K."), text.find("defectors"))
    assert in_quotation(text, offset) is quoted


def test_a_fix_that_would_repeat_the_sentence_is_refused(curated):
    from diglot.check import check_pair, fix_text

    # the seed article: "alleged defectors from North Korea"
    target = "China should stop the deportation of alleged N.K. defectors from North Korea."
    findings = check_pair("중국은 탈북자 추방을 중단해야 한다.", target, "ko", "en", curated)
    [variant] = [f for f in findings if f.status == "variant"]
    assert "not fixed: North Korean defector would repeat North Korean" in variant.message
    assert fix_text(target, findings, curated.glossary, "en") == target
    # a sentence that speaks of South Korean nationality is no reason to refuse
    target = "Two of the N.K. defectors hold South Korean nationality."
    findings = check_pair("탈북자 가운데 2명은 한국 국적을 얻었다.", target, "ko", "en", curated)
    assert fix_text(target, findings, curated.glossary, "en") == "Two of the North Korean defectors hold South Korean nationality."

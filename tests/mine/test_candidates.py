from diglot.mine.candidates import english_candidates, english_key, english_tokens, korean_candidates, singular


def texts(found):
    return [c.text for c in found]


def keys(found):
    return {c.key for c in found}


def test_korean_nouns_come_from_morphology_not_whitespace():
    (found,) = korean_candidates(["탈북자들은 강제 북송을 우려한다"])
    assert "탈북자" in texts(found)  # 들 and 은 are not part of the term
    assert "탈북자들은" not in texts(found)
    assert "강제 북송" in texts(found)  # bare noun + noun: a phrase
    assert "강제북송" in keys(found)  # counted without the space, so spacing variants meet


def test_korean_compounds_and_their_parts():
    (found,) = korean_candidates(["정부는 지하 핵실험을 중지시켰다."])
    assert {"핵실험", "실험"} <= set(texts(found))
    assert "핵" not in texts(found)  # one syllable, common noun: too ambiguous alone


def test_korean_predicates_and_stopwords_are_left_out():
    (found,) = korean_candidates(["정부는 이번 설비를 공개하며 말했다."])
    assert "공개" not in texts(found)  # 공개하며: a verb
    assert "이번" not in texts(found)  # refers, names nothing
    assert "설비" in texts(found)


def test_korean_latin_script_tokens():
    (found,) = korean_candidates(["IOC 위원장은 FDA를 방문했다"])
    assert {"IOC", "FDA", "IOC 위원장", "위원장"} <= set(texts(found))


def test_korean_batch_keeps_order_and_empty_texts():
    found = korean_candidates(["경찰", "", "서울 경찰"])
    assert [texts(f) for f in found] == [["경찰"], [], ["서울", "서울 경찰", "경찰"]]


def test_english_tokens_keep_acronyms_and_split_possessives():
    assert english_tokens("North Korea's U.S. envoy, Kim Jong-il") == [
        "North", "Korea", "'s", "U.S.", "envoy", ",", "Kim", "Jong-il",
    ]  # fmt: skip


def test_english_noun_phrases_stop_at_function_words_verbs_and_punctuation():
    found = texts(english_candidates("Government researchers quickly showed off the nuclear weapons arsenal."))
    assert {"Government researchers", "nuclear weapons arsenal", "nuclear weapons", "arsenal"} <= set(found)
    assert not any("quickly" in f or "the" in f.split() for f in found)


def test_english_names_with_joiners_and_titles():
    found = texts(english_candidates("Sen. Barack Obama met the Commission to Help North Korean Refugees in New York."))
    assert {"Barack Obama", "Sen."} <= set(found)
    assert not any(f.startswith("Sen. ") for f in found)  # a title before a name is not part of it
    assert "Commission to Help North Korean Refugees" in found
    assert "New York" in found


def test_english_key_ignores_case_plural_and_abbreviation_stops():
    assert english_key("North Korean defectors") == "north korean defector"
    assert english_key("Sen. Obama") == english_key("Sen Obama") == "sen obama"
    assert english_key("U.S.") == "u.s."


def test_singular():
    assert [singular(w) for w in ("forces", "cities", "boxes", "talks", "ads", "news", "bus", "u.s.")] == [
        "force", "city", "box", "talk", "ad", "new", "bus", "u.s.",
    ]  # fmt: skip

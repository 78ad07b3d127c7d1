"""Whole names, titles and entity types of mined pairs, on small made-up news sentences."""

from diglot.mine import propose
from diglot.mine.corpus import BeadText
from diglot.mine.entity_types import entity_type, is_place_name, is_title_with_holder, without_title
from diglot.mine.termhood import korean_zipf, termhood

KOREAN = [
    "이명박 대통령은 어제 서울에서 연설했다.", "이명박 대통령이 일본을 방문했다.", "청와대는 이명박 대통령의 일정을 발표했다.",
    "버락 오바마 상원의원은 시카고에서 연설했다.", "버락 오바마 상원의원이 이라크를 방문했다.", "오바마는 경제를 말했다.",
    "이명박 대통령과 버락 오바마 상원의원이 만났다.", "오바마는 선거에서 이겼다.",
    "날씨가 맑았다.", "주가가 올랐다.", "학생들이 시험을 봤다.", "비가 많이 내렸다.", "새 다리가 개통됐다.",
    "축구 경기가 열렸다.", "시장이 붐볐다.", "공장이 문을 닫았다.",
]  # fmt: skip
ENGLISH = [
    "President Lee Myung-bak spoke in Seoul yesterday.", "President Lee Myung-bak visited Japan.",
    "Cheong Wa Dae announced the schedule of President Lee Myung-bak.", "Sen. Barack Obama spoke in Chicago.",
    "Sen. Barack Obama visited Iraq.", "Obama spoke about the economy.", "President Lee Myung-bak and Sen. Barack Obama met.",
    "Obama won the election.", "The weather was clear.", "Share prices rose.", "Students took an exam.", "It rained a lot.",
    "A new bridge opened.", "A football match was held.", "The market was crowded.", "The factory closed.",
]  # fmt: skip


def mined():
    beads = [BeadText(ko, en, f"t:{n}") for n, (ko, en) in enumerate(zip(KOREAN, ENGLISH), 1)]
    return {(e.preferred("ko"), e.preferred("en")): e.type for e in propose(beads, min_pairs=1)}


def test_whole_names_not_their_parts_nor_their_titles():
    pairs = mined()
    assert pairs[("이명박", "Lee Myung-bak")] == "person"  # the whole romanised name, given name hyphenated
    assert pairs[("버락 오바마", "Barack Obama")] == "person"
    assert pairs[("오바마", "Obama")] == "person"  # written alone too: a name of its own
    assert not any(ko == "버락" or en in ("Barack", "Myung-bak") for ko, en in pairs)  # parts of names
    assert not any(en.startswith(("President ", "Sen. ")) for _ko, en in pairs)  # a name with its title


def test_everyday_words_have_low_termhood_names_and_rare_terms_keep_theirs():
    assert korean_zipf("경찰") > 4 and korean_zipf("강제북송") == 0  # the Korean list is read without MeCab
    assert termhood("경찰", "police") < 0.1
    assert termhood("정부", "government") < 0.1
    assert termhood("암호", "encryption") > 0.9
    assert termhood("경찰", "Police") == 1.0  # written with a capital: a name
    assert termhood("강제북송", "forced repatriation") == 1.0  # Korean not a common word
    assert termhood("경찰", "police", corpus_zipf=8.5) > 0.5  # police one word in thirty: the corpus is about it


def test_entity_types_from_shape_words_and_context():
    assert entity_type("FDA", "FDA") == "organization"
    assert entity_type("미국", "U.S.") == "place"
    assert entity_type("신화통신", "Xinhua") == "organization"
    assert entity_type("루비사", "Ruby", transliterated=True) == "organization"
    assert entity_type("대변인", "spokesman") == "title"
    assert entity_type("올림픽", "Olympics") == "event"
    assert entity_type("돌리", "Dolly", [("허리케인 돌리가 상륙했다.", "Hurricane Dolly made landfall.")], True) == "event"
    assert entity_type("이스라엘", "Israeli") == "place"
    assert entity_type("반기문", "Ban Ki-moon", transliterated=True) == "person"
    assert entity_type("유엔 안보리", "U.N. Security Council") == "organization"
    assert entity_type("국무장관", "Secretary of State") == "title"
    assert entity_type("한반도", "Korean Peninsula") == "place"  # not a person, though 한 is a surname
    assert entity_type("연평도", "Yeonpyeong Island", transliterated=True) == "place"
    assert entity_type("탈북자", "defectors") == "term"
    said = [("킹은 말했다.", "King said he sent a letter.")]
    assert entity_type("킹", "King", said, transliterated=True) == "person"
    town = [("그는 애리조나에서 살았다.", "He lived in Arizona.")]
    assert entity_type("애리조나", "Arizona", town, transliterated=True) == "place"


def test_places_titles_and_their_holders():
    assert is_place_name("Frankfurt") and is_place_name("Chinese") and not is_place_name("Obama")
    assert is_title_with_holder("총장", "Ban") and not is_title_with_holder("상원의원", "Sen.")
    assert without_title("이명박 대통령") == "이명박" and without_title("국무장관 콘돌리자 라이스") == "콘돌리자라이스"
    assert without_title("버락 오바마") is None


def test_latin_on_the_korean_side_pairs_only_with_what_holds_it():
    from diglot.mine.propose import _latin_unlike

    assert _latin_unlike("NYMEX", "sweet crude") and _latin_unlike("MS", "Icahn")
    assert not _latin_unlike("FDA", "FDA") and not _latin_unlike("CEO", "chief executive")
    assert not _latin_unlike("ASCI White", "ASCI White") and not _latin_unlike("오바마", "Obama")

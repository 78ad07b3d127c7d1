import pytest

from diglot.errors import InputError
from diglot.glossary import load_glossary
from diglot.glossary.formats.yaml import dump_entries, entries_with_lines
from diglot.mine import propose as propose_from

EXPECTED = {
    ("경찰", "police"),
    ("오바마", "Obama"),
    ("탈북자", "defectors"),
    ("폭발", "explosion"),
    ("대변인", "spokesman"),
    ("뉴욕", "New York"),
    ("텍사스", "Texas"),
    ("성명", "statement"),
    ("세계보건기구", "World Health Organization"),
    ("지침", "guidelines"),
}


def propose(beads, *args, **kwargs):
    """The fixture is 18 pairs: below the amount mining asks for, on purpose small."""
    return propose_from(beads, *args, min_pairs=1, **kwargs)


def pairs(entries):
    return [(e.preferred("ko"), e.preferred("en")) for e in entries]


def test_proposes_the_term_pairs_of_the_corpus(beads):
    entries = propose(beads)
    assert set(pairs(entries)) == EXPECTED
    assert pairs(entries)[0] == ("오바마", "Obama")  # a name, seen together each time
    assert pairs(entries)[-1] == ("경찰", "police")  # seen together most often, but an everyday word


def test_everyday_words_rank_below_names_and_terms(beads):
    evidence = {e.preferred("ko"): e.evidence for e in propose(beads)}
    police, defectors = evidence["경찰"], evidence["탈북자"]
    assert police["association"] > defectors["association"]  # police goes with 경찰 more surely...
    assert police["termhood"] < 0.1 < 0.9 < defectors["termhood"]  # ...but is an everyday word
    assert police["score"] == pytest.approx(police["association"] * police["termhood"], abs=0.002)
    assert evidence["오바마"]["termhood"] == 1.0  # a name is never an everyday word


def test_proposals_carry_a_type(beads):
    types = {e.preferred("en"): e.type for e in propose(beads)}
    assert types == {
        "Obama": "person", "defectors": "term", "spokesman": "title", "explosion": "term", "New York": "place",
        "Texas": "place", "World Health Organization": "organization", "guidelines": "term", "statement": "term",
        "police": "term",
    }  # fmt: skip


def test_too_few_sentence_pairs_propose_nothing(beads):
    with pytest.raises(InputError, match="only 18 aligned sentence pairs: mining needs at least 100"):
        propose_from(beads)


def test_proposals_are_entries_with_evidence(beads):
    entry = next(e for e in propose(beads) if e.id == "police")
    assert (entry.type, entry.status) == ("term", "proposed")
    evidence = entry.evidence
    assert evidence["frequency"] == 5 and evidence["ko_frequency"] == 5 and evidence["en_frequency"] == 5
    assert evidence["dice"] == 1.0 and evidence["score"] > 0 and evidence["llr"] > 10.83
    assert len(evidence["examples"]) == 3
    assert evidence["examples"][0] == {
        "ko": "경찰은 어제 서울에서 폭발 사건을 조사했다.",
        "en": "Police investigated the explosion in Seoul yesterday.",
        "where": "corpus.ko:1",
    }


def test_proposals_round_trip_through_the_yaml_schema(beads):
    entries = propose(beads, source="mined from corpus.ko")
    problems = []
    parsed = entries_with_lines("entries:\n" + dump_entries(entries), "proposals.yaml", problems)
    assert problems == []
    assert [e.as_dict() for e, _line, _col in parsed] == [e.as_dict() for e in entries]


def test_glossary_terms_and_excluded_pairs_are_left_out(beads, glossary_file):
    entries = propose(beads, load_glossary([glossary_file]), exclude=[("텍사스", "texas")])
    found = set(pairs(entries))
    assert ("경찰", "police") not in found  # Korean form in the glossary
    assert ("대변인", "spokesman") not in found  # English variant in the glossary
    assert ("텍사스", "Texas") not in found  # rejected before (compared case-insensitively)
    assert ("오바마", "Obama") in found


def test_ids_are_unique_and_avoid_glossary_ids(beads, glossary_file):
    glossary = load_glossary([glossary_file])
    entries = propose(beads, glossary)
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    assert not set(ids) & {e.id for e in glossary}
    assert "world-health-organization" in ids


def test_limit_and_min_count(beads):
    assert len(propose(beads, limit=3)) == 3
    assert pairs(propose(beads, min_count=4)) == [("경찰", "police")]


def test_common_nouns_are_written_in_lower_case_names_as_written(beads):
    written = dict(pairs(propose(beads)))
    assert written["경찰"] == "police"  # "Police ..." starts three sentences, "police" is in two more
    assert written["뉴욕"] == "New York"

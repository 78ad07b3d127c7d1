from diglot.glossary import load_glossary
from diglot.glossary.formats.yaml import dump_entries, entries_with_lines
from diglot.mine import propose

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


def pairs(entries):
    return [(e.preferred("ko"), e.preferred("en")) for e in entries]


def test_proposes_the_term_pairs_of_the_corpus(beads):
    entries = propose(beads)
    assert set(pairs(entries)) == EXPECTED
    assert pairs(entries)[0] == ("경찰", "police")  # seen together most often


def test_proposals_are_entries_with_evidence(beads):
    entry = propose(beads, limit=1)[0]
    assert (entry.id, entry.type, entry.status) == ("police", "term", "proposed")
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

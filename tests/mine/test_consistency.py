from diglot.glossary import load_glossary
from diglot.mine import line_pairs
from diglot.mine.consistency import NONE, glossary_consistency, mined_consistency


def renderings(report):
    return [(r.form, r.kind, r.count) for r in report.renderings]


def test_glossary_terms_with_each_kind_of_rendering(glossary_file):
    beads = line_pairs(
        "경찰이 왔다.\n경찰이 떠났다.\n경찰이 웃었다.\n대변인이 말했다.\n",
        "The police came.\nThe cops left.\nOfficers laughed.\nThe spokesperson spoke.\n",
    )
    reports = {r.entry: r for r in glossary_consistency(beads, load_glossary([glossary_file]))}
    police = reports["police"]
    assert police.occurrences == 3 and not police.is_consistent
    assert renderings(police) == [("police", "preferred", 1), ("cops", "forbidden", 1), ("", NONE, 1)]
    assert police.renderings[1].examples == ["ko:2: The cops left."]
    assert reports["spokesperson"].is_consistent
    assert list(reports) == ["police", "spokesperson"]  # terms that need a decision first


def test_renderings_of_every_glossary_kind_are_counted():
    # the curated glossary's adjective and accepted forms: "Chinese" for 중국, "Seoul" for the government
    beads = line_pairs("중국 정부가 말했다.\n중국이 거부했다.\n", "The Chinese government said so.\nChina refused.\n")
    [china] = [r for r in glossary_consistency(beads, load_glossary()) if r.entry == "china"]
    assert sorted(renderings(china)) == [("China", "preferred", 1), ("Chinese", "adjective", 1)]


def test_mined_renderings_keep_only_terms_whose_best_partner_they_are(beads):
    reports = {r.term: r for r in mined_consistency(beads, min_count=2)}
    assert renderings(reports["경찰"])[0] == ("police", "other", 5)
    # 오바마 shares sentences with 텍사스, but Texas renders 텍사스, not 오바마
    assert "Texas" not in [r.form for r in reports["오바마"].renderings]
    assert reports["오바마"].is_consistent


def test_mined_renderings_leave_out_glossary_terms(beads, glossary_file):
    reports = {r.term for r in mined_consistency(beads, load_glossary([glossary_file]), min_count=2)}
    assert "경찰" not in reports and "오바마" in reports

import io
import json
import re

import pytest

from diglot.cli import main
from diglot.glossary import load_glossary
from diglot.mine.review import read_entries, rejected_path

from .conftest import EN, KO


@pytest.fixture
def proposals(tmp_path, capsys):
    path = tmp_path / "proposals.yaml"
    assert main(["glossary", "mine", "--presplit", "--no-glossary", "--min-pairs", "10", str(KO), str(EN), "-o", str(path), "--top", "5"]) == 0
    capsys.readouterr()
    return path


def feed(monkeypatch, text):
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_mine_writes_proposals_with_provenance(proposals):
    text = proposals.read_text(encoding="utf-8")
    assert text.startswith("# proposed by diglot glossary mine")
    assert "|min_count:2|min_pairs:10|presplit:True|task:mine" in text
    entries = read_entries(proposals)
    assert len(entries) == 5 and all(e.status == "proposed" and e.evidence for e in entries)


def test_mine_to_standard_output_with_a_glossary(capsys, glossary_file):
    assert main(["glossary", "mine", "--presplit", "--min-pairs", "10", "-g", str(glossary_file), str(KO), str(EN)]) == 0
    out = capsys.readouterr().out
    assert "preferred: Obama" in out and "preferred: 경찰" not in out  # 경찰 is in the glossary


def test_mine_refuses_to_overwrite_and_leaves_out_rejected_pairs(proposals, tmp_path, monkeypatch, capsys):
    args = ["glossary", "mine", "--presplit", "--no-glossary", "--min-pairs", "10", str(KO), str(EN), "-o", str(proposals)]
    assert main(args) == 2
    assert "exists; use --force" in capsys.readouterr().err
    feed(monkeypatch, "r\nq\n")
    assert main(["glossary", "review", str(proposals), "--into", str(tmp_path / "terms.yaml")]) == 0
    rejected = read_entries(rejected_path(proposals))[0]
    assert main(args + ["--force"]) == 0
    assert rejected.preferred("ko") not in [e.preferred("ko") for e in read_entries(proposals)]


def test_interactive_review(proposals, tmp_path, monkeypatch, capsys):
    glossary = tmp_path / "terms.yaml"
    first, second, third, fourth, _fifth = read_entries(proposals)
    # accept, reject, skip, a wrong key then edit (Korean kept, English, its variants and type changed), quit
    feed(monkeypatch, "a\nr\ns\nx\ne\n\n\nspeaker\nspokesman, spokeswoman\ntitle\n\n\nq\n")
    assert main(["glossary", "review", str(proposals), "--into", str(glossary)]) == 0
    captured = capsys.readouterr()
    assert "1/5" in captured.out and first.preferred("ko") in captured.out
    assert "answer a, e, r, s or q" in captured.err
    assert "2 accepted, 1 rejected, 1 skipped; 2 left" in captured.out
    approved = {e.id: e for e in load_glossary([glossary])}
    assert set(approved) == {first.id, fourth.id}
    assert approved[fourth.id].preferred("en") == "speaker" and approved[fourth.id].type == "title"
    assert approved[fourth.id].langs["en"].variants == ["spokesman", "spokeswoman"]
    assert approved[fourth.id].preferred("ko") == fourth.preferred("ko")
    assert all(e.status == "approved" for e in approved.values())
    assert [e.id for e in read_entries(rejected_path(proposals))] == [second.id]
    # resume: the skipped proposal comes first; the end of input quits and keeps the state
    feed(monkeypatch, "")
    assert main(["glossary", "review", str(proposals), "--into", str(glossary)]) == 0
    assert "1/2" in capsys.readouterr().out
    assert [e.id for e in read_entries(proposals)] == [third.id, _fifth.id]


def test_batch_review_accepts_above_a_score(proposals, tmp_path, capsys):
    entries = read_entries(proposals)
    threshold = entries[1].evidence["score"]
    glossary = tmp_path / "terms.yaml"
    assert main(["glossary", "review", str(proposals), "--into", str(glossary), "--accept-above", str(threshold)]) == 0
    accepted = [e for e in entries if e.evidence["score"] >= threshold]
    assert [e.id for e in load_glossary([glossary])] == [e.id for e in accepted]
    assert len(read_entries(proposals)) == len(entries) - len(accepted)
    assert f"accepted {len(accepted)} proposals" in capsys.readouterr().out
    assert main(["glossary", "review", str(proposals), "--into", str(glossary), "--accept-above", "0"]) == 0
    assert main(["glossary", "review", str(proposals), "--into", str(glossary)]) == 0
    assert "no proposals left" in capsys.readouterr().out


def test_consistency_reports_glossary_forms_and_mined_renderings(glossary_file, capsys):
    code = main(["glossary", "consistency", "--presplit", "-g", str(glossary_file), "--all", "--json", str(KO), str(EN)])
    assert code == 1  # 대변인 is rendered with its variant "spokesman"
    report = json.loads(capsys.readouterr().out)
    assert report["sentence_pairs"] == 18 and report["signature"]["task"] == "consistency"
    glossary = {r["entry"]: r for r in report["glossary"]}
    police = {(x["form"], x["kind"]): x["count"] for x in glossary["police"]["renderings"]}
    assert police == {("police", "preferred"): 5}
    spokesperson = glossary["spokesperson"]["renderings"]
    assert [(x["form"], x["kind"], x["count"]) for x in spokesperson] == [("spokesman", "variant", 3)]
    assert spokesperson[0]["examples"][0].startswith("corpus.ko:3: A spokesman said")
    mined = {r["term"]: r for r in report["mined"]}
    assert "경찰" not in mined  # a glossary term
    assert [x["form"] for x in mined["오바마"]["renderings"]][0] == "Obama"


def test_consistency_table(glossary_file, capsys):
    assert main(["glossary", "consistency", "--presplit", "-g", str(glossary_file), str(KO), str(EN)]) == 1
    out = capsys.readouterr().out
    assert "spokesman (variant)" in out and "18 aligned sentence pairs compared" in out
    assert "police (preferred)" not in out  # consistent: shown with --all only


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["glossary", "mine"], "give Korean and English files in pairs, or --jsonl"),
        (["glossary", "mine", "--presplit", str(KO)], "in pairs"),
        (["glossary", "mine", "--jsonl", "docs.jsonl", str(KO), str(EN)], "not both"),
        (["glossary", "mine", "--presplit", str(KO), "missing.en"], "missing.en: no such file"),
        (["glossary", "mine", "--top", "0", str(KO), str(EN)], "argument --top: expected a whole number of at least 1"),
        (["glossary", "consistency", "--min-count", "0", str(KO), str(EN)], "argument --min-count: expected a whole"),
        (["glossary", "review", "missing.yaml", "--into", "terms.yaml"], "missing.yaml: no such file"),
        (["glossary", "mine", "--presplit", str(KO), str(EN), "-o", "no/such/dir/p.yaml"], "the folder no/such/dir does not exist"),
        (["glossary", "mine", "--presplit", "--min-pairs", "0", str(KO), str(EN)], "argument --min-pairs: expected a"),
        (["glossary", "mine", "--presplit", str(KO), str(EN)], "only 18 aligned sentence pairs: mining needs at least 100"),
    ],
)
def test_bad_input_gets_one_line_and_exit_2(args, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    try:
        code = main(args)
    except SystemExit as stop:  # option values are refused by argparse, with the usage line
        code = stop.code
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_mine_aligns_documents_and_jsonl(tmp_path, capsys):
    ko = KO.read_text(encoding="utf-8").replace("\n", " ", 5)  # one paragraph of six sentences, then lines
    en = EN.read_text(encoding="utf-8").replace("\n", " ", 5)
    (tmp_path / "doc.ko").write_text(ko, encoding="utf-8")
    (tmp_path / "doc.en").write_text(en, encoding="utf-8")
    assert main(["glossary", "mine", "--no-glossary", "--min-pairs", "10", str(tmp_path / "doc.en"), str(tmp_path / "doc.ko")]) == 0
    assert "preferred: 오바마" in capsys.readouterr().out
    record = {"id": "d1", "ko": KO.read_text(encoding="utf-8").splitlines(), "en": EN.read_text(encoding="utf-8").splitlines()}
    (tmp_path / "docs.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["glossary", "consistency", "--no-glossary", "--all", "--json", "--jsonl", str(tmp_path / "docs.jsonl")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sentence_pairs"] == 18 and report["glossary"] == []
    assert report["mined"][0]["renderings"][0]["examples"][0].startswith("d1#")
    wheres = [x["where"] for e in read_entries_of(capsys, tmp_path) for x in e.evidence["examples"]]
    assert wheres and all(re.fullmatch(r"d1#[1-9][0-9]*", w) for w in wheres)  # beads counted from 1


def read_entries_of(capsys, tmp_path):
    """Mine docs.jsonl into a file and read its proposals back."""
    out = tmp_path / "proposals.yaml"
    assert main(["glossary", "mine", "--no-glossary", "--min-pairs", "10", "--jsonl", str(tmp_path / "docs.jsonl"), "-o", str(out)]) == 0
    capsys.readouterr()
    return read_entries(out)


def test_edit_of_a_proposal_without_korean_asks_for_it(tmp_path, monkeypatch, capsys):
    proposals = tmp_path / "proposals.yaml"
    proposals.write_text(
        "entries:\n  - id: obama\n    type: person\n    status: proposed\n    en:\n      preferred: Obama\n",
        encoding="utf-8",
    )
    glossary = tmp_path / "terms.yaml"
    feed(monkeypatch, "e\n오바마\n\n\n\n\n\n\n")  # the Korean given, every other field kept
    assert main(["glossary", "review", str(proposals), "--into", str(glossary)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "1 accepted" in captured.out
    (entry,) = load_glossary([glossary])
    assert (entry.preferred("ko"), entry.preferred("en"), entry.type) == ("오바마", "Obama", "person")


def test_the_mining_commands_load_no_mining_code_until_they_run():
    import subprocess
    import sys

    code = (
        "import sys, diglot.cli.glossary_mine, diglot.cli.glossary_review, diglot.cli.glossary_consistency\n"
        "from diglot.cli.glossary_mine import DEFAULT_MIN_PAIRS\n"
        "print(sorted(m for m in sys.modules if m.startswith(('diglot.mine', 'rich.table', 'kiwipiepy'))), DEFAULT_MIN_PAIRS)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    from diglot.mine import MIN_SENTENCE_PAIRS

    assert out == ["[]", str(MIN_SENTENCE_PAIRS)]  # the --help default is the library's

"""build_edition on the seed article, and ``diglot edition`` end to end, good input and bad."""

import json

import pytest

from diglot.cli import main
from diglot.edition import build_edition
from diglot.errors import DiglotError, InputError

from .conftest import SEED_EN, SEED_KO


def test_seed_edition_aligns_the_article_with_its_korean_edition(seed_edition):
    doc = seed_edition.doc
    assert (doc.id, doc.src_lang, doc.tgt_lang) == ("000_4cf5f6c82bb4f27d", "en", "ko")
    # Every segment of both sides is in exactly one bead, in order.
    assert [i for b in doc.beads for i in b.src] == list(range(len(doc.src)))
    assert [j for b in doc.beads for j in b.tgt] == list(range(len(doc.tgt)))
    rows = seed_edition.rows
    pairs = [(r.source, r.target) for r in rows if r.complete and not r.boilerplate]
    assert pairs[0] == ("Seoul urges China to stop deporting N.K. defectors", "정부, 중국에 탈북자 강제북송 중단 촉구")
    assert seed_edition.title == pairs[0][0]
    noise = {r.source or r.target for r in rows if r.boilerplate}
    assert {"The Korea Herald", "코리아헤럴드", "(Yonhap News)", "(연합뉴스)"} <= noise
    summary = seed_edition.summary()
    assert summary["pairs"] >= 14 and summary["terms"] > 50
    assert str(seed_edition.signature).startswith("diglot:")
    assert seed_edition.signature.glossary.startswith("sha256:")


def test_korean_first_makes_korean_the_source(glossary):
    edition = build_edition(SEED_KO.read_text(encoding="utf-8"), SEED_EN.read_text(encoding="utf-8"), glossary)
    assert (edition.doc.src_lang, edition.doc.tgt_lang) == ("ko", "en")
    assert edition.title == "정부, 중국에 탈북자 강제북송 중단 촉구"


def run(capsys, *argv):
    code = main(["edition", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("suffix", [".html", ".md", ".tmx", ".xlf", ".po", ".tsv", ".jsonl"])
def test_cli_writes_every_format_from_the_suffix(capsys, tmp_path, suffix):
    out = tmp_path / f"seed{suffix}"
    code, stdout, stderr = run(capsys, SEED_EN, SEED_KO, "-o", out)
    assert code == 0, stderr
    assert out.stat().st_size > 500
    assert f"Wrote {out}" in stdout and "beads" in stdout


def test_cli_format_option_wins_over_the_suffix(capsys, tmp_path):
    out = tmp_path / "seed.txt"
    code, _out, stderr = run(capsys, SEED_EN, SEED_KO, "-o", out, "--format", "jsonl")
    assert code == 0, stderr
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["id"] == "000_4cf5f6c82bb4f27d"


def test_cli_uses_the_glossary_given(capsys, tmp_path):
    glossary = tmp_path / "one.yaml"
    glossary.write_text(
        "entries:\n  - id: yanji\n    type: place\n    ko: 옌지\n    en: Yanji\n", encoding="utf-8"
    )
    out = tmp_path / "seed.jsonl"
    code, _out, stderr = run(capsys, SEED_EN, SEED_KO, "-o", out, "-g", glossary)
    assert code == 0, stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {t["entry"] for r in records[1:] for t in r["terms"]} == {"yanji"}


def test_cli_without_glossary_aligns_only(capsys, tmp_path):
    out = tmp_path / "seed.jsonl"
    code, stdout, stderr = run(capsys, SEED_EN, SEED_KO, "-o", out, "--no-glossary")
    assert code == 0, stderr
    header, *beads = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert header["signature"]["glossary"] == "none"
    assert all(not b["terms"] and not b["findings"] for b in beads)
    assert stdout.rstrip().endswith("(jsonl): 23 beads") and "glossary terms" not in stdout


def test_cli_does_not_overwrite_without_force(capsys, tmp_path):
    out = tmp_path / "seed.html"
    out.write_text("an earlier edition", encoding="utf-8")
    code, _out, stderr = run(capsys, SEED_EN, SEED_KO, "-o", out)
    assert code == 2
    assert "seed.html exists; use --force to overwrite it" in stderr
    assert out.read_text(encoding="utf-8") == "an earlier edition"
    code, _out, stderr = run(capsys, SEED_EN, SEED_KO, "-o", out, "--force")
    assert code == 0, stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_refuses_same_language_empty_and_wrongly_encoded_files(capsys, tmp_path):
    out = tmp_path / "x.html"
    code, _out, stderr = run(capsys, SEED_EN, SEED_EN, "-o", out)
    assert code == 2 and "both look English" in stderr and "Traceback" not in stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    code, _out, stderr = run(capsys, SEED_EN, empty, "-o", out)
    assert code == 2 and "empty.txt is empty" in stderr
    cp949 = tmp_path / "article.ko.txt"
    cp949.write_bytes(SEED_KO.read_text(encoding="utf-8").encode("cp949"))
    code, _out, stderr = run(capsys, SEED_EN, cp949, "-o", out)
    assert code == 2 and "article.ko.txt is not valid UTF-8" in stderr and "cp949" in stderr.lower()
    code, _out, stderr = run(capsys, SEED_EN, SEED_KO, "-o", tmp_path / "x.docx")
    assert code == 2 and "cannot tell the edition format from the suffix" in stderr
    assert not out.exists()


def test_cli_help_teaches_with_examples(capsys):
    with pytest.raises(SystemExit):
        main(["edition", "--help"])
    text = capsys.readouterr().out
    assert "diglot edition seeds/000_4cf5f6c82bb4f27d.txt seeds/000_4cf5f6c82bb4f27d.ko.txt -o article.html" in text
    assert "--force" in text and "xliff" in text

"""``diglot align`` end to end, in process, with every bad input it must refuse clearly."""

from __future__ import annotations

import json
import unicodedata

import pytest

from diglot.cli import main

from .conftest import DEV, assert_covers


@pytest.fixture
def seed_files(tmp_path, seed_texts):
    ko, en = tmp_path / "a.ko.txt", tmp_path / "a.en.txt"
    ko.write_text(seed_texts[0], encoding="utf-8")
    en.write_text(seed_texts[1], encoding="utf-8")
    return ko, en


def tsv_rows(text):
    """The rows of the edition TSV layout as dicts: bead, paragraph, <src>_ids, <tgt>_ids, <src>, <tgt>, kind…"""
    header, *rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    return [dict(zip(header, row)) for row in rows]


def test_align_two_files_as_tsv(seed_files, capsys):
    assert main(["align", *map(str, seed_files)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# diglot:")
    rows = tsv_rows(out)
    assert {"bead": "2", "ko_ids": "", "en_ids": "1", "en": "The Korea Herald", "kind": "boilerplate"}.items() <= rows[1].items()
    aligned = [r for r in rows if r["kind"] == "1-1"]
    assert any(r["ko"].startswith("김성환 외교통상부 장관은") and r["en"].startswith("At a parliamentary audit") for r in aligned)


def test_align_and_edition_write_one_tsv_layout(seed_files, tmp_path):
    aligned, edition = tmp_path / "align.tsv", tmp_path / "edition.tsv"
    assert main(["align", *map(str, seed_files), "-o", str(aligned)]) == 0
    assert main(["edition", *map(str, seed_files), "-o", str(edition), "--no-glossary"]) == 0
    header = lambda path: [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")][0]  # noqa: E731
    assert header(aligned) == header(edition)
    assert [r["ko_ids"] for r in tsv_rows(aligned.read_text(encoding="utf-8"))] == [
        r["ko_ids"] for r in tsv_rows(edition.read_text(encoding="utf-8"))
    ]


def test_output_file_force_and_formats(seed_files, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["align", *map(str, seed_files), "-o", str(out)]) == 0  # the format from the suffix
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["src_lang"] == "ko" and lines[0]["signature"]["task"] == "align"
    assert lines[1]["bead"] == 1 and {"src", "tgt", "src_segments", "tgt_segments", "kind", "score"} <= set(lines[1])
    assert main(["align", *map(str, seed_files), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["align", *map(str, seed_files), "-o", str(out), "--format", "md", "--force"]) == 0
    assert "| # | 한국어 | English |" in out.read_text(encoding="utf-8")


def test_english_file_first(seed_files, capsys):
    assert main(["align", str(seed_files[1]), str(seed_files[0])]) == 0
    rows = tsv_rows(capsys.readouterr().out)
    assert list(rows[0])[2:4] == ["en_ids", "ko_ids"]
    assert any(r["en"].startswith("At a parliamentary audit") and r["ko"].startswith("김성환") for r in rows)


def test_presplit_files(tmp_path, capsys):
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text("정부는 35명을 도왔다.\n(연합뉴스)\n김정일은 평양에 있다.\n", encoding="utf-8")
    en.write_text("The government helped 35 people.\nKim Jong-il is in Pyongyang.\n", encoding="utf-8")
    assert main(["align", "--presplit", str(ko), str(en), "--format", "jsonl"]) == 0
    beads = [json.loads(line) for line in capsys.readouterr().out.splitlines()[1:]]
    assert [(b["src_segments"], b["tgt_segments"], b["kind"]) for b in beads] == [
        ([1], [1], "1-1"), ([2], [], "boilerplate"), ([3], [2], "1-1")
    ]  # fmt: skip


def test_presplit_files_and_batch_give_the_same_segments(tmp_path, capsys):
    """A pre-split file and the same lines in a batch document are read alike (spaces, page noise)."""
    korean = ["  정부는   35명을 도왔다. ", "(연합뉴스)", "", "김정일은\t평양에 있다."]
    english = ["The government  helped 35 people.", "Kim Jong-il is in Pyongyang.  "]
    ko, en, batch = tmp_path / "ko.txt", tmp_path / "en.txt", tmp_path / "docs.jsonl"
    ko.write_text("\n".join(korean) + "\n", encoding="utf-8")
    en.write_text("\n".join(english) + "\n", encoding="utf-8")
    batch.write_text(json.dumps({"id": "a", "ko": korean, "en": english}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["align", "--presplit", str(ko), str(en), "--format", "jsonl", "--no-glossary"]) == 0
    files = [json.loads(line) for line in capsys.readouterr().out.splitlines()[1:]]
    assert main(["align", "--presplit", "--jsonl", str(batch), "--no-glossary"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    from_files = [[[i - 1 for i in b["src_segments"]], [j - 1 for j in b["tgt_segments"]]] for b in files]
    assert record["alignment"] == from_files
    assert files[0]["src"] == "정부는   35명을 도왔다."  # the line, its ends stripped


def test_batch_contract(tmp_path, capsys):
    docs = DEV.read_text(encoding="utf-8").splitlines()[:4]
    batch = tmp_path / "docs.jsonl"
    batch.write_text("\n".join(docs) + "\n", encoding="utf-8")
    assert main(["align", "--presplit", "--jsonl", str(batch)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 4
    for line, doc in zip(out, map(json.loads, docs)):
        record = json.loads(line)
        assert set(record) == {"id", "alignment"} and record["id"] == doc["id"]
        assert_covers(record["alignment"], len(doc["ko"]), len(doc["en"]))


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json\n", "line 1: not valid JSON"),
        ('{"id": 1, "ko": "a string"}\n', "line 1: expected an object"),
        ('{"id": NaN, "ko": [], "en": []}\n', "line 1: not valid JSON (NaN is not a JSON number)"),
        ('{"id": 1.5, "ko": [], "en": []}\n', 'line 1: "id" must be a string or an integer'),
        ('{"id": true, "ko": [], "en": []}\n', 'line 1: "id" must be a string or an integer'),
        ('{"id": ' + "9" * 5000 + ', "ko": [], "en": []}\n', "line 1: not valid JSON (a number too long to read)"),
        ("[" * 100_000 + "]" * 100_000 + "\n", "line 1: not valid JSON (nested too deeply)"),
    ],
)
def test_batch_bad_lines(tmp_path, capsys, content, message):
    batch = tmp_path / "docs.jsonl"
    batch.write_text(content, encoding="utf-8")
    assert main(["align", "--presplit", "--jsonl", str(batch)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_batch_needs_presplit(tmp_path, capsys):
    assert main(["align", "--jsonl", str(DEV)]) == 2
    assert "--presplit" in capsys.readouterr().err


def test_both_files_empty(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("", encoding="utf-8")
    b.write_text("\n\n", encoding="utf-8")
    assert main(["align", str(a), str(b)]) == 2
    assert "are both empty" in capsys.readouterr().err


def test_one_file_empty(seed_files, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["align", str(seed_files[0]), str(empty)]) == 0
    captured = capsys.readouterr()
    assert "has no sentences to align" in captured.err
    assert all(r["en_ids"] == "" for r in tsv_rows(captured.out))


def test_binary_and_wrongly_encoded_files(seed_files, tmp_path, capsys):
    binary, cp949 = tmp_path / "image.png", tmp_path / "cp949.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    cp949.write_bytes("정부는 35명을 도왔다.".encode("cp949"))
    assert main(["align", str(binary), str(seed_files[1])]) == 2
    assert "binary" in capsys.readouterr().err
    assert main(["align", str(cp949), str(seed_files[1])]) == 2
    err = capsys.readouterr().err
    assert "not valid UTF-8" in err and "Traceback" not in err


def test_crlf_and_nfd_give_the_same_result(seed_files, tmp_path, capsys):
    assert main(["align", *map(str, seed_files)]) == 0
    expected = capsys.readouterr().out
    ko = tmp_path / "nfd.ko.txt"
    ko.write_bytes(unicodedata.normalize("NFD", seed_files[0].read_text(encoding="utf-8")).replace("\n", "\r\n").encode())
    en = tmp_path / "crlf.en.txt"
    en.write_bytes(seed_files[1].read_text(encoding="utf-8").replace("\n", "\r\n").encode())
    assert main(["align", str(ko), str(en)]) == 0
    assert tsv_rows(capsys.readouterr().out) == tsv_rows(expected)


def test_two_files_in_one_language(seed_files, capsys):
    assert main(["align", str(seed_files[1]), str(seed_files[1])]) == 2
    assert "both look English" in capsys.readouterr().err


def test_missing_file_and_wrong_arguments(seed_files, capsys):
    assert main(["align", str(seed_files[0]), "nowhere.txt"]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["align", str(seed_files[0])]) == 2
    assert "give two files" in capsys.readouterr().err


def test_use_mt_without_a_model(seed_files, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DIGLOT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos"))
    assert main(["align", *map(str, seed_files), "--use-mt"]) == 2
    assert "no translation model is installed" in capsys.readouterr().err


def test_help_teaches(capsys):
    with pytest.raises(SystemExit):
        main(["align", "--help"])
    out = capsys.readouterr().out
    assert "diglot align article.ko.txt article.en.txt" in out and "--presplit --jsonl" in out


def test_tmx_through_diglot_edition(seed_files, tmp_path):
    from lxml import etree

    out = tmp_path / "a.tmx"
    assert main(["align", *map(str, seed_files), "-o", str(out)]) == 0
    root = etree.parse(str(out)).getroot()
    units = root.findall(".//tu")
    assert len(units) == 14  # the aligned beads; boilerplate is left out of a translation memory
    first = units[0].findall("tuv")
    assert first[0].findtext("seg") == "정부, 중국에 탈북자 강제북송 중단 촉구"


def test_use_mt_with_a_real_installed_model(seed_files, installed_model, capsys):
    """A real (copying) CTranslate2 model built from scratch: the hook decodes for real."""
    assert main(["align", *map(str, seed_files), "--use-mt", "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["signature"]["model"].startswith("argos:ko-en")
    aligned = [b for b in lines[1:] if not b["boilerplate"] and b["src"] and b["tgt"]]
    assert len(aligned) == 14

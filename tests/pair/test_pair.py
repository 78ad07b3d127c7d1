"""Pairing a small shuffled archive of real news with distractors on each side, through the API
and the command line, and its bad inputs."""

from __future__ import annotations

import datetime
import json
import random
from pathlib import Path

import pytest

from diglot.cli import main
from diglot.errors import InputError
from diglot.pair import Document, pair_documents, read_documents, read_folder

DATA = Path(__file__).resolve().parents[2] / "data" / "korean-parallel-corpora"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Path, Path, set[tuple[str, str]]]:
    """Eight dev articles, each side under a random name, and two unrelated (non-news) documents
    on each side that have no partner; returns the folders and the true pairs."""
    root = tmp_path_factory.mktemp("archive")
    ko_dir, en_dir = root / "ko", root / "en"
    ko_dir.mkdir(), en_dir.mkdir()
    rng = random.Random(15)
    names = iter(rng.sample(range(10**6), 20))
    gold = set()
    for line in (DATA / "ko-en-news.dev.jsonl").read_text(encoding="utf-8").splitlines()[:8]:
        record = json.loads(line)
        ko, en = ko_dir / f"{next(names):06d}.txt", en_dir / f"{next(names):06d}.txt"
        ko.write_text("\n".join(record["ko"]) + "\n", encoding="utf-8")
        en.write_text("\n".join(record["en"]) + "\n", encoding="utf-8")
        gold.add((str(ko), str(en)))
    jhe_ko = (DATA / "jhe-koen-dev.ko").read_text(encoding="utf-8").splitlines()
    jhe_en = (DATA / "jhe-koen-dev.en").read_text(encoding="utf-8").splitlines()
    for start in (0, 10):  # Korean distractors from the first lines, English ones from later lines
        (ko_dir / f"{next(names):06d}.txt").write_text("\n".join(jhe_ko[start : start + 10]) + "\n", encoding="utf-8")
        (en_dir / f"{next(names):06d}.txt").write_text("\n".join(jhe_en[300 + start : 310 + start]) + "\n", encoding="utf-8")
    return ko_dir, en_dir, gold


def test_the_true_pairs_are_found_and_the_distractors_stay_unpaired(archive):
    ko_dir, en_dir, gold = archive
    pairs = pair_documents(read_folder(ko_dir, "ko"), read_folder(en_dir, "en"))
    assert {(p.korean.id, p.english.id) for p in pairs} == gold
    assert [p.score for p in pairs] == sorted((p.score for p in pairs), reverse=True)


def test_the_command_writes_ko_en_score_best_first_after_the_signature(archive, tmp_path, capsys):
    ko_dir, en_dir, gold = archive
    out = tmp_path / "pairs.tsv"
    assert main(["pair", str(ko_dir), str(en_dir), "-o", str(out), "--no-glossary"]) == 0
    header, *rows = out.read_text(encoding="utf-8").splitlines()
    assert header.startswith("# diglot:") and "task:pair" in header and "glossary:none" in header
    assert "scoring:anchor-log-odds-1" in header
    assert {tuple(row.split("\t")[:2]) for row in rows} == gold
    assert "8 pairs; unpaired: 2 Korean, 2 English" in capsys.readouterr().err


def test_align_writes_each_pairs_sentence_alignment(archive, tmp_path):
    ko_dir, en_dir, gold = archive
    aligned = tmp_path / "aligned.jsonl"
    assert main(["pair", str(ko_dir), str(en_dir), "-o", str(tmp_path / "p.tsv"), "--align", str(aligned), "--no-glossary"]) == 0
    records = [json.loads(line) for line in aligned.read_text(encoding="utf-8").splitlines()]
    editions = [r for r in records if r["type"] == "edition"]
    assert {tuple(e["id"].split("\t")) for e in editions} == gold
    assert sum(r["type"] == "bead" and r["kind"] == "1-1" for r in records) > 8 * 5


def test_dates_too_far_apart_are_never_paired():
    record = json.loads((DATA / "ko-en-news.dev.jsonl").read_text(encoding="utf-8").splitlines()[0])
    ko = Document("k", "ko", tuple(record["ko"]), date=datetime.date(2011, 10, 5))
    en_same = Document("e", "en", tuple(record["en"]), date=datetime.date(2011, 10, 6))
    en_late = Document("e", "en", tuple(record["en"]), date=datetime.date(2011, 11, 6))
    assert len(pair_documents([ko], [en_same], date_window=2)) == 1
    assert pair_documents([ko], [en_late], date_window=2) == []
    assert len(pair_documents([ko], [en_late])) == 1  # no window: dates are not looked at


def test_jsonl_documents_of_both_languages(tmp_path):
    record = json.loads((DATA / "ko-en-news.dev.jsonl").read_text(encoding="utf-8").splitlines()[1])
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "a", "lang": "ko", "date": "2011-10-05", "lines": record["ko"]}, ensure_ascii=False) + "\n"
        + json.dumps({"id": 7, "lang": "en", "text": "\n".join(record["en"])}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    korean, english = read_documents(docs)
    assert (korean.lang, korean.date.isoformat(), english.id, english.date) == ("ko", "2011-10-05", "7", None)
    assert [(p.korean.id, p.english.id) for p in pair_documents([korean], [english])] == [("a", "7")]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": 1, "lang": "fr", "text": "x"}', 'docs.jsonl, line 1: "lang" must be "ko" or "en"'),
        ('{"id": 1, "lang": "ko"}', 'docs.jsonl, line 1: expected "text" (a string) or "lines"'),
        ('{"id": 1, "lang": "ko", "text": "x", "date": "soon"}', 'docs.jsonl, line 1: "date" must be YYYY-MM-DD, not soon'),
        ('{"id": [1], "lang": "ko", "text": "x"}', 'docs.jsonl, line 1: "id" must be a string or an integer'),
        ('{"id": 1,', "docs.jsonl, line 1: not valid JSON"),
    ],
)
def test_a_bad_jsonl_line_is_one_clear_error(tmp_path, line, message):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_documents(docs)
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["only-one"], "give two folders (Korean articles, then English ones)"),
        (["a", "b", "--jsonl", "d.jsonl"], "give either --jsonl DOCS.jsonl or two folders, not both"),
        (["missing-ko", "missing-en"], "missing-ko is not a folder"),
        (["a", "./a/"], "./a/ is given as both the Korean and the English folder"),  # each article paired with itself
        (["a", "b", "--date-window", "-1"], "--date-window must be a number of days, 0 or more"),
        (["a", "b", "--threshold", "1.5"], "--threshold must be a probability from 0 to 1, not 1.5"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(args, message, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    assert main(["pair", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_folders_given_the_wrong_way_round_are_refused(archive, capsys):
    ko_dir, en_dir, _gold = archive
    assert main(["pair", str(en_dir), str(ko_dir)]) == 2
    err = capsys.readouterr().err
    assert f"{en_dir}: 10 of 10 files are not in Korean; give the Korean folder first, then the English one" in err


def test_a_threshold_that_is_no_number_is_refused(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["pair", "a", "b", "--threshold", "nan"])
    assert exit.value.code == 2 and "expected a number, not nan" in capsys.readouterr().err


def test_the_help_gives_the_threshold_in_use(capsys):
    from diglot.pair import THRESHOLD

    with pytest.raises(SystemExit):
        main(["pair", "--help"])
    assert f"(default: {THRESHOLD})" in " ".join(capsys.readouterr().out.split())


def test_help_teaches(capsys):
    with pytest.raises(SystemExit):
        main(["pair", "--help"])
    out = capsys.readouterr().out
    assert "diglot pair archive/ko/ archive/en/ -o pairs.tsv" in out and "Exit codes" in out


def test_news_without_a_partner_stays_unpaired():
    """Distractors that are news too (other stories of the same months, names and numbers of
    their own), among paired articles: a Korean word that romanises like an English name, or a
    common word of the beat, is not evidence enough."""
    park_ko = (DATA / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()
    park_en = (DATA / "korean-english-park.dev.en").read_text(encoding="utf-8").splitlines()
    starts = range(0, 600, 30)  # articles of six lines, a story or two apart
    korean, english, gold = [], [], set()
    for number, start in enumerate(starts):
        ko = Document(f"ko-{number}", "ko", tuple(park_ko[start : start + 6]))
        en = Document(f"en-{number}", "en", tuple(park_en[start : start + 6]))
        if number % 4 == 1:
            korean.append(ko)  # its English is not in the archive
        elif number % 4 == 2:
            english.append(en)  # its Korean is not
        else:
            korean.append(ko), english.append(en)
            gold.add((ko.id, en.id))
    random.Random(15).shuffle(english)
    assert {(p.korean.id, p.english.id) for p in pair_documents(korean, english)} == gold

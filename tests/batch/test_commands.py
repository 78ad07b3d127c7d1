"""The commands that merge what their shards give into one output (``glossary mine``, ``glossary
consistency``, ``pair``): the same bytes from one process, local worker processes and a Dask
cluster, with or without --out-dir, and from the single-file command where there is one file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from diglot.cli import main

MINE = ["glossary", "mine", "--no-glossary", "--min-pairs", "10", "--top", "40"]
CONSISTENCY = ["glossary", "consistency", "--no-glossary", "--json", "--all", "--min-count", "2"]
PAIR = ["pair", "--no-glossary", "--date-window", "3"]


def _run(args, capsys) -> str:
    """What the command prints; what it said on standard error is in ``_run.err``."""
    capsys.readouterr()
    assert main(args) in (0, 1)
    captured = capsys.readouterr()
    _run.err = captured.err
    return captured.out


@pytest.fixture(scope="module")
def mined(shards) -> str:
    """What one process proposes from the four shards (without any batch option)."""
    import contextlib
    import io

    stream = io.StringIO()
    with contextlib.redirect_stdout(stream):
        assert main(MINE + ["--jsonl", str(shards)]) == 0
    return stream.getvalue()


def test_mine_over_shards_is_the_same_on_dask(mined, shards, tmp_path, capsys, local_cluster):
    assert mined.count("status: proposed") == 40 and "mined from " + str(shards) in mined
    out = tmp_path / "candidates"
    assert _run(MINE + ["--jsonl", str(shards), "--out-dir", str(out), "--scheduler", local_cluster], capsys) == mined
    # the folder holds each shard's beads and candidates
    first = [json.loads(line) for line in (out / "part-00.jsonl").read_text(encoding="utf-8").splitlines()]
    assert first and {"where", "ko", "en", "ko_terms", "en_terms"} == set(first[0])
    assert first[0]["where"].startswith("dev-000#")


def test_mine_reruns_from_its_out_dir_without_running_a_shard(mined, shards, tmp_path, capsys):
    source = ["--jsonl", str(shards), "--out-dir", str(tmp_path / "c")]
    assert _run(MINE + source, capsys) == mined
    assert "4 shards (0 already complete), 8 documents" in _run.err
    assert "wrote 40 proposals" in _run(MINE + source + ["-o", str(tmp_path / "p.yaml")], capsys)
    assert (tmp_path / "p.yaml").read_text(encoding="utf-8") == mined
    assert "4 shards (4 already complete), 8 documents" in _run.err


def test_mine_of_one_file_with_workers_is_what_the_single_file_command_writes(shards, tmp_path, capsys):
    one = ["--jsonl", str(shards / "part-01.jsonl"), "--min-pairs", "5"]
    assert _run(MINE + one + ["--workers", "2"], capsys) == _run(MINE + one, capsys)


def test_mine_with_two_local_workers_and_no_out_dir(mined, shards, tmp_path, capsys):
    assert main(MINE + ["--jsonl", str(shards), "--workers", "2", "-o", str(tmp_path / "w2.yaml")]) == 0
    assert (tmp_path / "w2.yaml").read_text(encoding="utf-8") == mined


def test_consistency_over_shards_is_the_same_everywhere(shards, tmp_path, capsys, local_cluster):
    source = ["--jsonl", str(shards)]
    single = _run(CONSISTENCY + source, capsys)
    report = json.loads(single)
    assert report["mined"] and report["sentence_pairs"] > 50
    assert _run(CONSISTENCY + source + ["--scheduler", local_cluster], capsys) == single
    assert _run(CONSISTENCY + source + ["--out-dir", str(tmp_path / "c")], capsys) == single
    one = ["--jsonl", str(shards / "part-00.jsonl")]
    assert _run(CONSISTENCY + one + ["--scheduler", local_cluster], capsys) == _run(CONSISTENCY + one, capsys)


def test_mine_and_consistency_share_one_out_dir(shards, tmp_path, capsys):
    out = ["--jsonl", str(shards), "--out-dir", str(tmp_path / "c")]
    _run(MINE + out, capsys)
    assert "4 shards (0 already complete)" in _run.err
    assert _run(CONSISTENCY + out, capsys) == _run(CONSISTENCY + ["--jsonl", str(shards)], capsys)
    assert "4 shards (4 already complete)" not in _run.err  # the last run had no --out-dir
    _run(CONSISTENCY + out, capsys)
    assert "4 shards (4 already complete)" in _run.err


def test_pair_over_shards_is_what_the_single_file_command_writes(pair_shards, tmp_path, capsys, local_cluster):
    whole = _run(PAIR + ["--jsonl", str(pair_shards.parent / "whole.jsonl")], capsys)
    header, *rows = whole.splitlines()
    assert "task:pair" in header
    assert sorted(tuple(row.split("\t")[:2]) for row in rows) == [(f"ko-{n}", f"en-{n}") for n in range(6)]
    source = ["--jsonl", str(pair_shards)]
    assert _run(PAIR + source, capsys) == whole
    assert _run(PAIR + source + ["--scheduler", local_cluster], capsys) == whole
    out = tmp_path / "anchors"
    assert main(PAIR + source + ["--out-dir", str(out), "-o", str(tmp_path / "pairs.tsv")]) == 0
    assert (tmp_path / "pairs.tsv").read_text(encoding="utf-8") == whole
    record = json.loads((out / "docs-0.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert set(record) == {"id", "lang", "date", "lines", "anchors"} and record["anchors"]["units"]
    assert _run(PAIR + source + ["--out-dir", str(out)], capsys) == whole  # read back from the folder


def test_pair_with_two_local_workers(pair_shards, tmp_path, capsys):
    whole = _run(PAIR + ["--jsonl", str(pair_shards.parent / "whole.jsonl")], capsys)
    assert _run(PAIR + ["--jsonl", str(pair_shards), "--workers", "2"], capsys) == whole


@pytest.mark.parametrize("command", ["mine", "pair"])
def test_a_command_killed_midway_and_started_again_writes_what_an_uninterrupted_run_does(
    command, make_shards, make_pair_shards, read_outputs, cli_script, killed_at_first_marker, tmp_path, capsys
):
    if command == "mine":  # each process loads Kiwi (seconds): few shards
        source, args = make_shards(tmp_path / "in", 4, per_shard=1), [*MINE, "--min-pairs", "5"]
    else:
        source, args = make_pair_shards(tmp_path / "in", 6), PAIR
    whole = tmp_path / "whole"
    assert main([*args, "--jsonl", str(source), "--out-dir", str(whole), "-o", str(tmp_path / "whole.out")]) == 0
    out = tmp_path / "out"
    argv = [sys.executable, str(cli_script), *args, "--jsonl", str(source), "--out-dir", str(out)]
    done = killed_at_first_marker([*argv, "-o", str(tmp_path / "killed.out")], out)
    assert done < len(list(source.iterdir())), "the run ended before it could be killed"
    assert not (tmp_path / "killed.out").exists()
    subprocess.run([*argv, "-o", str(tmp_path / "resumed.out")], check=True, capture_output=True)
    assert read_outputs(out) == read_outputs(whole)
    assert (tmp_path / "resumed.out").read_bytes() == (tmp_path / "whole.out").read_bytes()


def test_pair_refuses_one_id_for_two_documents_of_one_language_in_different_shards(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    for name, lang in (("a.jsonl", "ko"), ("b.jsonl", "ko")):
        text = json.dumps({"id": "7", "lang": lang, "text": "서울에서 회의가 열렸다."}, ensure_ascii=False)
        (tmp_path / "in" / name).write_text(text + "\n", encoding="utf-8")
    assert main([*PAIR, "--jsonl", str(tmp_path / "in")]) == 2
    err = capsys.readouterr().err
    assert 'the id "7" names two ko documents in different shards; give each document its own id' in err
    assert "Traceback" not in err

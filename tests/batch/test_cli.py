"""The batch commands' sharded runs: --out-dir, --workers and --scheduler, byte for byte alike."""

from __future__ import annotations

import json

import pytest

from diglot.cli import main


def test_align_out_dir_writes_what_o_writes_for_each_shard(shards, reference, tmp_path, capsys):
    single = tmp_path / "single.jsonl"
    first = shards / "part-00.jsonl"
    assert main(["align", "--presplit", "--no-glossary", "--jsonl", str(first), "-o", str(single)]) == 0
    assert main(["align", "--presplit", "--no-glossary", "--jsonl", str(shards), "--out-dir", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "part-00.jsonl").read_bytes() == single.read_bytes() == reference["part-00.jsonl"]
    assert "4 shards (0 already complete), 8 documents" in capsys.readouterr().err
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["signature"]["task"] == "align" and summary["documents"] == 8


@pytest.mark.parametrize("extra", [["--workers", "1"], ["--workers", "2"], ["--scheduler"]])
def test_align_output_is_the_same_with_workers_and_on_dask(extra, shards, reference, read_outputs, tmp_path, request):
    if extra == ["--scheduler"]:
        extra = ["--scheduler", request.getfixturevalue("local_cluster")]
    args = ["align", "--presplit", "--no-glossary", "--jsonl", str(shards), "--out-dir", str(tmp_path / "out")]
    assert main(args + extra) == 0
    assert read_outputs(tmp_path / "out") == reference


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "2", "-o", "x.jsonl"], "--workers and --scheduler run shards: add --out-dir DIR"),
        (["--out-dir", "out", "-o", "x.jsonl"], "give either -o OUT or --out-dir DIR, not both"),
    ],
)
def test_align_bad_batch_options_are_one_line_and_exit_2(args, message, shards, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["align", "--presplit", "--no-glossary", "--jsonl", str(shards), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_align_workers_without_jsonl_is_refused(tmp_path, capsys):
    assert main(["align", "a.txt", "b.txt", "--workers", "2"]) == 2
    assert "--workers and --scheduler run shards: add --out-dir DIR" in capsys.readouterr().err


def test_align_workers_must_be_a_whole_number(shards, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["align", "--presplit", "--jsonl", str(shards), "--out-dir", "out", "--workers", "0"])
    assert exit.value.code == 2 and "expected a whole number of at least 1, not 0" in capsys.readouterr().err


def test_check_out_dir_writes_what_check_json_prints_for_each_shard(shards, tmp_path, capsys, read_outputs, local_cluster):
    runs = {"out1": ["--workers", "1"], "out2": ["--workers", "2"], "dask": ["--scheduler", local_cluster]}
    for name, extra in runs.items():
        assert main(["check", "--jsonl", str(shards), "--json", "--out-dir", str(tmp_path / name), *extra]) == 0
    assert read_outputs(tmp_path / "out1") == read_outputs(tmp_path / "out2") == read_outputs(tmp_path / "dask")
    capsys.readouterr()
    main(["check", "--jsonl", str(shards / "part-01.jsonl"), "--json"])
    printed = capsys.readouterr().out
    assert printed and (tmp_path / "out1" / "part-01.jsonl").read_text(encoding="utf-8") == printed
    ids = [json.loads(line)["id"] for line in printed.splitlines()]
    assert ids == ["dev-002", "dev-003"]


def test_check_out_dir_refuses_waive(shards, tmp_path, capsys):
    assert main(["check", "--jsonl", str(shards), "--out-dir", str(tmp_path / "o"), "--waive-all"]) == 2
    assert "waives nothing" in capsys.readouterr().err

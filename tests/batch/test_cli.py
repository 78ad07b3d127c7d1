"""The batch commands' sharded runs: --out-dir, --workers and --scheduler, byte for byte alike."""

from __future__ import annotations

import gzip
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


def test_one_gzip_shard_alone_is_read_as_shards_are(shards, reference, tmp_path):
    """A single .jsonl.gz given to --jsonl is inflated (it was refused as a binary file)."""
    single = tmp_path / "single.jsonl"
    assert main(["align", "--presplit", "--no-glossary", "--jsonl", str(shards / "part-03.jsonl.gz"), "-o", str(single)]) == 0
    assert single.read_bytes() == gzip.decompress(reference["part-03.jsonl.gz"])


@pytest.mark.parametrize("extra", [["--workers", "1"], ["--workers", "2"], ["--scheduler"]])
def test_align_output_is_the_same_with_workers_and_on_dask(extra, shards, reference, read_outputs, tmp_path, request):
    if extra == ["--scheduler"]:
        extra = ["--scheduler", request.getfixturevalue("local_cluster")]
    args = ["align", "--presplit", "--no-glossary", "--jsonl", str(shards), "--out-dir", str(tmp_path / "out")]
    assert main(args + extra) == 0
    assert read_outputs(tmp_path / "out") == reference


def test_align_workers_without_out_dir_write_each_shards_output_in_turn(shards, reference, tmp_path, capsys):
    """-o (or standard output) holds what --out-dir would hold, one shard after the other in name order."""
    expected = b"".join(
        gzip.decompress(reference[name]) if name.endswith(".gz") else reference[name]
        for name in sorted(reference) if not name.startswith(".")
    )  # fmt: skip
    assert main(["align", "--presplit", "--no-glossary", "--jsonl", str(shards), "--workers", "2", "-o", str(tmp_path / "w2")]) == 0
    assert main(["align", "--presplit", "--no-glossary", "--jsonl", str(shards)]) == 0
    assert (tmp_path / "w2").read_bytes() == capsys.readouterr().out.encode("utf-8") == expected
    # one file and --workers: the bytes the single-process command writes
    first = str(shards / "part-00.jsonl")
    assert main(["align", "--presplit", "--no-glossary", "--jsonl", first, "--workers", "2", "-o", str(tmp_path / "one")]) == 0
    assert (tmp_path / "one").read_bytes() == reference["part-00.jsonl"]


def test_align_out_dir_and_o_together_are_one_line_and_exit_2(shards, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["align", "--presplit", "--no-glossary", "--jsonl", str(shards), "--out-dir", "out", "-o", "x.jsonl"]) == 2
    err = capsys.readouterr().err
    assert "give either -o OUT or --out-dir DIR, not both" in err and "Traceback" not in err


@pytest.mark.parametrize("command", [["align", "a.txt", "b.txt"], ["pair", "ko/", "en/"], ["glossary", "mine", "a", "b"]])
def test_workers_without_jsonl_are_refused(command, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main([*command, "--workers", "2"]) == 2
    err = capsys.readouterr().err
    assert "--out-dir, --workers and --scheduler run the shards of --jsonl: add --jsonl" in err and "Traceback" not in err


def test_check_workers_without_out_dir_need_json(shards, capsys):
    assert main(["check", "--jsonl", str(shards), "--workers", "2"]) == 2
    assert "a run over shards writes JSON lines: add --json, or --out-dir DIR" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["empty", "empty/*.jsonl"])
def test_check_without_json_over_no_shards_says_there_are_none(where, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["check", "--jsonl", str(tmp_path / where), "--workers", "2"]) == 2
    assert "no *.jsonl or *.jsonl.gz shards there" in capsys.readouterr().err


@pytest.mark.parametrize("address", ["", "tcp://", "tcp://10.0.0.5", "10.0.0.5:port", "ftp://10.0.0.5:8786", "tcp://10.0.0.5:8786/x"])
def test_a_malformed_scheduler_address_is_refused(address, shards, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["align", "--presplit", "--jsonl", str(shards), "--out-dir", str(tmp_path / "out"), "--scheduler", address])
    err = capsys.readouterr().err
    assert exit.value.code == 2 and f"expected the address of a Dask scheduler, such as tcp://HOST:PORT, not {address!r}" in err
    assert not (tmp_path / "out").exists()


def test_a_refused_run_leaves_no_output_folder(tmp_path, capsys):
    (tmp_path / "bad.jsonl").write_text("not JSON\n", encoding="utf-8")
    assert main(["check", "--presplit", "--jsonl", str(tmp_path / "bad.jsonl"), "--out-dir", str(tmp_path / "od")]) == 2
    assert "bad.jsonl, line 1: not valid JSON" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl"]


def test_align_workers_must_be_a_whole_number(shards, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["align", "--presplit", "--jsonl", str(shards), "--out-dir", "out", "--workers", "0"])
    assert exit.value.code == 2 and "expected a whole number of at least 1, not 0" in capsys.readouterr().err


def test_check_out_dir_writes_what_check_json_prints_for_each_shard(shards, tmp_path, capsys, read_outputs, local_cluster):
    from diglot.batch import find_shards

    whole = tmp_path / "whole.jsonl"  # the four shards as one file
    whole.write_text("".join(shard.read_text() for shard in find_shards(str(shards))), encoding="utf-8")
    expected_code = main(["check", "--jsonl", str(whole), "--json"])
    assert expected_code == 1 and capsys.readouterr().out.count("\n") == 8  # the dev documents have warnings
    runs = {"out1": ["--workers", "1"], "out2": ["--workers", "2"], "dask": ["--scheduler", local_cluster]}
    for name, extra in runs.items():
        assert main(["check", "--jsonl", str(shards), "--json", "--out-dir", str(tmp_path / name), *extra]) == expected_code
    assert read_outputs(tmp_path / "out1") == read_outputs(tmp_path / "out2") == read_outputs(tmp_path / "dask")
    capsys.readouterr()
    main(["check", "--jsonl", str(shards / "part-01.jsonl"), "--json"])
    printed = capsys.readouterr().out
    assert printed and (tmp_path / "out1" / "part-01.jsonl").read_text(encoding="utf-8") == printed
    ids = [json.loads(line)["id"] for line in printed.splitlines()]
    assert ids == ["dev-002", "dev-003"]
    # without --out-dir: the shards' outputs in turn on standard output (each shard aligned on its
    # own, as in the folder), and the same exit code
    in_turn = "".join(shard.decode(read_outputs(tmp_path / "out1")[shard.name]) for shard in find_shards(str(shards)))
    assert main(["check", "--jsonl", str(shards), "--json", "--scheduler", local_cluster]) == expected_code
    assert capsys.readouterr().out == in_turn


def test_check_out_dir_refuses_waive(shards, tmp_path, capsys):
    assert main(["check", "--jsonl", str(shards), "--out-dir", str(tmp_path / "o"), "--waive-all"]) == 2
    assert "waives nothing" in capsys.readouterr().err


def test_the_progress_bar_shows_shards_documents_throughput_and_time_left():
    import io
    import re
    import time

    from rich.console import Console

    from diglot.batch import BatchProgress
    from diglot.cli.batchopts import _Bar

    stream = io.StringIO()
    with _Bar(Console(file=stream, force_terminal=True, width=120)) as bar:
        bar(BatchProgress(0, 4, 6, 1))  # six documents in a shard already complete: not this run's
        for done in (1, 2):
            time.sleep(0.05)  # shards finish over time: a rate, so the time left
            bar(BatchProgress(done, 4, 6 + 5 * done, 1))
        bar.progress.refresh()
    last = stream.getvalue().rsplit("shards", 1)[1]
    assert "2/4" in last and "10 documents, " in last and "/s" in last
    assert re.search(r"\d:\d\d:\d\d", last), last


def test_shards_read_through_fsspec_give_the_same_output(shards, reference, read_outputs, tmp_path):
    """A path with a scheme is read through fsspec: its in-memory filesystem stands in for s3://."""
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    for shard in shards.iterdir():
        memory.pipe(f"memory://archive/{shard.name}", shard.read_bytes())
    try:
        for source in ("memory://archive", "memory://archive/*.jsonl*"):
            out = tmp_path / source.rsplit("/", 1)[-1].replace("*", "all")
            assert main(["align", "--presplit", "--no-glossary", "--jsonl", source, "--out-dir", str(out)]) == 0
            assert read_outputs(out) == reference
        missing = main(["align", "--presplit", "--no-glossary", "--jsonl", "memory://nothing-here/", "-o", str(tmp_path / "x")])
        assert missing == 2 and not (tmp_path / "x").exists()
    finally:
        memory.rm("memory://archive", recursive=True)

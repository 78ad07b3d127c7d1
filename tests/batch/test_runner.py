"""The sharded runner: outputs and markers, local worker processes, resuming, and bad input."""

from __future__ import annotations

import hashlib

import gzip
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from diglot.align.batch import read_batch
from diglot.batch import BatchProgress, JobSpec, find_shards, map_batch, run_batch
from diglot.cli.batchjobs import AlignJob
from diglot.errors import DiglotError, InputError


def test_one_output_shard_per_input_shard_with_its_name_and_marker(shards, reference, tmp_path):
    names = sorted(p.name for p in shards.iterdir())
    assert [n for n in reference if not n.startswith(".")] == names
    assert sorted(n for n in reference if n.startswith(".")) == sorted(f".{n}.done" for n in names)
    # each output is the job's output for its shard alone, in input order; the gzipped one gzipped
    job = AlignJob(no_glossary=True)
    for shard in find_shards(str(shards)):
        data = reference[shard.name]
        text = (gzip.decompress(data) if shard.compressed else data).decode("utf-8")
        assert text == job(shard.read_text(), shard.path)
        ids = [json.loads(line)["id"] for line in text.splitlines()]
        assert ids == [doc.id for doc in read_batch_text(shard)]


def read_batch_text(shard):
    from diglot.align.batch import parse_batch

    return parse_batch(shard.read_text(), shard.path)


def test_summary_counts_and_signature(shards, align_spec, tmp_path):
    summary = run_batch(align_spec, str(shards), tmp_path / "out")
    written = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert (written["shards"], written["skipped"], written["documents"]) == (4, 0, 8)
    assert written["signature"] == summary.signature.as_dict()
    assert written["signature"]["task"] == "align" and written["signature"]["glossary"] == "none"


def test_local_worker_processes_write_the_same_bytes(shards, reference, align_spec, read_outputs, tmp_path):
    run_batch(align_spec, str(shards), tmp_path / "out", workers=2)
    assert read_outputs(tmp_path / "out") == reference


def test_a_glob_names_shards_too(shards, reference, align_spec, read_outputs, tmp_path):
    run_batch(align_spec, str(shards / "part-0[01].jsonl"), tmp_path / "out")
    got = read_outputs(tmp_path / "out")
    assert sorted(got) == [".part-00.jsonl.done", ".part-01.jsonl.done", "part-00.jsonl", "part-01.jsonl"]
    assert all(got[name] == reference[name] for name in got)


def test_a_rerun_skips_complete_shards_and_redoes_unfinished_ones(shards, reference, align_spec, read_outputs, tmp_path):
    out = tmp_path / "out"
    run_batch(align_spec, str(shards), out)
    # part-00 written but never confirmed, part-01 confirmed for another output, part-02 missing
    (out / ".part-00.jsonl.done").unlink()
    (out / "part-01.jsonl").write_bytes(b"half a line")
    (out / "part-02.jsonl").unlink()
    seen: list[BatchProgress] = []
    summary = run_batch(align_spec, str(shards), out, progress=seen.append)
    assert (summary.skipped, seen[0].total, seen[-1].done, seen[-1].documents) == (1, 3, 3, 8)
    assert read_outputs(out) == reference


def test_a_changed_input_or_signature_redoes_the_shard(shards, align_spec, make_shards, tmp_path):
    source = make_shards(tmp_path / "in", 2)
    out = tmp_path / "out"
    run_batch(align_spec, str(source), out)
    (source / "part-00.jsonl").write_text((source / "part-00.jsonl").read_text().splitlines()[0] + "\n")
    assert run_batch(align_spec, str(source), out).skipped == 1
    assert len((out / "part-00.jsonl").read_text().splitlines()) == 1
    other = align_spec.make(align_spec.factory)  # with the glossary: another signature
    assert run_batch(other, str(source), out).skipped == 0


KILLED_RUN = textwrap.dedent(
    """
    import sys
    from diglot.batch import JobSpec, run_batch

    if __name__ == "__main__":
        spec = JobSpec.make("diglot.cli.batchjobs:AlignJob", no_glossary=True)
        run_batch(spec, sys.argv[1], sys.argv[2], workers=int(sys.argv[3]))
    """
)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_killed_midway_and_started_again_writes_what_an_uninterrupted_run_does(
    workers, align_spec, make_shards, read_outputs, killed_at_first_marker, tmp_path
):
    source = make_shards(tmp_path / "in", 8, per_shard=1)
    run_batch(align_spec, str(source), tmp_path / "whole")
    script = tmp_path / "run.py"
    script.write_text(KILLED_RUN, encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, str(script), str(source), str(out), str(workers)]
    assert killed_at_first_marker(command, out) < 8, "the run ended before it could be killed"
    subprocess.run(command, check=True)
    assert read_outputs(out) == read_outputs(tmp_path / "whole")


def test_no_shards_is_one_clear_error(tmp_path, align_spec):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(InputError, match=r"no \*\.jsonl or \*\.jsonl\.gz shards there"):
        run_batch(align_spec, str(tmp_path), tmp_path / "out")
    with pytest.raises(InputError, match="no such file or folder"):
        run_batch(align_spec, str(tmp_path / "missing"), tmp_path / "out")


def test_two_shards_of_one_name_are_refused(tmp_path, align_spec):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "docs.jsonl").write_text("")
    with pytest.raises(DiglotError, match="two shards are both named docs.jsonl"):
        run_batch(align_spec, str(tmp_path / "*" / "docs.jsonl"), tmp_path / "out")


def test_an_output_folder_that_is_the_input_folder_is_refused(shards, align_spec):
    with pytest.raises(DiglotError, match="would be overwritten by its own output"):
        run_batch(align_spec, str(shards), shards)


def test_an_output_folder_that_is_a_file_is_refused(shards, align_spec, tmp_path):
    (tmp_path / "out").write_text("")
    with pytest.raises(DiglotError, match="is a file, not a folder"):
        run_batch(align_spec, str(shards), tmp_path / "out")


@pytest.mark.parametrize("workers", [1, 2])
def test_a_malformed_shard_names_its_file_and_line_and_keeps_the_shards_done(workers, align_spec, make_shards, tmp_path):
    source = make_shards(tmp_path / "in", 3)
    (source / "part-01.jsonl").write_text('{"id": 1, "ko": [], "en": []}\n{"id": 2,\n')
    with pytest.raises(DiglotError, match=r"part-01\.jsonl, line 2: not valid JSON"):
        run_batch(align_spec, str(source), tmp_path / "out", workers=workers)
    if workers == 1:  # shards run in name order: the one before is done and kept
        assert (tmp_path / "out" / ".part-00.jsonl.done").exists()


def test_a_refused_run_removes_the_output_folder_it_made_but_not_one_that_was_there(align_spec, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "docs.jsonl").write_text('{"id": 1,\n')
    with pytest.raises(DiglotError, match="not valid JSON"):
        run_batch(align_spec, str(tmp_path / "in"), tmp_path / "made")
    assert not (tmp_path / "made").exists()
    (tmp_path / "there").mkdir()
    with pytest.raises(DiglotError, match="not valid JSON"):
        run_batch(align_spec, str(tmp_path / "in"), tmp_path / "there")
    assert list((tmp_path / "there").iterdir()) == []


def test_what_a_killed_run_left_beside_an_output_of_a_long_name_is_removed(shards, align_spec, tmp_path):
    """Side files of a name over 200 bytes take the name cut there (textio), and so are found."""
    name = "가" * 75 + ".jsonl"  # 231 bytes; cut at 200, 66 whole syllables are left
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes((shards / "part-00.jsonl").read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    marker = f".{'가' * 66}-{hashlib.sha256(name.encode()).hexdigest()[:16]}.done"  # cut too, told apart by a hash
    # the output's temporary file and its marker's, as a killed run leaves them
    left = [out / f".{'가' * 66}.x1y2z3.tmp", out / f".{marker.encode()[:200].decode()}.x1y2z3.tmp"]
    for path in left:
        path.write_text("half")
    run_batch(align_spec, str(tmp_path / "in"), out)
    assert sorted(p.name for p in out.iterdir()) == sorted([marker, name, "summary.json"])


def test_a_shard_named_with_255_bytes_gets_its_marker(shards, align_spec, tmp_path):
    name = "가" * 83 + ".jsonl"  # 255 bytes: ".NAME.done" would be 261
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes((shards / "part-00.jsonl").read_bytes())
    run_batch(align_spec, str(tmp_path / "in"), tmp_path / "out")
    markers = [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".done")]
    assert len(markers) == 1 and len(markers[0].name.encode()) <= 255
    assert run_batch(align_spec, str(tmp_path / "in"), tmp_path / "out").skipped == 1  # the rerun finds it done


def test_a_bad_gzip_shard_is_one_clear_error(tmp_path, align_spec):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "docs.jsonl.gz").write_bytes(b"not gzip")
    with pytest.raises(InputError, match="is not a readable gzip file"):
        run_batch(align_spec, str(tmp_path / "in"), tmp_path / "out")


def _big_shard_text() -> str:
    """About 900 KB of documents, gzipped to a few KB."""
    ko, en = ["가나다라마바사"] * 200, ["Some words here."] * 200
    return "".join(json.dumps({"id": n, "ko": ko, "en": en}, ensure_ascii=False) + "\n" for n in range(100))


def test_a_shard_larger_than_the_input_limit_is_refused_before_it_is_read(align_spec, tmp_path, monkeypatch):
    monkeypatch.setenv("DIGLOT_MAX_INPUT_MB", "0.5")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.jsonl").write_text(_big_shard_text(), encoding="utf-8")
    with pytest.raises(InputError, match=r"big\.jsonl is larger than 0\.5 MB, the most diglot reads \(set DIGLOT_MAX_INPUT_MB"):
        run_batch(align_spec, str(tmp_path / "in"), tmp_path / "out")
    assert not (tmp_path / "out" / "big.jsonl").exists()


def test_a_gzip_shard_that_inflates_past_the_limit_is_refused(align_spec, tmp_path, monkeypatch):
    monkeypatch.setenv("DIGLOT_MAX_INPUT_MB", "0.5")
    (tmp_path / "in").mkdir()
    data = gzip.compress(_big_shard_text().encode("utf-8"))
    assert len(data) < 50_000  # small as stored: only inflating shows it is too large
    (tmp_path / "in" / "big.jsonl.gz").write_bytes(data)
    with pytest.raises(InputError, match=r"big\.jsonl\.gz is larger than 0\.5 MB"):
        run_batch(align_spec, str(tmp_path / "in"), tmp_path / "out")
    monkeypatch.setenv("DIGLOT_MAX_INPUT_MB", "1")
    assert find_shards(str(tmp_path / "in"))[0].read_text().count("\n") == 100  # within the limit it is read


@pytest.mark.parametrize("workers", [1, 2])
def test_map_batch_gives_each_shards_output_in_shard_order(workers, shards, reference, align_spec):
    texts = list(map_batch(align_spec, str(shards), workers=workers))
    names = sorted(name for name in reference if not name.startswith("."))
    expected = [gzip.decompress(reference[n]) if n.endswith(".gz") else reference[n] for n in names]
    assert [text.encode("utf-8") for text in texts] == expected


def test_a_job_is_built_once_per_worker_process_not_once_per_shard(make_shards, tmp_path):
    source = make_shards(tmp_path / "in", 6, per_shard=1)
    log = tmp_path / "builds.log"
    spec = JobSpec.make("countingjob:CountingJob", log=str(log))
    outputs = list(map_batch(spec, str(source), workers=2))
    builders = log.read_text(encoding="utf-8").split()
    ran_in = {line.split("\t")[0] for text in outputs for line in text.splitlines()}
    assert len(builders) == len(set(builders)) == len(ran_in) <= 2  # each process built it once
    assert set(builders) == ran_in and str(os.getpid()) not in ran_in
    run_batch(spec, str(source), tmp_path / "out")  # in this process: built once for six shards
    assert log.read_text(encoding="utf-8").split().count(str(os.getpid())) == 1

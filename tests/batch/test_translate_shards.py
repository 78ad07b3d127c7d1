"""``diglot translate --jsonl``: shards translated with --out-dir, --workers and on Dask, byte for byte alike."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from diglot.cli import main

DOCS = [
    {"id": "a", "ko": ["서울시는 오늘 새 정책을 발표했다.", "시민들은 환영했다."]},
    {"id": "b", "text": "정부는 예산을 늘렸다.\n국회가 승인했다."},
    {"id": 3, "ko": ["한국은행은 금리를 동결했다."]},
    {"id": "d", "ko": ["대통령이 회의를 열었다.", "", "장관들이 참석했다."]},
]

@pytest.fixture
def source(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number, doc in enumerate(DOCS):
        (folder / f"part-{number:02d}.jsonl").write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    return folder


def _outputs(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix == ".jsonl"}


def _run(source, out, *extra):
    return main(["translate", "--to", "en", "--no-glossary", "--no-cache", "--jsonl", str(source), "--out-dir", str(out), *extra])


def test_documents_come_out_with_their_english_lines_and_the_same_bytes_with_two_workers(installed_model, source, tmp_path):
    assert _run(source, tmp_path / "w1") == 0
    one = _outputs(tmp_path / "w1")
    assert len(one) == 4
    records = [json.loads(text) for text in one.values()]
    assert [r["id"] for r in records] == ["a", "b", 3, "d"]
    assert all(len(r["en"]) == len(r["ko"]) for r in records)
    assert records[1]["ko"] == ["정부는 예산을 늘렸다.", "국회가 승인했다."] and records[3]["en"][1] == ""
    summary = json.loads((tmp_path / "w1" / "summary.json").read_text(encoding="utf-8"))
    assert summary["signature"]["task"] == "translate" and summary["documents"] == 4
    assert _run(source, tmp_path / "w2", "--workers", "2") == 0
    assert _outputs(tmp_path / "w2") == one
    single = tmp_path / "single.jsonl"
    assert main(["translate", "--to", "en", "--no-glossary", "--no-cache", "--jsonl", str(source / "part-00.jsonl"), "-o", str(single)]) == 0
    assert single.read_bytes() == one["part-00.jsonl"]


def test_a_rerun_skips_the_shards_already_complete(installed_model, source, tmp_path, capsys):
    assert _run(source, tmp_path / "out") == 0
    first = _outputs(tmp_path / "out")
    capsys.readouterr()
    assert _run(source, tmp_path / "out") == 0
    assert "4 shards (4 already complete)" in capsys.readouterr().err
    assert _outputs(tmp_path / "out") == first


def test_on_a_dask_local_cluster_the_bytes_are_the_same(installed_model, source, tmp_path):
    distributed = pytest.importorskip("distributed")
    assert _run(source, tmp_path / "local") == 0
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    try:
        assert _run(source, tmp_path / "dask", "--scheduler", cluster.scheduler_address) == 0
    finally:
        cluster.close()
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "local")


def test_killed_midway_and_started_again_writes_what_an_uninterrupted_run_does(
    installed_model, source, cli_script, killed_at_first_marker, tmp_path
):
    assert _run(source, tmp_path / "whole") == 0
    out = tmp_path / "out"
    argv = [sys.executable, str(cli_script), "translate", "--to", "en", "--no-glossary", "--no-cache", "--jsonl", str(source), "--out-dir", str(out)]
    killed_at_first_marker(argv, out)
    subprocess.run(argv, check=True, capture_output=True)
    assert _outputs(out) == _outputs(tmp_path / "whole")


def test_bad_input_is_one_line_and_exit_2(installed_model, source, tmp_path, capsys):
    (source / "part-09.jsonl").write_text("not json\n", encoding="utf-8")
    assert _run(source, tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert "part-09.jsonl, line 1" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as stop:
        main(["translate", "--jsonl", str(source), "--out-dir", str(tmp_path / "x")])
    assert stop.value.code == 2
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    capsys.readouterr()
    assert main(["translate", "--to", "en", "--no-glossary", "--jsonl", str(fifo), "--out-dir", str(tmp_path / "y")]) == 2
    err = capsys.readouterr().err.strip()
    assert err and len(err.splitlines()) == 1 and "Traceback" not in err

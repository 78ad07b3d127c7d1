"""Shards of real dev documents, and what one process writes for them: the reference every
other way of running must match byte for byte.

Fixtures: ``align_spec`` (the align job, without the glossary so that every worker builds it
fast; the alignment is real), ``make_shards(folder, count)``, ``read_outputs(folder)``,
``shards`` (four shards of two documents, the last gzipped), ``reference`` (their outputs
from one process) and ``local_cluster`` (the address of a Dask LocalCluster of two worker
processes, shared by the module's tests and closed after them); for ``pair``,
``make_pair_shards(folder)`` and ``pair_shards`` (three shards of Korean and English
documents, with ``whole.jsonl`` beside them: the same documents as one file); for the kill
tests, ``cli_script`` (a script that runs the CLI on its arguments) and
``killed_at_first_marker(command, out)``.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from diglot.batch import JobSpec, run_batch

sys.path.insert(0, str(Path(__file__).parent))  # countingjob, for worker processes too

DEV = Path(__file__).resolve().parents[2] / "data" / "korean-parallel-corpora" / "ko-en-news.dev.jsonl"
ALIGN = JobSpec.make("diglot.cli.batchjobs:AlignJob", no_glossary=True)


def _make_shards(folder: Path, count: int, per_shard: int = 2) -> Path:
    """``count`` shards of ``per_shard`` dev documents each; the last one gzipped."""
    lines = DEV.read_text(encoding="utf-8").splitlines(keepends=True)
    folder.mkdir(parents=True)
    for index in range(count):
        text = "".join(lines[index * per_shard : (index + 1) * per_shard])
        if index == count - 1:
            (folder / f"part-{index:02d}.jsonl.gz").write_bytes(gzip.compress(text.encode("utf-8")))
        else:
            (folder / f"part-{index:02d}.jsonl").write_text(text, encoding="utf-8")
    return folder


def _read_outputs(folder: Path) -> dict[str, bytes]:
    """Every file of an output folder but the summary (whose seconds differ from run to run)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "summary.json"}


CLI = """
import sys
from diglot.cli import main
if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""


def _killed_at_first_marker(command: list[str], out: Path) -> int:
    """Run ``command`` in its own process group and SIGKILL the group as soon as ``out`` holds a
    shard's completion marker; how many markers there are then."""
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        while process.poll() is None and not list(out.glob(".*.done")):
            pass
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    return len(list(out.glob(".*.done")))


@pytest.fixture(scope="session")
def killed_at_first_marker():
    return _killed_at_first_marker


@pytest.fixture
def cli_script(tmp_path) -> Path:
    script = tmp_path / "run.py"
    script.write_text(CLI, encoding="utf-8")
    return script


@pytest.fixture(scope="session")
def align_spec() -> JobSpec:
    return ALIGN


@pytest.fixture(scope="session")
def make_shards():
    return _make_shards


@pytest.fixture(scope="session")
def read_outputs():
    return _read_outputs


@pytest.fixture(scope="session")
def shards(tmp_path_factory) -> Path:
    return _make_shards(tmp_path_factory.mktemp("batch") / "in", 4)


@pytest.fixture(scope="session")
def reference(shards, tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("reference") / "out"
    run_batch(ALIGN, str(shards), out)
    return _read_outputs(out)


@pytest.fixture(scope="module")
def local_cluster():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def _make_pair_shards(folder: Path, count: int = 3) -> Path:
    """Six dev articles as separate Korean and English documents (dated, the English a day later),
    shuffled into ``count`` shards of JSON lines, the last gzipped; ``whole.jsonl`` beside the
    folder holds them all in shard order, as one file."""
    rng = random.Random(15)
    documents = []
    for number, line in enumerate(DEV.read_text(encoding="utf-8").splitlines()[:6]):
        record = json.loads(line)
        documents.append({"id": f"ko-{number}", "lang": "ko", "date": f"2011-10-{number + 1:02d}", "lines": record["ko"]})
        documents.append({"id": f"en-{number}", "lang": "en", "date": f"2011-10-{number + 2:02d}", "text": "\n".join(record["en"])})
    rng.shuffle(documents)
    folder.mkdir(parents=True)
    texts = ["".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents[index::count]) for index in range(count)]
    for index, text in enumerate(texts):
        if index == count - 1:
            (folder / f"docs-{index}.jsonl.gz").write_bytes(gzip.compress(text.encode("utf-8")))
        else:
            (folder / f"docs-{index}.jsonl").write_text(text, encoding="utf-8")
    (folder.parent / "whole.jsonl").write_text("".join(texts), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def make_pair_shards():
    return _make_pair_shards


@pytest.fixture(scope="session")
def pair_shards(tmp_path_factory) -> Path:
    return _make_pair_shards(tmp_path_factory.mktemp("pair") / "in")

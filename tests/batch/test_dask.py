"""The runner on real Dask clusters: a LocalCluster of processes, and a scheduler and workers
started as processes on localhost, as a user's cluster would be. Each writes the bytes one
process writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from liveserver import free_port, stop

from diglot.batch import run_batch
from diglot.errors import DiglotError

distributed = pytest.importorskip("distributed")


def test_a_local_cluster_of_processes_writes_the_same_bytes(shards, reference, align_spec, read_outputs, tmp_path):
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    try:
        run_batch(align_spec, str(shards), tmp_path / "out", scheduler=cluster.scheduler_address)
    finally:
        cluster.close()
    assert read_outputs(tmp_path / "out") == reference


@pytest.fixture
def process_cluster():
    """``dask scheduler`` and ``dask worker`` (two single-threaded worker processes) on localhost."""
    address = f"tcp://127.0.0.1:{free_port()}"
    port = address.rsplit(":", 1)[1]
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", port,
         "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    workers = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nworkers", "2", "--nthreads", "1",
         "--no-dashboard", "--host", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the nannies and their workers stop together
    )  # fmt: skip
    try:
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        os.killpg(workers.pid, signal.SIGKILL)  # a graceful stop of nannies takes seconds
        workers.wait()
        stop(scheduler)


def test_a_scheduler_and_workers_started_as_processes_write_the_same_bytes(
    process_cluster, shards, reference, align_spec, read_outputs, tmp_path
):
    run_batch(align_spec, str(shards), tmp_path / "out", scheduler=process_cluster)
    assert read_outputs(tmp_path / "out") == reference


def test_a_scheduler_that_does_not_answer_is_one_clear_error(shards, align_spec, tmp_path, monkeypatch):
    monkeypatch.setattr("diglot.batch.runner.CONNECT_TIMEOUT", "1s")
    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(DiglotError, match="cannot reach the Dask scheduler at tcp://127.0.0.1"):
        run_batch(align_spec, str(shards), tmp_path / "out", scheduler=address)


def test_without_dask_installed_the_error_says_what_to_install(shards, align_spec, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(DiglotError, match=r"--scheduler needs Dask: pip install 'diglot\[dask\]'"):
        run_batch(align_spec, str(shards), tmp_path / "out", scheduler="tcp://127.0.0.1:1")


def test_the_merging_commands_on_a_scheduler_and_workers_started_as_processes(
    process_cluster, shards, pair_shards, tmp_path, capsys
):
    from diglot.cli import main

    def printed(args: list[str]) -> str:
        capsys.readouterr()
        assert main(args) in (0, 1)
        return capsys.readouterr().out

    pair = ["pair", "--no-glossary", "--jsonl", str(pair_shards)]
    assert printed([*pair, "--scheduler", process_cluster, "--out-dir", str(tmp_path / "a")]) == printed(pair)
    consistency = ["glossary", "consistency", "--no-glossary", "--json", "--jsonl", str(shards)]
    assert printed([*consistency, "--scheduler", process_cluster]) == printed(consistency)

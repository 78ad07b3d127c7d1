"""A server subprocess for tests: a free local port, waiting until it answers, stopping it.

Tests that start ``diglot serve`` (or a Dask scheduler) for real share these, so that every
one of them waits, fails and cleans up the same way.
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

STARTUP_SECONDS = 60  # the longest a server may take to answer /health before the test fails


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    """Whether the server at ``url`` answers ``/health`` with 200."""
    try:
        with urllib.request.urlopen(url + "/health", timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    """Return once the server answers; if it exits or never answers, stop it and raise with its log."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while not healthy(url):
        if process.poll() is not None or time.monotonic() > deadline:
            stop(process)
            raise RuntimeError(f"diglot serve did not start (exit {process.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.1)


def stop(process: subprocess.Popen) -> None:
    """Terminate the server, or kill it if it does not stop within ten seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

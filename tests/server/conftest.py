"""``diglot serve`` started for real: a subprocess on a free local port, with the suite's tiny
real model installed in a temporary ``DIGLOT_HOME``.

Every server here runs under an audit hook (:data:`OFFLINE_HOOK`) that refuses any outbound
connection and writes down each attempt, so a test can prove the server stayed offline.

Fixtures:

``server`` (session)
    The open server: no keys, no limits, a copy of the curated glossaries plus a copy of
    ``data/desk.yaml`` (``server.desk`` is that copy's path).
``keyed_server`` (session)
    A server that needs a key (``server.keys_file``; ``good-key`` is valid), with
    ``--req-limit 5``, ``--char-limit 200`` and ``--batch-limit 3``.

Both are launched together the first time either is asked for, so their start-ups overlap, and
stopped when the session ends.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from liveserver import free_port, stop, wait_healthy

DATA = Path(__file__).parent / "data"

REFUSE_OUTBOUND = """
import socket, sys
def refuse_outbound(event, args):
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        sock = args[0]
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            with open(sys.argv[1], "a") as log:
                log.write(f"{event} {args[1]!r}\\n")
            raise OSError("outbound connection refused in tests")
sys.addaudithook(refuse_outbound)
"""
OFFLINE_HOOK = REFUSE_OUTBOUND + "from diglot.cli import main\nsys.exit(main(sys.argv[2:]))\n"


@pytest.fixture
def refuse_outbound() -> str:
    """Python code that refuses and logs (to ``sys.argv[1]``) every outbound connection."""
    return REFUSE_OUTBOUND


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    home: Path
    outbound_log: Path
    log: Path
    desk: Path | None = None
    keys_file: Path | None = None

    def wait_ready(self) -> "Server":
        """Wait until the server answers ``/health``; fail with its log if it exits or never does."""
        wait_healthy(self.url, self.process, self.log)
        return self

    def stop(self) -> None:
        stop(self.process)


def launch_server(root: Path, home: Path, *options: str) -> Server:
    """``diglot serve`` started in a subprocess (see :meth:`Server.wait_ready`)."""
    port = free_port()
    env = {**os.environ, "DIGLOT_HOME": str(home), "XDG_DATA_HOME": str(root / "xdg"), "LANGUAGE": "en"}
    env.pop("ARGOS_PACKAGES_DIR", None)
    outbound, log = root / "outbound.log", root / "server.log"
    outbound.touch()
    command = [sys.executable, "-c", OFFLINE_HOOK, str(outbound), "serve", "--port", str(port), *options]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    return Server(f"http://127.0.0.1:{port}", process, home, outbound, log)


def _fresh_home(store: Path, root: Path) -> Path:
    """A DIGLOT_HOME under ``root`` holding a copy of the model ``store``."""
    home = root / "home"
    shutil.copytree(store, home / "models")
    return home


@pytest.fixture(scope="session")
def _launched(tmp_path_factory, _installed_store):
    """Both servers, started together so that their start-ups overlap."""
    from diglot.glossary import default_glossary_dir

    root = tmp_path_factory.mktemp("server")
    curated = shutil.copytree(default_glossary_dir(), root / "glossaries")  # edits through the API touch copies
    desk = root / "desk.yaml"
    shutil.copy(DATA / "desk.yaml", desk)
    open_server = launch_server(root, _fresh_home(_installed_store, root), "-g", str(curated), "-g", str(desk))
    open_server.desk = desk

    root = tmp_path_factory.mktemp("keyed-server")
    keys = root / "keys.txt"
    keys.write_text("# newsroom keys\ngood-key\nlimits-key\nrate-key  # the rate-limit test's own\n", encoding="utf-8")
    keyed = launch_server(
        root, _fresh_home(_installed_store, root), "--api-keys", str(keys),
        "--req-limit", "5", "--char-limit", "200", "--batch-limit", "3",
    )
    keyed.keys_file = keys
    yield {"open": open_server, "keyed": keyed}
    open_server.stop()
    keyed.stop()


@pytest.fixture(scope="session")
def server(_launched) -> Server:
    return _launched["open"].wait_ready()


@pytest.fixture(scope="session")
def keyed_server(_launched) -> Server:
    return _launched["keyed"].wait_ready()

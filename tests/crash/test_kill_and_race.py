"""Crash safety: processes killed with SIGKILL mid-work, and editors racing each other.

* ``diglot glossary add`` killed at random moments leaves the old glossary or the new one,
  never half of one; the next edit removes the temporary file a killed one left, and no lock
  file stays beside the user's glossary.
* Two processes adding entries to one glossary at once lose no entry (the loser of the lock is
  refused with one line, and tries again).
* The translation memory keeps every batch it committed before a kill, and opens afterwards
  without being rebuilt; several processes writing to it at once lose no row and none of them
  gives it up or takes it for read-only.

The kill points are drawn from a seeded generator; the counts are small so the tests stay fast.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from diglot.glossary import load_glossary
from diglot.translate.cache import TranslationMemory

MINI = Path(__file__).resolve().parents[1] / "glossary" / "data" / "mini.yaml"
KILLS = 24
WAIT_S = 60  # how long a helper process may take to say it is ready (a bound, not a speed test)

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")


def _start(script: str) -> subprocess.Popen:
    """A Python process running ``script``, once it has printed its first line (ready)."""
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    deadline = time.monotonic() + WAIT_S
    line = proc.stdout.readline()
    assert line.strip() == "ready" and time.monotonic() < deadline, f"helper did not start: {line!r}"
    return proc


def _kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=WAIT_S)
    assert proc.stdout is not None
    proc.stdout.close()


def _left_beside(glossary: Path) -> list[str]:
    return sorted(p.name for p in glossary.parent.iterdir() if p.name != glossary.name)


def test_a_killed_glossary_add_leaves_the_old_or_the_new_file(tmp_path):
    glossary = tmp_path / "terms.yaml"
    shutil.copy(MINI, glossary)
    old_ids = {e.id for e in load_glossary([glossary])}
    script = f"""
        import contextlib, io
        from diglot.cli import main
        args = ["--file", {str(glossary)!r}]
        ready = False
        while True:
            with contextlib.redirect_stdout(io.StringIO()):  # what the commands print
                main(["glossary", "add", *args, "--id", "kill-test", "--type", "term", "--ko", "시험용어", "--en", "test term"])
                main(["glossary", "remove", "kill-test", *args])
            if not ready:  # warmed up: every kill from now on lands among the edits
                print("ready", flush=True)
                ready = True
        """
    rng = random.Random(17)
    for _ in range(KILLS):
        proc = _start(script)
        time.sleep(rng.uniform(0.0, 0.2))
        _kill(proc)
        ids = {e.id for e in load_glossary([glossary])}  # raises if the file were half-written
        assert ids in (old_ids, old_ids | {"kill-test"}), ids - old_ids
    # The next edit cleans up after the killed ones: no temporary or lock file is left.
    from diglot.cli import main

    if "kill-test" in {e.id for e in load_glossary([glossary])}:
        assert main(["glossary", "remove", "kill-test", "--file", str(glossary)]) == 0
    assert main(["glossary", "add", "--file", str(glossary), "--id", "after", "--type", "term",
                 "--ko", "뒷말", "--en", "afterword"]) == 0
    assert _left_beside(glossary) == []
    assert {e.id for e in load_glossary([glossary])} == old_ids | {"after"}


def test_concurrent_glossary_edits_lose_no_entry(tmp_path):
    glossary = tmp_path / "terms.yaml"
    shutil.copy(MINI, glossary)
    per_process = 15
    script = """
        import sys
        from diglot.errors import DiglotError
        from diglot.glossary.edit import add_entries
        from diglot.glossary.model import Entry, Terms
        name, korean, path, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        print("ready", flush=True)
        for i in range(count):
            entry = Entry(f"{name}-{i}", "term", {"ko": Terms(f"{korean}어{i}"), "en": Terms(f"{name} word {i}")})
            while True:
                try:
                    add_entries(path, [entry])
                    break
                except DiglotError as err:
                    if "another process" not in str(err):
                        raise
        """
    procs = [
        subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), name, korean, str(glossary), str(per_process)],
                         stdout=subprocess.DEVNULL)
        for name, korean in (("ga", "가"), ("na", "나"))
    ]
    for proc in procs:
        assert proc.wait(timeout=WAIT_S * 3) == 0
    ids = {e.id for e in load_glossary([glossary])}
    assert {f"{n}-{i}" for n in ("ga", "na") for i in range(per_process)} <= ids
    assert _left_beside(glossary) == []


def test_the_translation_memory_survives_a_kill(tmp_path):
    path = tmp_path / "tm.sqlite"
    script = f"""
        from pathlib import Path
        from diglot.translate.cache import TranslationMemory
        tm = TranslationMemory(Path({str(path)!r}))
        print("ready", flush=True)
        batch = 0
        while True:
            rows = [(f"{{batch}}-{{i}}", "model", "glossary", f"source {{i}}", f"target {{i}}") for i in range(50)]
            tm.put_many(rows)
            batch += 1
            print(batch, flush=True)
        """
    rng = random.Random(23)
    for _ in range(8):
        proc = _start(script)
        time.sleep(rng.uniform(0.05, 0.3))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=WAIT_S)
        committed = [int(line) for line in out.split()]
        tm = TranslationMemory(path)
        try:
            assert tm.problem is None, tm.problem
            if committed:
                keys = [f"{committed[-1] - 1}-{i}" for i in range(50)]
                assert len(tm.get_many(keys)) == 50, "a committed batch was lost"
        finally:
            tm.close()
    assert os.path.getsize(path) > 0


def test_concurrent_writers_share_the_translation_memory(tmp_path):
    path = tmp_path / "tm.sqlite"
    TranslationMemory(path).close()  # the table exists: what a second run opening it sees
    batches, writers = 40, 4
    script = """
        import sys
        from pathlib import Path
        from diglot.translate.cache import TranslationMemory
        name, batches = sys.argv[1], int(sys.argv[2])
        print("ready", flush=True)
        for batch in range(batches):
            tm = TranslationMemory(Path(sys.argv[3]))  # a run opens, writes and closes, as translate does
            tm.put_many([(f"{name}-{batch}-{i}", "model", "glossary", f"source {i}", f"target {i}") for i in range(200)])
            problem = tm.problem
            tm.close()
            if problem:
                print(problem, flush=True)
                sys.exit(1)
        """
    procs = [
        subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), f"w{n}", str(batches), str(path)],
                         stdout=subprocess.PIPE, text=True)  # fmt: skip
        for n in range(writers)
    ]
    outputs = [proc.communicate(timeout=WAIT_S * 3)[0] for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * writers, outputs
    tm = TranslationMemory(path)
    try:
        assert tm.problem is None and len(tm) == writers * batches * 200
    finally:
        tm.close()


def test_a_memory_busy_with_another_writer_is_not_taken_for_read_only(tmp_path, monkeypatch):
    import sqlite3

    import diglot.translate.cache

    path = tmp_path / "tm.sqlite"
    TranslationMemory(path).close()
    other = sqlite3.connect(str(path))
    other.execute("BEGIN IMMEDIATE")  # another run in the middle of a write
    monkeypatch.setattr(diglot.translate.cache, "BUSY_TIMEOUT_S", 0.1)
    try:
        tm = TranslationMemory(path)
        assert (tm.problem, tm.read_only) == (None, False)
        tm.close()
    finally:
        other.rollback()
        other.close()

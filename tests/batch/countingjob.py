"""A job that notes in a file the process that builds it, to show that each worker builds its job
once and keeps it for every shard (importable by worker processes: conftest puts this folder on
``sys.path``, which spawned processes inherit)."""

from __future__ import annotations

import os

from diglot.provenance import Signature


class CountingJob:
    def __init__(self, log: str):
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()}\n")
        self.signature = Signature.make(task="count")

    def __call__(self, text: str, name: str) -> str:
        return "".join(f"{os.getpid()}\t{line}\n" for line in text.splitlines() if line.strip())

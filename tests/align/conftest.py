import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "data" / "korean-parallel-corpora" / "ko-en-news.dev.jsonl"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def dev_docs():
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def seed_texts():
    return (
        (SEEDS / "000_4cf5f6c82bb4f27d.ko.txt").read_text(encoding="utf-8"),
        (SEEDS / "000_4cf5f6c82bb4f27d.txt").read_text(encoding="utf-8"),
    )


def assert_covers(beads, n_src, n_tgt):
    """Every segment of both sides exactly once, in order."""
    src = [i for b in beads for i in (b.src if hasattr(b, "src") else b[0])]
    tgt = [j for b in beads for j in (b.tgt if hasattr(b, "tgt") else b[1])]
    assert src == list(range(n_src))
    assert tgt == list(range(n_tgt))

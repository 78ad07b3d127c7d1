"""Alignment stays linear with a document's length: what it builds (the cost tables of its
dynamic programming, the anchor hits it stores) grows with the lines, not with lines × lines.

Counted, not timed: a document four times as long builds about four times the cells and hits,
and no single table grows with it (a lines × lines table would give sixteen times)."""

from __future__ import annotations

import pytest

from diglot.align import align, passes, search
from diglot.segment import segment_lines


def _long(dev_docs, lines: int) -> tuple[list[str], list[str]]:
    """The dev documents one after another, whole beads, until the Korean side has ``lines`` lines."""
    ko: list[str] = []
    en: list[str] = []
    while len(ko) < lines:
        for doc in dev_docs:
            for k, e in doc["gold"]:
                if len(ko) + len(k) > lines:
                    return ko, en
                ko += [doc["ko"][i] for i in k]
                en += [doc["en"][j] for j in e]
    return ko, en


def _built(dev_docs, lines: int, monkeypatch) -> dict[str, int]:
    """Align one long document; count the cost-table cells and the hits it built."""
    counts = {"cells": 0, "largest": 0, "hits": 0}
    cost_tables, prepare = search.cost_tables, passes.prepare

    def counted_tables(docs, params):
        types, costs = cost_tables(docs, params)
        counts["cells"] += costs.size
        counts["largest"] = max(counts["largest"], costs.size)
        return types, costs

    def counted_prepare(doc, *args, **kwargs):
        prepare(doc, *args, **kwargs)
        counts["hits"] += sum(len(hits.hits[0]) + len(hits.overlaps[0]) for hits in (doc.ko_hits, doc.en_hits))

    monkeypatch.setattr(search, "cost_tables", counted_tables)
    monkeypatch.setattr(passes, "prepare", counted_prepare)
    ko, en = _long(dev_docs, lines)
    beads = align(segment_lines(ko, "ko"), segment_lines(en, "en"))
    monkeypatch.undo()
    assert [i for b in beads for i in b.src] == list(range(len(ko)))
    return counts


@pytest.fixture(scope="module")
def growth(dev_docs):
    with pytest.MonkeyPatch.context() as monkeypatch:
        small = _built(dev_docs, 400, monkeypatch)
    with pytest.MonkeyPatch.context() as monkeypatch:
        large = _built(dev_docs, 1600, monkeypatch)
    return small, large


def test_cost_table_cells_grow_with_the_lines_not_their_square(growth):
    small, large = growth
    assert large["cells"] <= 4 * 1.3 * small["cells"]  # lines × lines would be 16 times


def test_no_single_table_grows_with_the_document(growth):
    small, large = growth
    assert large["largest"] <= 1.3 * small["largest"]


def test_stored_hits_grow_with_the_lines(growth):
    small, large = growth
    assert small["hits"] > 0
    assert large["hits"] <= 4 * 1.3 * small["hits"]


def test_hits_looked_up_in_blocks_give_the_same_beads(dev_docs, monkeypatch):
    """A long document's hits are looked up a block of (unit, key) pairs at a time, to bound the
    temporary arrays; however small the blocks, the beads are those of one lookup."""
    from diglot.align import hits

    ko, en = _long(dev_docs, 400)
    sides = segment_lines(ko, "ko"), segment_lines(en, "en")
    monkeypatch.setattr(hits, "LOOKUP_BLOCK", 1 << 62)  # all pairs at once
    whole = align(*sides)
    monkeypatch.setattr(hits, "LOOKUP_BLOCK", 97)  # blocks that cut through a unit's keys
    assert align(*sides) == whole

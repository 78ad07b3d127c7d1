"""Cost tables: the cost of every bead type ending at every cell, for a group of documents.

A bead's cost (:mod:`diglot.align.model`) sums its type's cost, its lengths' Gale–Church cost,
its anchors' log-likelihood ratio and its sentence-count agreement. Everything is computed for
all cells at once from running totals: a sum over a bead's sentences is the difference of two
entries of a prefix sum, and its anchors' gains a block of a summed-area table of hits
(:class:`_AnchorTables`).
"""

from __future__ import annotations

import math

import numpy as np

from diglot.align.anchors import KINDS
from diglot.align.dp import INF
from diglot.align.hits import Document
from diglot.align.model import Params


def length_cost(ko_len: np.ndarray, en_len: np.ndarray, ratio: float, variance: float) -> np.ndarray:
    """Gale–Church: ``-log P(|δ| ≥ observed)`` for beads of these total lengths, where
    ``δ = (en - ratio · ko) / sqrt(variance · mean)`` and ``mean`` is the bead's length in Korean
    characters (both sides averaged, at least 1)."""
    mean = np.maximum((ko_len + en_len / ratio) / 2, 1.0)
    delta = np.abs(en_len - ratio * ko_len) / np.sqrt(variance * mean)
    return _neg_log_erfc(delta / math.sqrt(2))


def _neg_log_erfc(x: np.ndarray) -> np.ndarray:
    """``-log erfc(x)`` for x ≥ 0 without underflow (Numerical Recipes' erfcc, error < 1.2e-7)."""
    t = 1.0 / (1.0 + 0.5 * x)
    poly = np.full_like(t, 0.17087277)
    for coefficient in (-0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196,
                        1.00002368):  # fmt: skip
        poly *= t  # Horner's rule in place: these arrays are the largest the aligner makes
        poly += coefficient
    poly *= t
    poly += -1.26551223
    out = x * x
    out -= poly
    out -= np.log(t)
    return out


def cost_tables(docs: list[Document], params: Params) -> tuple[list[tuple[int, int]], np.ndarray]:
    """The cost of every bead type ending at every cell of every document, all computed together.

    Returns the types (those with both sides) and their costs, documents × types × rows ×
    columns, the documents padded to the largest (see :mod:`diglot.align.dp`). A bead (a, b)
    ending at (i, j) starts at (i - a, j - b): its sums over sentences are running totals read
    at two rows (columns), the second shifted by a (b).
    """
    types = [t for t in params.types if t[0] and t[1]]
    height, width = max(len(d.ko) for d in docs) + 1, max(len(d.en) for d in docs) + 1
    row_from = {a: np.maximum(np.arange(height) - a, 0) for a in {t[0] for t in types}}
    col_from = {b: np.maximum(np.arange(width) - b, 0) for b in {t[1] for t in types}}
    r0 = np.array([row_from[a] for a, _ in types])  # (types, rows)
    c0 = np.array([col_from[b] for _, b in types])
    ko_len = _prefix_sums([[f.length for f in d.ko] for d in docs], height)
    en_len = _prefix_sums([[f.length for f in d.en] for d in docs], width)
    lk = (ko_len[:, None, :] - ko_len[:, r0])[:, :, :, None]
    le = (en_len[:, None, :] - en_len[:, c0])[:, :, None, :]
    cost = length_cost(lk, le, params.ratio, params.variance)
    cost += np.array([params.type_cost[t] for t in types])[None, :, None, None]
    # Korean units face b English sentences, English units a Korean ones: the anchor weights
    # depend on how many sentences a unit faces.
    hits = _BatchHits(docs, height, width)
    tables = {size: _AnchorTables(hits, params.weights(size)) for size in {x for t in types for x in t}}
    for index, (a, b) in enumerate(types):
        cost[:, index] -= tables[b].korean(row_from[a], col_from[b], facing=b)
        cost[:, index] -= tables[a].english(row_from[a], col_from[b], facing=a)
    ko_sentences = _prefix_sums([[f.sentences for f in d.ko] for d in docs], height)
    en_sentences = _prefix_sums([[f.sentences for f in d.en] for d in docs], width)
    ko_counts = (ko_sentences[:, None, :] - ko_sentences[:, r0])[:, :, :, None]
    same = ko_counts == (en_sentences[:, None, :] - en_sentences[:, c0])[:, :, None, :]
    weights = np.array([params.sentence_weights(t) for t in types])  # (types, 2): agree, disagree
    cost -= np.where(same, weights[None, :, 0, None, None], weights[None, :, 1, None, None])
    rows, cols = np.arange(height)[:, None], np.arange(width)[None, :]
    for index, (a, b) in enumerate(types):
        cost[:, index, (rows < a) | (cols < b)] = INF
    return types, cost


def _prefix_sums(values: list[list[float]], size: int) -> np.ndarray:
    """Each document's running totals from 0, padded with its last total to ``size`` entries."""
    padded = np.zeros((len(values), size))
    for row, these in zip(padded, values):
        row[1 : len(these) + 1] = these
    return padded.cumsum(1)


class _BatchHits:
    """The hits of a group of documents as flat indices into documents × rows × columns."""

    def __init__(self, docs: list[Document], height: int, width: int) -> None:
        self.shape = (len(docs), height - 1, width - 1)
        rows, cols = height - 1, width - 1

        def flat(pick) -> tuple[np.ndarray, np.ndarray]:
            parts = [pick(doc) for doc in docs]
            index = [d * rows * cols + i.astype(np.int64) * cols + j for d, (i, j, _) in enumerate(parts)]
            return np.concatenate(index), np.concatenate([k for _, _, k in parts])

        self.ko_hits, self.en_hits = flat(lambda d: d.ko_hits.hits), flat(lambda d: d.en_hits.hits)
        self.ko_overlaps, self.en_overlaps = flat(lambda d: d.ko_hits.overlaps), flat(lambda d: d.en_hits.overlaps)
        self.ko_totals = np.zeros((len(docs), rows, len(KINDS)))
        self.en_totals = np.zeros((len(docs), cols, len(KINDS)))
        for d, doc in enumerate(docs):
            self.ko_totals[d, : len(doc.ko)] = doc.ko_hits.totals
            self.en_totals[d, : len(doc.en)] = doc.en_hits.totals

    def scatter(self, hits: tuple[np.ndarray, np.ndarray], gain: np.ndarray) -> np.ndarray:
        """The gains of the hits summed into a documents × rows × columns array."""
        index, kinds = hits
        return np.bincount(index, weights=gain[kinds], minlength=int(np.prod(self.shape))).reshape(self.shape)


class _AnchorTables:
    """Summed-area tables of anchor log-likelihood ratios under one set of weights.

    The LLR of a bead is the sum over its sentences of "every unit missing" plus, for each pair
    of its sentences, what the units found in that pair gain; a unit found in two neighbouring
    sentences of the other side is counted once (the overlap is subtracted). Methods take the
    bead's start row and column of each cell (``r0``, ``c0``) and how many sentences of the other
    side the units face (``b`` for Korean units, ``a`` for English ones).
    """

    def __init__(self, hits: _BatchHits, weights: dict[str, tuple[float, float]]) -> None:
        count, n, m = hits.shape
        missing = np.array([weights[kind][1] for kind in KINDS])
        gain = np.array([weights[kind][0] - weights[kind][1] for kind in KINDS])
        zeros = np.zeros((count, 1))
        self.ko_base = np.hstack([zeros, (hits.ko_totals @ missing).cumsum(1)])
        self.en_base = np.hstack([zeros, (hits.en_totals @ missing).cumsum(1)])
        self.ko_table = _summed(hits.scatter(hits.ko_hits, gain))
        self.en_table = _summed(hits.scatter(hits.en_hits, gain))
        # Overlaps of Korean sentence i with English j and j+1, summed down the rows (and across for English).
        self.ko_overlap = np.concatenate([np.zeros((count, 1, m)), hits.scatter(hits.ko_overlaps, gain).cumsum(1)], 1)
        self.en_overlap = np.concatenate([np.zeros((count, n, 1)), hits.scatter(hits.en_overlaps, gain).cumsum(2)], 2)
        self.n, self.m = n, m

    def korean(self, r0: np.ndarray, c0: np.ndarray, facing: int) -> np.ndarray:
        out = (self.ko_base - self.ko_base[:, r0])[:, :, None] + _block(self.ko_table, r0, c0)
        for first in range(facing - 1):  # pairs (j-b+first, j-b+first+1) of the English side
            overlap = self.ko_overlap[:, :, np.clip(np.arange(self.m + 1) - facing + first, 0, self.m - 1)]
            out -= overlap - overlap[:, r0]
        return out

    def english(self, r0: np.ndarray, c0: np.ndarray, facing: int) -> np.ndarray:
        out = (self.en_base - self.en_base[:, c0])[:, None, :] + _block(self.en_table, r0, c0)
        for first in range(facing - 1):
            overlap = self.en_overlap[:, np.clip(np.arange(self.n + 1) - facing + first, 0, self.n - 1)]
            out -= overlap - overlap[:, :, c0]
        return out


def _summed(values: np.ndarray) -> np.ndarray:
    table = np.zeros((values.shape[0], values.shape[1] + 1, values.shape[2] + 1))
    table[:, 1:, 1:] = values.cumsum(1).cumsum(2)
    return table


def _block(table: np.ndarray, r0: np.ndarray, c0: np.ndarray) -> np.ndarray:
    """Each cell's sum over the block from (r0, c0) to it, from a summed-area table."""
    above = table[:, r0]
    return table - above - table[:, :, c0] + above[:, :, c0]

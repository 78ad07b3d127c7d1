"""Plain Gale–Church (1993): the length-based baseline the aligner is measured against.

Sentence lengths in characters, the English/Korean ratio of the whole input, Gale and Church's
variance (s² = 6.8) and bead probabilities (1-1: 0.89, 1-0 and 0-1: 0.0099, 2-1 and 1-2: 0.089,
2-2: 0.011), and nothing else: no anchors, no boilerplate detection. It shares the length cost
(:func:`diglot.align.costs.length_cost`) and the dynamic programming (:mod:`diglot.align.dp`)
of diglot's aligner.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from diglot.align.dp import INF, best_path
from diglot.align.anchors import text_length
from diglot.align.costs import length_cost

PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2, (2, 2): 0.011}
VARIANCE = 6.8


def gale_church(src: Sequence[str], tgt: Sequence[str], ratio: float | None = None) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Align two sentence lists by length alone; beads as ``(source ids, target ids)``."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [((i,), ()) for i in range(n)] + [((), (j,)) for j in range(m)]
    src_len = np.concatenate([[0], np.cumsum([text_length(s) for s in src])]).astype(float)
    tgt_len = np.concatenate([[0], np.cumsum([text_length(t) for t in tgt])]).astype(float)
    if ratio is None:
        ratio = tgt_len[-1] / src_len[-1] if src_len[-1] and tgt_len[-1] else 1.0
    rows, cols = np.arange(n + 1)[:, None], np.arange(m + 1)[None, :]
    costs = {}
    for (a, b), prior in PRIORS.items():
        if a == 0 or b == 0:
            continue
        ls = src_len[rows] - src_len[np.maximum(rows - a, 0)]
        lt = tgt_len[cols] - tgt_len[np.maximum(cols - b, 0)]
        cost = -math.log(prior) + length_cost(ls, lt, ratio, VARIANCE * ratio)
        cost[(rows < a) | (cols < b)] = INF
        costs[(a, b)] = cost
    path, _, _ = best_path(n, m, costs, -math.log(PRIORS[(1, 0)]), -math.log(PRIORS[(0, 1)]))
    beads, i, j = [], 0, 0
    for a, b in path:
        beads.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    return beads

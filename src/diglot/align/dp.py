"""Dynamic programming over beads, vectorised row by row with numpy.

``costs[(a, b)]`` is an ``(n+1) × (m+1)`` array: the cost of the bead of type (a, b) that ends
after Korean sentence ``i`` and English sentence ``j`` (it covers ``ko[i-a:i]``, ``en[j-b:j]``).
Null beads (1-0, 0-1) cost a constant. Each row is one vector step: every type that consumes a
Korean sentence reads rows above; the 0-1 bead, which stays in the row, is a running minimum
(``D[i, j] = min(X[j], D[i, j-1] + c)`` is ``j·c + cummin(X - j·c)``).

A band around the diagonal (``band``) marks the cells a path may use; the aligner widens it and
runs again when the best path touches its edge, so long documents stay fast and the result is
still the best path whenever it lies inside the final band.
"""

from __future__ import annotations

import numpy as np

INF = float("inf")


def band_mask(n: int, m: int, width: int) -> np.ndarray:
    """Cells within ``width`` columns of the diagonal from (0, 0) to (n, m)."""
    rows = np.arange(n + 1)[:, None]
    centre = rows * (m / n) if n else np.zeros_like(rows, dtype=float)
    cols = np.arange(m + 1)[None, :]
    return np.abs(cols - centre) <= width


def best_path(
    n: int,
    m: int,
    costs: dict[tuple[int, int], np.ndarray],
    null_ko: float,
    null_en: float,
    allowed: np.ndarray | None = None,
) -> tuple[list[tuple[int, int]], float, bool]:
    """The cheapest sequence of bead types from (0, 0) to (n, m).

    Returns the types in order, the total cost, and whether the path touched the band's edge.
    """
    types = [*costs, (1, 0)]
    stacked = np.stack([*costs.values(), np.full((n + 1, m + 1), null_ko)])  # (types, n+1, m+1)
    a = np.array([t[0] for t in types])
    b = np.array([t[1] for t in types])
    cols = np.arange(m + 1)
    source_cols = np.clip(cols[None, :] - b[:, None], 0, m)  # the column each type comes from
    bad_cols = cols[None, :] < b[:, None]
    total = np.full((n + 1, m + 1), INF)
    back = np.full((n + 1, m + 1), -1, dtype=np.int8)  # index into types; -2 = 0-1
    steps = cols * null_en
    for i in range(n + 1):
        if i == 0:
            best = np.full(m + 1, INF)
            best[0] = 0.0
            arg = np.full(m + 1, -1, dtype=np.int8)
        else:
            rows = i - a
            candidates = total[np.maximum(rows, 0)[:, None], source_cols] + stacked[:, i, :]
            candidates[bad_cols | (rows < 0)[:, None]] = INF
            arg = candidates.argmin(0).astype(np.int8)
            best = candidates[arg, cols]
        if allowed is not None:
            best[~allowed[i]] = INF
        # The 0-1 bead stays in the row: a running minimum.
        shifted = np.minimum.accumulate(best - steps) + steps
        arg[shifted < best - 1e-9] = -2  # (x - jc) + jc may differ from x in the last bit
        if allowed is not None:
            shifted[~allowed[i]] = INF
        total[i], back[i] = shifted, arg
    path: list[tuple[int, int]] = []
    i, j = n, m
    touched = False
    while i > 0 or j > 0:
        code = int(back[i, j])
        if code == -2:
            step = (0, 1)
        elif code >= 0:
            step = types[code]
        else:  # unreachable cell: cannot happen while (0, 0) and (n, m) are in the band
            raise RuntimeError("no path through the band")
        if allowed is not None and _at_edge(allowed, i, j):
            touched = True
        path.append(step)
        i, j = i - step[0], j - step[1]
    path.reverse()
    return path, float(total[n, m]), touched


def _at_edge(allowed: np.ndarray, i: int, j: int) -> bool:
    row = allowed[i]
    return (j > 0 and not row[j - 1]) or (j + 1 < len(row) and not row[j + 1])

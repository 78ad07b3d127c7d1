"""Dynamic programming over beads, vectorised row by row with numpy, many documents at once.

``costs[d, t]`` is an ``(N+1) × (M+1)`` array: the cost in document ``d`` of the bead of type
``types[t] = (a, b)`` that ends after Korean sentence ``i`` and English sentence ``j`` (it covers
``ko[i-a:i]``, ``en[j-b:j]``). Documents smaller than ``N × M`` are padded: a path to their own
corner never enters the padding. Null beads (1-0, 0-1) cost a constant. Each row is one vector
step for every document: every type that consumes a Korean sentence reads rows above; the 0-1
bead, which stays in the row, is a running minimum (``D[i, j] = min(X[j], D[i, j-1] + c)`` is
``j·c + cummin(X - j·c)``). Stepping all documents together pays numpy's cost per call once
for all of them, not once per document.

A band around the diagonal (``band``) marks the cells a path may use; the aligner widens it and
runs again when the best path touches its edge, so long documents stay fast and the result is
still the best path whenever it lies inside the final band.
"""

from __future__ import annotations

import numpy as np

INF = float("inf")


def band_mask(n: int, m: int, width: int, shape: tuple[int, int] | None = None) -> np.ndarray:
    """Cells within ``width`` columns of the diagonal from (0, 0) to (n, m), in an array of
    ``shape`` (default ``(n + 1, m + 1)``; cells beyond the document are outside the band)."""
    rows = np.arange((shape or (n + 1, m + 1))[0])[:, None]
    centre = rows * (m / n) if n else np.zeros_like(rows, dtype=float)
    cols = np.arange((shape or (n + 1, m + 1))[1])[None, :]
    return (np.abs(cols - centre) <= width) & (rows <= n) & (cols <= m)


Path = tuple[list[tuple[int, int]], float, bool]


def best_path(
    n: int,
    m: int,
    costs: dict[tuple[int, int], np.ndarray],
    null_ko: float,
    null_en: float,
    allowed: np.ndarray | None = None,
) -> Path:
    """The cheapest sequence of bead types from (0, 0) to (n, m) of one document.

    Returns the types in order, the total cost, and whether the path touched the band's edge.
    """
    stacked = np.stack(list(costs.values()))[None]
    return best_paths(stacked, list(costs), [(n, m)], null_ko, null_en, None if allowed is None else allowed[None])[0]


def best_paths(
    costs: np.ndarray,
    types: list[tuple[int, int]],
    sizes: list[tuple[int, int]],
    null_ko: float,
    null_en: float,
    allowed: np.ndarray | None = None,
    open_end: bool = False,
) -> list[Path]:
    """:func:`best_path` of each document of ``costs`` (documents × types × rows × columns, see
    the module docs), whose real sizes are ``sizes``; ``allowed`` is its band, one per document.
    With ``open_end``, a path ends in the document's last row at its cheapest column, not in its
    corner (the total returned is still the corner's)."""
    count, _, height, width = costs.shape
    types = [*types, (1, 0)]
    stacked = np.concatenate([costs, np.full((count, 1, height, width), null_ko)], axis=1)
    a = np.array([t[0] for t in types])
    b = np.array([t[1] for t in types])
    cols = np.arange(width)
    source_cols = np.clip(cols[None, :] - b[:, None], 0, width - 1)  # the column each type comes from
    bad_cols = cols[None, :] < b[:, None]
    total = np.full((count, height, width), INF)
    back = np.full((count, height, width), -1, dtype=np.int8)  # index into types; -2 = 0-1
    steps = cols * null_en
    for i in range(height):
        if i == 0:
            best = np.full((count, width), INF)
            best[:, 0] = 0.0
            arg = np.full((count, width), -1, dtype=np.int8)
        else:
            rows = i - a
            candidates = total[:, np.maximum(rows, 0)[:, None], source_cols] + stacked[:, :, i, :]
            candidates[:, bad_cols | (rows < 0)[:, None]] = INF
            arg = candidates.argmin(1).astype(np.int8)
            best = np.take_along_axis(candidates, arg[:, None, :], 1)[:, 0, :]
        if allowed is not None:
            best[~allowed[:, i]] = INF
        # The 0-1 bead stays in the row: a running minimum.
        shifted = np.minimum.accumulate(best - steps, axis=1) + steps
        arg[shifted < best - 1e-9] = -2  # (x - jc) + jc may differ from x in the last bit
        if allowed is not None:
            shifted[~allowed[:, i]] = INF
        total[:, i], back[:, i] = shifted, arg
    paths = []
    for d, (n, m) in enumerate(sizes):
        band = None if allowed is None else allowed[d, : n + 1, : m + 1]  # the document's own cells
        if open_end:  # the path ends in the last row, wherever it is cheapest
            m = int(np.argmin(total[d, n, : m + 1]))
        path, touched = _trace(back[d], types, n, m, band)
        paths.append((path, float(total[d, n, m]), touched))
    return paths


def _trace(back: np.ndarray, types, n: int, m: int, allowed: np.ndarray | None) -> tuple[list[tuple[int, int]], bool]:
    """The path into (n, m) read back, and whether it touched the band's edge."""
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
    return path, touched


def _at_edge(allowed: np.ndarray, i: int, j: int) -> bool:
    row = allowed[i]
    return (j > 0 and not row[j - 1]) or (j + 1 < len(row) and not row[j + 1])

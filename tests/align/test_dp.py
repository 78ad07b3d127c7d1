"""The vectorised dynamic programming against a plain cell-by-cell one."""

import numpy as np
import pytest

from diglot.align import dp


def reference(n, m, costs, null_ko, null_en):
    table = np.full((n + 1, m + 1), np.inf)
    table[0, 0] = 0
    for i in range(n + 1):
        for j in range(m + 1):
            options = [table[i, j]]
            if i:
                options.append(table[i - 1, j] + null_ko)
            if j:
                options.append(table[i, j - 1] + null_en)
            options += [table[i - a, j - b] + c[i, j] for (a, b), c in costs.items() if i >= a and j >= b]
            table[i, j] = min(options)
    return table[n, m]


@pytest.mark.parametrize("seed", range(25))
def test_best_path_is_optimal_and_consistent(seed):
    rng = np.random.default_rng(seed)
    n, m = (int(x) for x in rng.integers(0, 9, size=2))
    costs = {t: rng.uniform(-3, 3, (n + 1, m + 1)) for t in [(1, 1), (2, 1), (1, 2), (2, 2), (1, 3)]}
    for (a, b), c in costs.items():
        c[:a, :] = c[:, :b] = np.inf
    path, cost, _ = dp.best_path(n, m, costs, 5.0, 4.0)
    assert cost == pytest.approx(reference(n, m, costs, 5.0, 4.0))
    i = j = 0
    total = 0.0
    for a, b in path:
        i, j = i + a, j + b
        total += costs[(a, b)][i, j] if a and b else (5.0 if a else 4.0)
    assert (i, j) == (n, m) and total == pytest.approx(cost)


def test_band_is_respected_and_reported():
    n = m = 30
    costs = {(1, 1): np.zeros((n + 1, m + 1))}
    costs[(1, 1)][1:, 1:] = 1.0
    path, _, touched = dp.best_path(n, m, costs, 0.1, 0.1, dp.band_mask(n, m, 3))
    # Cheap null beads tempt the path to the corner; the band keeps it near the diagonal.
    i = j = 0
    for a, b in path:
        i, j = i + a, j + b
        assert abs(i - j) <= 3
    assert touched


def test_documents_aligned_together_get_their_own_best_paths():
    rng = np.random.default_rng(7)
    types = [(1, 1), (2, 1), (1, 2)]
    sizes = [(5, 7), (8, 3), (1, 1), (6, 6)]
    height, width = 9, 8
    stacked = np.full((len(sizes), len(types), height, width), 1e6)  # padding: dear but not infinite
    alone = []
    for d, (n, m) in enumerate(sizes):
        costs = {t: rng.uniform(-3, 3, (n + 1, m + 1)) for t in types}
        for (a, b), c in costs.items():
            c[:a, :] = c[:, :b] = np.inf
        for t, c in enumerate(costs.values()):
            stacked[d, t, : n + 1, : m + 1] = c
        alone.append(dp.best_path(n, m, costs, 2.0, 1.5))
    together = dp.best_paths(stacked, types, sizes, 2.0, 1.5)
    assert [p for p, _, _ in together] == [p for p, _, _ in alone]
    assert [c for _, c, _ in together] == pytest.approx([c for _, c, _ in alone])


def test_a_band_in_a_padded_array_ends_at_the_document():
    band = dp.band_mask(4, 2, 10, shape=(7, 9))
    assert band[:5, :3].all() and not band[5:].any() and not band[:, 3:].any()


def test_an_open_end_stops_in_the_last_row_where_it_is_cheapest():
    n, m = 3, 6
    costs = {(1, 1): np.full((n + 1, m + 1), -1.0)}
    costs[(1, 1)][0, :] = costs[(1, 1)][:, 0] = np.inf
    (closed, _, _), = dp.best_paths(np.stack([costs[(1, 1)]])[None], [(1, 1)], [(n, m)], 2.0, 2.0)
    (open_path, _, _), = dp.best_paths(np.stack([costs[(1, 1)]])[None], [(1, 1)], [(n, m)], 2.0, 2.0, open_end=True)
    assert closed.count((0, 1)) == 3  # the corner forces three English sentences into null beads
    assert open_path == [(1, 1)] * 3  # the open end leaves them to what comes next

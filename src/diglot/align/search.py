"""How the search is laid out: documents aligned together, windows, and the band.

Documents of like size are aligned together, padded into one array (:func:`groups`,
:func:`align_blocks`, :mod:`diglot.align.dp`); a large document is aligned window by window
along its diagonal (:func:`align_one`), so that time and memory grow linearly with its
length; within each, the search keeps to a band around the diagonal, widened while the best
path touches its edge (:func:`align_blocks`).
"""

from __future__ import annotations

import numpy as np

from diglot.align.costs import cost_tables
from diglot.align.dp import band_mask, best_paths
from diglot.align.hits import Document
from diglot.align.model import Params

ScoredBead = tuple[tuple[int, ...], tuple[int, ...], float]  # Korean ids, English ids, score

BAND = 12  # starting half-width of the band, in sentences; doubled while the path touches its edge
LARGE = 40_000  # DP cells above which a document is aligned window by window (see align_one)
WINDOW = 120  # Korean sentences a window spans
KEEP = 80  # Korean sentences of a window whose beads are kept
REACH = WINDOW  # in a large document, anchors are looked up this far from the diagonal
GROUP_CELLS = 100_000  # DP cells, padding included, of the documents aligned together
GROUP_PADDING = 1.5  # at most this many padded cells for each real one in a group


def groups(docs: list[Document]) -> list[list[int]]:
    """The documents (indices) to align together: alike in size, so that padding them to the
    largest costs little; a document aligned window by window goes alone."""
    groups: list[list[int]] = []
    group: list[int] = []
    height = width = cells = 0
    for d in sorted(range(len(docs)), key=lambda d: (len(docs[d].ko), len(docs[d].en))):
        n, m = len(docs[d].ko), len(docs[d].en)
        if not whole(n, m):
            groups.append([d])
            continue
        grown = (max(height, n + 1), max(width, m + 1), cells + (n + 1) * (m + 1))
        padded = (len(group) + 1) * grown[0] * grown[1]
        if group and (padded > GROUP_CELLS or padded > GROUP_PADDING * grown[2]):
            groups.append(group)
            group, grown = [], (n + 1, m + 1, (n + 1) * (m + 1))
        group.append(d)
        height, width, cells = grown
    return groups + ([group] if group else [])


def whole(n: int, m: int) -> bool:
    """Whether a document of n Korean and m English sentences is aligned at once, not by windows."""
    return n <= WINDOW or m <= WINDOW or (n + 1) * (m + 1) <= LARGE


def align_one(doc: Document, params: Params) -> list[ScoredBead]:
    """Align one document: at once when it is small, else window after window along the diagonal.

    A window spans ``WINDOW`` Korean sentences and the English ones expected beside them, with a
    margin; its path ends after its last Korean sentence wherever that is cheapest (not at its
    last English one: the margin would be forced into null beads, and a window that takes
    English too early leaves the next one nothing to align with, so the error grows to the end
    of the document). Only the beads of its first ``KEEP`` sentences are kept and the next
    window starts where they end. Memory and time then grow linearly with the document, as the
    band keeps them in the dynamic programming itself.
    """
    n, m = len(doc.ko), len(doc.en)
    beads: list[ScoredBead] = []
    i0 = j0 = 0
    while True:
        rows, cols = n - i0, m - j0
        if whole(rows, cols):
            part = align_blocks([doc.window(i0, n, j0, m)], params)[0]
            return beads + _shifted(part, i0, j0)
        j1 = min(m, j0 + int(WINDOW * cols / rows + WINDOW / 4 + 20))
        part = align_blocks([doc.window(i0, i0 + WINDOW, j0, j1)], params, open_end=True)[0]
        kept, i, j = [], 0, 0
        for bead in part:
            if i >= KEEP and kept:
                break
            kept.append(bead)
            i, j = i + len(bead[0]), j + len(bead[1])
        beads += _shifted(kept, i0, j0)
        i0, j0 = i0 + i, j0 + j


def _shifted(beads: list[ScoredBead], i0: int, j0: int) -> list[ScoredBead]:
    return [(tuple(i + i0 for i in k), tuple(j + j0 for j in e), score) for k, e, score in beads]


def align_blocks(docs: list[Document], params: Params, open_end: bool = False) -> list[list[ScoredBead]]:
    """Align each of ``docs`` at once, all together (see :mod:`diglot.align.dp`)."""
    null_ko, null_en = params.type_cost[(1, 0)], params.type_cost[(0, 1)]
    results: list[list[ScoredBead]] = [[] for _ in docs]
    full = []  # the documents with both sides; the others are null beads only
    for d, doc in enumerate(docs):
        if doc.ko and doc.en:
            full.append(d)
        else:
            results[d] = [((i,), (), -null_ko) for i in range(len(doc.ko))]
            results[d] += [((), (j,), -null_en) for j in range(len(doc.en))]
    if not full:
        return results
    types, costs = cost_tables([docs[d] for d in full], params)
    sizes = [(len(docs[d].ko), len(docs[d].en)) for d in full]
    widths = {index: BAND for index in range(len(full))}  # band widths of the documents still to align
    paths = {}
    while widths:
        pending = list(widths)
        bands = [_band(sizes[p], widths[p], costs.shape[2:]) for p in pending]
        allowed = None if all(band is None for band in bands) else np.stack(
            [np.ones(costs.shape[2:], dtype=bool) if band is None else band for band in bands]
        )
        found = best_paths(costs[pending], types, [sizes[p] for p in pending], null_ko, null_en, allowed, open_end)
        for p, band, (path, _cost, touched) in zip(pending, bands, found):
            if band is None or not touched:
                paths[p] = path
                del widths[p]
            else:
                widths[p] *= 2
    index = {t: k for k, t in enumerate(types)}
    for p, d in enumerate(full):
        beads, i, j = [], 0, 0
        for a, b in paths[p]:
            cost = costs[p, index[(a, b)], i + a, j + b] if a and b else (null_ko if a else null_en)
            beads.append((tuple(range(i, i + a)), tuple(range(j, j + b)), -float(cost)))
            i, j = i + a, j + b
        results[d] = beads
    return results


def _band(size: tuple[int, int], width: int, shape: tuple[int, ...]) -> np.ndarray | None:
    """The cells a path may use (None: all). A side of at most ``BAND`` lines searches the whole
    of the other: a diagonal through 10 lines against 10,000 says nothing about where they sit."""
    if width >= max(size) or min(size) <= BAND:
        return None
    return band_mask(*size, width, shape)

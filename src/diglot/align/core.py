"""The aligner: anchors, scoring model and dynamic programming put together.

:func:`align_documents` aligns several documents at once so that everything estimated from the
input (length ratio and variance, bead-type probabilities, anchor rates, the learned lexicon)
is estimated on all of them together (up to ``CHUNK`` of them). It works in passes, as hunalign does:

1. align with lengths, the fixed anchors (numbers, Latin words, names, glossary, MT) and the
   seed lexicon (:mod:`diglot.align.seed`);
2. re-estimate the parameters on that alignment and learn a lexicon from its beads (the pairs
   the seed lacks: the seed's anchors, like the other fixed ones, are looked up once);
3. align again with everything; steps 2–3 are repeated ``passes - 1`` times (two passes in
   all by default: a third one drifts, measured on the dev documents).

Documents of like size are aligned together, padded into one array (:func:`_groups`,
:mod:`diglot.align.dp`); a large document is aligned window by window (:func:`_align_one`);
a batch of more than ``CHUNK`` documents is aligned chunk by chunk.

Documents are given as lists of *content* sentences (boilerplate already set aside), Korean
first; the public API in :mod:`diglot.align` handles boilerplate, orientation and indices.
"""

from __future__ import annotations

import gc
import math
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Callable, Sequence

import numpy as np

from diglot.align import dp
from diglot.align.anchors import KINDS, Features, features, lexicon_anchors, translation_anchors
from diglot.align.lexicon import Lexicon
from diglot.align.model import THREE_TYPES, Params, estimate, sentence_rates, start_params
from diglot.align.seed import seed_lexicon
from diglot.errors import DiglotError
from diglot.i18n import _

Translate = Callable[[list[str]], list[str]]
Progress = Callable[[int, int], None]
ScoredBead = tuple[tuple[int, ...], tuple[int, ...], float]  # Korean ids, English ids, score

KIND_INDEX = {kind: index for index, kind in enumerate(KINDS)}
BAND = 12  # starting half-width of the band, in sentences; doubled while the path touches its edge
LARGE = 40_000  # DP cells above which a document is aligned window by window (see _align_one)
WINDOW = 120  # Korean sentences a window spans
KEEP = 80  # Korean sentences of a window whose beads are kept
REACH = WINDOW  # in a large document, anchors are looked up this far from the diagonal
CHUNK = 500  # documents learned from together; a larger batch is aligned chunk by chunk
GROUP_CELLS = 100_000  # DP cells, padding included, of the documents aligned together
GROUP_PADDING = 1.5  # at most this many padded cells for each real one in a group


@dataclass
class _Hits:
    """Where the units of one side are found in the sentences of the other, for one pass.

    ``totals[s, k]`` counts the units of kind ``k`` in sentence ``s`` of this side; each hit
    ``(i, j, k)`` is one unit of kind ``k`` found in the pair (Korean ``i``, English ``j``);
    each overlap is a unit found both in that pair and in the next sentence of the other side.
    """

    totals: np.ndarray
    hits: tuple[np.ndarray, np.ndarray, np.ndarray]
    overlaps: tuple[np.ndarray, np.ndarray, np.ndarray]

    def __add__(self, other: "_Hits") -> "_Hits":
        join = lambda a, b: tuple(np.concatenate([x, y]) for x, y in zip(a, b))  # noqa: E731
        return _Hits(self.totals + other.totals, join(self.hits, other.hits), join(self.overlaps, other.overlaps))


@dataclass
class _Doc:
    ko: list[Features]
    en: list[Features]
    translations: list[str] | None = None
    base: tuple[_Hits, _Hits] | None = None  # the fixed anchors' hits, Korean and English
    ko_hits: _Hits | None = None  # this pass's
    en_hits: _Hits | None = None


def align_documents(
    documents: Sequence[tuple[Sequence[str], Sequence[str]]],
    *,
    matcher=None,
    translate: Translate | None = None,
    passes: int = 2,
    seed: Lexicon | None = None,
    progress: Progress | None = None,
) -> list[list[ScoredBead]]:
    """Align each ``(korean_sentences, english_sentences)``; beads hold indices into each list.

    ``seed`` is the lexicon to start from (default: :func:`diglot.align.seed.seed_lexicon`;
    ``Lexicon()`` for none); what is learned from the input is added to it. ``progress`` is
    called with (steps done, steps in all) as documents are read and aligned in each pass.
    A batch of more than ``CHUNK`` documents is aligned ``CHUNK`` at a time, each chunk
    learning from itself, so memory stays bounded however large the batch.

    A bead's score is minus its cost (a log-probability): higher is surer; null beads score
    minus the cost of leaving a sentence out.
    """
    seed = seed_lexicon() if seed is None else seed
    passes = max(1, passes)
    steps = len(documents) * (1 + passes)
    results: list[list[ScoredBead]] = []
    with _no_cyclic_gc():
        for start in range(0, len(documents), CHUNK):
            report = _chunk_progress(progress, start * (1 + passes), steps)
            results += _align_documents(documents[start : start + CHUNK], matcher, translate, passes, seed, report)
    return results


def _chunk_progress(progress: Progress | None, before: int, steps: int) -> Progress:
    """How one chunk reports to ``progress``: its steps come after ``before`` of ``steps`` in all."""
    if progress is None:
        return lambda done, total: None
    return lambda done, _total: progress(before + done, steps)


@contextmanager
def _no_cyclic_gc():
    """Alignment makes many small objects and no reference cycles; Python's cycle collector,
    which runs after every few hundred allocations, would take a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _align_documents(documents, matcher, translate, passes, seed: Lexicon, progress: Progress) -> list[list[ScoredBead]]:
    steps, done = len(documents) * (1 + passes), 0
    docs = []
    for ko, en in documents:
        docs.append(_Doc(features(list(ko), "ko", matcher), features(list(en), "en", matcher)))
        done += 1
        progress(done, steps)
    if translate is not None:
        _translate_all(docs, [list(ko) for ko, _ in documents], translate)
    params = start_params([f.length for d in docs for f in d.ko], [f.length for d in docs for f in d.en])
    three = {(3, 1): any(f.sentences >= 3 for d in docs for f in d.ko),
             (1, 3): any(f.sentences >= 3 for d in docs for f in d.en)}  # fmt: skip
    params = replace(params, types=params.types + tuple(t for t in THREE_TYPES if three[t]))
    lexicon = Lexicon()  # what is learned from the input, beyond the seed
    results: list[list[ScoredBead]] = []
    for number in range(passes):
        for doc in docs:
            _prepare(doc, seed, lexicon)
        results = [[] for _ in docs]
        for group in _groups(docs):
            members = [docs[d] for d in group]
            aligned = _align_blocks(members, params) if len(members) > 1 else [_align_one(members[0], params)]
            for d, beads in zip(group, aligned):
                results[d] = beads
                done += 1
                progress(done, steps)
        if number + 1 < passes:
            params = _reestimate(docs, results, params)
            bead_stems = (
                (frozenset().union(*(doc.ko[i].stems for i in k)), frozenset().union(*(doc.en[j].stems for j in e)))
                for doc, beads in zip(docs, results)
                for k, e, _ in beads
                if k and e
            )
            lexicon = Lexicon.learn(bead_stems, beyond=seed)  # what the input adds to the seed
    return results


def _translate_all(docs: list[_Doc], korean: list[list[str]], translate: Translate) -> None:
    flat = [s for sentences in korean for s in sentences]
    out = list(translate(flat)) if flat else []
    if len(out) != len(flat):
        raise DiglotError(
            _("the translation model returned {got} sentences for {asked}").format(got=len(out), asked=len(flat))
        )
    start = 0
    for doc, sentences in zip(docs, korean):
        doc.translations = out[start : start + len(sentences)]
        start += len(sentences)


def _prepare(doc: _Doc, seed: Lexicon, lexicon: Lexicon) -> None:
    """Which units of each sentence are found in which sentence of the other side, for this pass.

    The fixed anchors (with the seed lexicon's and the MT ones) are looked up once; those of
    the lexicon learned from the input, which changes with each pass, are looked up again.
    """
    if doc.base is None:
        units = {"ko": [list(f.units) for f in doc.ko], "en": [list(f.units) for f in doc.en]}
        bags = {"ko": [set(f.bag) for f in doc.ko], "en": [set(f.bag) for f in doc.en]}
        if seed:
            for lang, side in (("ko", doc.ko), ("en", doc.en)):
                for index, feats in enumerate(side):
                    extra, keys = lexicon_anchors(feats, lang, seed)
                    units[lang][index] += extra
                    bags[lang][index] |= keys
        if doc.translations is not None:
            for lang, side in (("ko", doc.ko), ("en", doc.en)):
                for index, feats in enumerate(side):
                    extra, keys = translation_anchors(feats, lang, doc.translations[index] if lang == "ko" else None)
                    units[lang][index] += extra
                    bags[lang][index] |= keys
        doc.base = (_find(units["ko"], bags["en"], flip=False), _find(units["en"], bags["ko"], flip=True))
    doc.ko_hits, doc.en_hits = doc.base
    if lexicon:
        ko = [lexicon_anchors(f, "ko", lexicon) for f in doc.ko]
        en = [lexicon_anchors(f, "en", lexicon) for f in doc.en]
        doc.ko_hits = doc.ko_hits + _find([u for u, _ in ko], [b for _, b in en], flip=False)
        doc.en_hits = doc.en_hits + _find([u for u, _ in en], [b for _, b in ko], flip=True)


def _find(units_by_sentence, other_bags, flip: bool) -> _Hits:
    """Look every unit of one side up in every sentence of the other.

    The other side is indexed as key → bit set of its sentences, so a unit's matches are the OR
    of its keys' bit sets, and "found in two neighbours" is ``found & (found >> 1)``. In a
    large document only sentences within ``REACH`` of the diagonal are looked at: a name that
    recurs in every paragraph would otherwise make the hits grow with the square of the length.
    """
    n, m = len(units_by_sentence), len(other_bags)
    near = None
    if not _whole(n, m):
        reach = REACH
        near = [((1 << (2 * reach + 1)) - 1) << max(0, int(i * m / n) - reach) for i in range(n)]
    # Only keys some unit asks for are indexed: most of a bag (every word, every stem) is not.
    wanted = {key for units in units_by_sentence for _, keys in units for key in keys}
    postings: dict[str, int] = {}
    for index, bag in enumerate(other_bags):
        bit = 1 << index
        for key in wanted.intersection(bag):
            postings[key] = postings.get(key, 0) | bit
    totals = [[0] * len(KINDS) for _ in units_by_sentence]
    found_units: tuple[list[int], list[int], list[int]] = ([], [], [])  # sentence, kind, bit set
    get = postings.get
    for index, units in enumerate(units_by_sentence):
        counts = totals[index]
        for kind, keys in units:
            k = KIND_INDEX[kind]
            counts[k] += 1
            found = 0
            for key in keys:
                found |= get(key, 0)
            if near is not None:
                found &= near[index]
            if found:
                found_units[0].append(index)
                found_units[1].append(k)
                found_units[2].append(found)
    hits = _expand(*found_units, m, overlap=False)
    overlaps = _expand(*found_units, m, overlap=True)
    if flip:  # (English j, Korean i) → (i, j)
        hits, overlaps = (hits[1], hits[0], hits[2]), (overlaps[1], overlaps[0], overlaps[2])
    return _Hits(np.array(totals, dtype=float).reshape(-1, len(KINDS)), hits, overlaps)


def _expand(sentences: list[int], kinds: list[int], found: list[int], width: int, overlap: bool):
    """(sentence, other sentence, kind) for every bit of every unit's bit set, with numpy.

    With ``overlap``, the bits set in both ``other`` and ``other + 1``.
    """
    if overlap:
        found = [bits & (bits >> 1) for bits in found]
    if width > 256:  # a large document: its bit sets are sparse, so walk their bits instead
        rows, others, kinds_out = [], [], []
        for sentence, kind, bits in zip(sentences, kinds, found):
            while bits:
                low = bits & -bits
                rows.append(sentence)
                others.append(low.bit_length() - 1)
                kinds_out.append(kind)
                bits ^= low
        return tuple(np.array(c, dtype=np.int64) for c in (rows, others, kinds_out))
    size = (width + 63) // 64 * 8
    raw = np.frombuffer(b"".join(bits.to_bytes(size, "little") for bits in found), dtype=np.uint8)
    unit, other = np.nonzero(np.unpackbits(raw.reshape(len(found), size), axis=1, bitorder="little"))
    return np.array(sentences, dtype=np.int64)[unit], other.astype(np.int64), np.array(kinds, dtype=np.int64)[unit]


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


def _cost_tables(docs: list[_Doc], params: Params) -> tuple[list[tuple[int, int]], np.ndarray]:
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
    mean = np.maximum((lk + le / params.ratio) / 2, 1.0)
    delta = np.abs(le - params.ratio * lk) / np.sqrt(params.variance * mean)
    cost = _neg_log_erfc(delta / math.sqrt(2))
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
        cost[:, index, (rows < a) | (cols < b)] = dp.INF
    return types, cost


def _prefix_sums(values: list[list[float]], size: int) -> np.ndarray:
    """Each document's running totals from 0, padded with its last total to ``size`` entries."""
    padded = np.zeros((len(values), size))
    for row, these in zip(padded, values):
        row[1 : len(these) + 1] = these
    return padded.cumsum(1)


class _BatchHits:
    """The hits of a group of documents as flat indices into documents × rows × columns."""

    def __init__(self, docs: list[_Doc], height: int, width: int) -> None:
        self.shape = (len(docs), height - 1, width - 1)
        rows, cols = height - 1, width - 1

        def flat(pick) -> tuple[np.ndarray, np.ndarray]:
            parts = [pick(doc) for doc in docs]
            index = [d * rows * cols + i * cols + j for d, (i, j, _) in enumerate(parts)]
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


def _groups(docs: list[_Doc]) -> list[list[int]]:
    """The documents (indices) to align together: alike in size, so that padding them to the
    largest costs little; a document aligned window by window goes alone."""
    groups: list[list[int]] = []
    group: list[int] = []
    height = width = cells = 0
    for d in sorted(range(len(docs)), key=lambda d: (len(docs[d].ko), len(docs[d].en))):
        n, m = len(docs[d].ko), len(docs[d].en)
        if not _whole(n, m):
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


def _whole(n: int, m: int) -> bool:
    """Whether a document of n Korean and m English sentences is aligned at once, not by windows."""
    return n <= WINDOW or m <= WINDOW or (n + 1) * (m + 1) <= LARGE


def _align_one(doc: _Doc, params: Params) -> list[ScoredBead]:
    """Align one document: at once when it is small, else window after window along the diagonal.

    A window spans ``WINDOW`` Korean sentences and the English ones expected beside them, with a
    margin; only the beads of its first ``KEEP`` sentences are kept (its forced end is far away
    from them) and the next window starts where they end. Memory and time then grow linearly
    with the document, as the band keeps them in the dynamic programming itself.
    """
    n, m = len(doc.ko), len(doc.en)
    beads: list[ScoredBead] = []
    i0 = j0 = 0
    while True:
        rows, cols = n - i0, m - j0
        if _whole(rows, cols):
            part = _align_blocks([_window(doc, i0, n, j0, m)], params)[0]
            return beads + _shifted(part, i0, j0)
        j1 = min(m, j0 + int(WINDOW * cols / rows + WINDOW / 4 + 20))
        part = _align_blocks([_window(doc, i0, i0 + WINDOW, j0, j1)], params)[0]
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


def _window(doc: _Doc, i0: int, i1: int, j0: int, j1: int) -> _Doc:
    """The part of a prepared document between Korean ``i0:i1`` and English ``j0:j1``."""
    if (i0, i1, j0, j1) == (0, len(doc.ko), 0, len(doc.en)):
        return doc

    def cut(hits: _Hits, side_start: int, side_end: int) -> _Hits:
        def inside(triple):
            rows, cols, kinds = triple
            keep = (rows >= i0) & (rows < i1) & (cols >= j0) & (cols < j1)
            return rows[keep] - i0, cols[keep] - j0, kinds[keep]

        return _Hits(hits.totals[side_start:side_end], inside(hits.hits), inside(hits.overlaps))

    part = _Doc(doc.ko[i0:i1], doc.en[j0:j1])
    part.ko_hits, part.en_hits = cut(doc.ko_hits, i0, i1), cut(doc.en_hits, j0, j1)
    return part


def _align_blocks(docs: list[_Doc], params: Params) -> list[list[ScoredBead]]:
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
    types, costs = _cost_tables([docs[d] for d in full], params)
    sizes = [(len(docs[d].ko), len(docs[d].en)) for d in full]
    widths = {index: BAND for index in range(len(full))}  # band widths of the documents still to align
    paths = {}
    while widths:
        pending = list(widths)
        bands = [_band(sizes[p], widths[p], costs.shape[2:]) for p in pending]
        allowed = None if all(band is None for band in bands) else np.stack(
            [np.ones(costs.shape[2:], dtype=bool) if band is None else band for band in bands]
        )
        found = dp.best_paths(costs[pending], types, [sizes[p] for p in pending], null_ko, null_en, allowed)
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
    return dp.band_mask(*size, width, shape)


def _reestimate(docs: list[_Doc], results: list[list[ScoredBead]], params: Params) -> Params:
    """New parameters from this pass's beads (see :func:`diglot.align.model.estimate`)."""
    found_hits, found_units = np.zeros(len(KINDS)), np.zeros(len(KINDS))
    chance_hits, chance_units = np.zeros(len(KINDS)), np.zeros(len(KINDS))
    sentence_beads: list[tuple[int, int, bool]] = []
    ko_lengths, en_lengths, beads = [], [], []
    for doc, doc_beads in zip(docs, results):
        ko_offset, en_offset = len(ko_lengths), len(en_lengths)
        ko_lengths += [f.length for f in doc.ko]
        en_lengths += [f.length for f in doc.en]
        beads += [(tuple(i + ko_offset for i in k), tuple(j + en_offset for j in e)) for k, e, _ in doc_beads]
        ones = [(k[0], e[0]) for k, e, _ in doc_beads if len(k) == 1 and len(e) == 1]
        # Sentences two beads apart are not translations of each other, but share the topic.
        apart = [(i, j) for (i, _), (_, j) in zip(ones, ones[2:])] + [(i, j) for (_, j), (i, _) in zip(ones, ones[2:])]
        sentence_beads += [
            (len(k), len(e), sum(doc.ko[i].sentences for i in k) == sum(doc.en[j].sentences for j in e))
            for k, e, _ in doc_beads
            if k and e
        ]
        for pairs, hits, units in ((ones, found_hits, found_units), (apart, chance_hits, chance_units)):
            if not pairs:
                continue
            chosen = np.zeros((len(doc.ko), len(doc.en)), dtype=bool)
            rows, cols = zip(*pairs)
            chosen[list(rows), list(cols)] = True
            for side, sentences in ((doc.ko_hits, rows), (doc.en_hits, cols)):
                i, j, k = side.hits
                hits += np.bincount(k[chosen[i, j]], minlength=len(KINDS)) if len(k) else 0
                units += side.totals[list(sentences)].sum(0)
    as_counts = lambda hits, units: {kind: (int(hits[n]), int(units[n])) for n, kind in enumerate(KINDS)}  # noqa: E731
    params = estimate(
        params, beads, ko_lengths, en_lengths, as_counts(found_hits, found_units), as_counts(chance_hits, chance_units)
    )
    ko_counts = [f.sentences for doc in docs for f in doc.ko]
    en_counts = [f.sentences for doc in docs for f in doc.en]
    return replace(params, sentence_rates=sentence_rates(ko_counts, en_counts, sentence_beads))

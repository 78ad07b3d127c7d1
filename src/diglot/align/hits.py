"""Anchor lookup: which units of each sentence are found in which sentences of the other side.

A document is prepared for a pass (:func:`prepare`): every unit of every sentence
(:mod:`diglot.align.anchors`) is looked up in the bags of the other side's sentences, and each
unit found gives a *hit* (Korean sentence, English sentence, kind). The cost tables
(:mod:`diglot.align.costs`) turn hits into anchor scores.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from diglot.align.anchors import KINDS, Features, lexicon_anchors, translation_anchors
from diglot.align.lexicon import Lexicon

KIND_INDEX = {kind: index for index, kind in enumerate(KINDS)}
Unit = tuple[str, frozenset[str]]  # a kind and the keys of its counterpart
Triples = tuple[np.ndarray, np.ndarray, np.ndarray]  # Korean sentence, English sentence, kind


@dataclass
class Hits:
    """Where the units of one side are found in the sentences of the other, for one pass.

    ``totals[s, k]`` counts the units of kind ``k`` in sentence ``s`` of this side; each hit
    ``(i, j, k)`` is one unit of kind ``k`` found in the pair (Korean ``i``, English ``j``);
    each overlap is a unit found both in that pair and in the next sentence of the other side.
    Hits and overlaps are in the order of the units' own sentences (``side``: 0 for Korean
    units, 1 for English ones), so that the hits of a run of sentences are one slice.
    """

    totals: np.ndarray
    hits: Triples
    overlaps: Triples
    side: int

    def __add__(self, other: "Hits") -> "Hits":
        def join(a: Triples, b: Triples) -> Triples:
            joined = [np.concatenate([x, y]) for x, y in zip(a, b)]
            order = np.argsort(joined[self.side], kind="stable")  # a cell's hits keep their order
            return joined[0][order], joined[1][order], joined[2][order]

        return Hits(self.totals + other.totals, join(self.hits, other.hits), join(self.overlaps, other.overlaps), self.side)

    def cut(self, i0: int, i1: int, j0: int, j1: int) -> "Hits":
        """The hits between Korean ``i0:i1`` and English ``j0:j1``, renumbered from there."""
        start, end = (i0, i1) if self.side == 0 else (j0, j1)

        def inside(triple: Triples) -> Triples:
            keys = triple[self.side]
            # bounds of the column's own dtype: a list of ints would make numpy copy the whole
            # column to int64 for each window, and a long document's windows quadratic
            first, last = np.searchsorted(keys, np.array([start, end], dtype=keys.dtype))
            rows, cols, kinds = (column[first:last] for column in triple)
            keep = (rows >= i0) & (rows < i1) & (cols >= j0) & (cols < j1)
            return rows[keep] - i0, cols[keep] - j0, kinds[keep]

        return Hits(self.totals[start:end], inside(self.hits), inside(self.overlaps), self.side)


@dataclass
class Document:
    """One document's sentence features, Korean and English, and its hits for the current pass."""

    ko: list[Features]
    en: list[Features]
    translations: list[str] | None = None  # machine translations of the Korean sentences
    base: tuple[Hits, Hits] | None = None  # the fixed anchors' hits, Korean and English
    ko_hits: Hits | None = None  # this pass's
    en_hits: Hits | None = None

    def window(self, i0: int, i1: int, j0: int, j1: int) -> "Document":
        """The part of a prepared document between Korean ``i0:i1`` and English ``j0:j1``."""
        if (i0, i1, j0, j1) == (0, len(self.ko), 0, len(self.en)):
            return self
        part = Document(self.ko[i0:i1], self.en[j0:j1])
        part.ko_hits, part.en_hits = self.ko_hits.cut(i0, i1, j0, j1), self.en_hits.cut(i0, i1, j0, j1)
        return part


def prepare(doc: Document, seed: Lexicon, lexicon: Lexicon, reach: int | None = None) -> None:
    """Which units of each sentence are found in which sentence of the other side, for this pass.

    The fixed anchors (with the seed lexicon's and the MT ones) are looked up once; those of
    the lexicon learned from the input, which changes with each pass, are looked up again.
    With ``reach``, only sentences within that many of the diagonal are looked at
    (see :func:`find`).
    """
    n, m = len(doc.ko), len(doc.en)
    if doc.base is None:
        # Each sentence's units, made as they are read, and its bag as the sets it is the union
        # of: nothing is copied, so that a long document's lookup stays small.
        def units(side: list[Features], lang: str):
            for index, feats in enumerate(side):
                out = list(feats.units)
                if seed:
                    out += lexicon_anchors(feats, lang, seed)
                if doc.translations is not None:
                    out += translation_anchors(feats, lang, doc.translations[index] if lang == "ko" else None)[0]
                yield out

        def bags(side: list[Features], lang: str):
            for index, feats in enumerate(side):
                parts = [feats.bag]
                if seed:
                    parts.append(feats.stems)  # the keys of lexicon_anchors
                if doc.translations is not None:
                    parts.append(translation_anchors(feats, lang, doc.translations[index] if lang == "ko" else None)[1])
                yield parts

        doc.base = (
            find(units(doc.ko, "ko"), n, bags(doc.en, "en"), m, False, reach),
            find(units(doc.en, "en"), m, bags(doc.ko, "ko"), n, True, reach),
        )
    doc.ko_hits, doc.en_hits = doc.base
    if lexicon:
        ko_units = (lexicon_anchors(f, "ko", lexicon) for f in doc.ko)
        en_units = (lexicon_anchors(f, "en", lexicon) for f in doc.en)
        doc.ko_hits = doc.ko_hits + find(ko_units, n, ([f.stems] for f in doc.en), m, False, reach)
        doc.en_hits = doc.en_hits + find(en_units, m, ([f.stems] for f in doc.ko), n, True, reach)


LOOKUP_BLOCK = 1 << 18  # (unit, key) pairs looked up together (see find)


def find(
    units_by_sentence: Iterable[list[Unit]],
    n: int,
    other_bags: Iterable[list[Iterable[str]]],
    m: int,
    flip: bool,
    reach: int | None = None,
) -> Hits:
    """Look every unit of the ``n`` sentences of one side up in the ``m`` sentences of the
    other, whose bag is the union of the key sets ``other_bags[j]``. Both are read once, in
    order, so they may be made as they are read.

    The other side is indexed as key → its sentences, in order; a unit's matches are the
    union of its keys' sentences, and it overlaps where it is found in two neighbours. With
    ``reach``, only sentences within ``reach`` of the diagonal are looked at: in a large
    document, a name that recurs in every paragraph would otherwise make the hits grow with the
    square of the length. Time and memory follow the number of hits, never lines × lines.
    """
    unit_sentence: list[int] = []
    unit_kind: list[int] = []
    unit_keys: list[frozenset[str]] = []  # shared with the features and the lexicon's memo
    for index, units in enumerate(units_by_sentence):
        for kind, keys in units:
            unit_sentence.append(index)
            unit_kind.append(KIND_INDEX[kind])
            unit_keys.append(keys)
    totals = np.zeros((n, len(KINDS)))
    np.add.at(totals, (np.array(unit_sentence, dtype=np.int64), np.array(unit_kind, dtype=np.int64)), 1)
    # Only keys some unit asks for are indexed: most of a bag (every word, every stem) is not.
    wanted = set().union(*set(unit_keys))
    postings: dict[str, list[int]] = {}
    for index, parts in enumerate(other_bags):
        for key in set().union(*(wanted.intersection(part) for part in parts)):
            postings.setdefault(key, []).append(index)
    key_ids = {key: number for number, key in enumerate(postings)}
    asked_unit = array("q")  # one (unit, key) pair for each key of a unit found somewhere
    asked_key = array("q")  # (arrays of machine integers: there are millions in a long document)
    get = key_ids.get
    for unit, keys in enumerate(unit_keys):
        for number in map(get, keys):
            if number is not None:
                asked_unit.append(unit)
                asked_key.append(number)
    sentences, kinds = np.array(unit_sentence, dtype=np.int64), np.array(unit_kind, dtype=np.int64)
    # Every posting as key × (m + 1) + sentence: one sorted array, searched for each (unit, key).
    lengths = np.array([len(p) for p in postings.values()], dtype=np.int64)
    coded = np.repeat(np.arange(len(lengths), dtype=np.int64) * (m + 1), lengths)
    coded += np.fromiter((i for p in postings.values() for i in p), dtype=np.int64, count=int(lengths.sum()))
    asked_unit_ids, asked_keys = np.frombuffer(asked_unit, dtype=np.int64), np.frombuffer(asked_key, dtype=np.int64)
    # Looked up a block of (unit, key) pairs at a time: the arrays of one lookup are several times
    # the size of its block, and a long document asks millions.
    pieces = [np.zeros(0, dtype=np.int64)]
    for start in range(0, len(asked_keys), LOOKUP_BLOCK):
        units, keys = asked_unit_ids[start : start + LOOKUP_BLOCK], asked_keys[start : start + LOOKUP_BLOCK]
        low, high = np.zeros(len(keys), dtype=np.int64), np.full(len(keys), m, dtype=np.int64)
        if reach is not None:  # the columns of the diagonal's neighbourhood, as int(i * m / n) ± reach
            low = np.maximum(0, (sentences[units] * m / n).astype(np.int64) - reach)
            high = low + 2 * reach + 1
        first = np.searchsorted(coded, keys * (m + 1) + low)
        counts = np.searchsorted(coded, keys * (m + 1) + np.minimum(high, m)) - first
        found = np.repeat(np.arange(len(keys)), counts)
        position = np.arange(len(found)) - np.repeat(np.cumsum(counts) - counts, counts)
        pieces.append(np.unique(units[found] * m + coded[first[found] + position] % (m + 1)))
    unit_other = np.unique(np.concatenate(pieces))  # a unit's keys may straddle two blocks
    unit, other = unit_other // max(m, 1), unit_other % max(m, 1)
    both = (unit[1:] == unit[:-1]) & (other[1:] == other[:-1] + 1)  # found in other and other + 1
    # Stored small (a long document has millions of hits): sentence numbers in 32 bits, kinds in 8.
    small = lambda rows, cols, kinds: (rows.astype(np.int32), cols.astype(np.int32), kinds.astype(np.int8))  # noqa: E731
    hits = small(sentences[unit], other, kinds[unit])
    overlaps = small(sentences[unit[:-1][both]], other[:-1][both], kinds[unit[:-1][both]])
    if flip:  # (English j, Korean i) → (i, j)
        hits, overlaps = (hits[1], hits[0], hits[2]), (overlaps[1], overlaps[0], overlaps[2])
    return Hits(totals, hits, overlaps, side=1 if flip else 0)

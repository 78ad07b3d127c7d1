"""Anchor lookup: which units of each sentence are found in which sentences of the other side.

A document is prepared for a pass (:func:`prepare`): every unit of every sentence
(:mod:`diglot.align.anchors`) is looked up in the bags of the other side's sentences, and each
unit found gives a *hit* (Korean sentence, English sentence, kind). The cost tables
(:mod:`diglot.align.costs`) turn hits into anchor scores.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from diglot.align.anchors import KINDS, Features, lexicon_anchors, translation_anchors
from diglot.align.lexicon import Lexicon

KIND_INDEX = {kind: index for index, kind in enumerate(KINDS)}
Triples = tuple[np.ndarray, np.ndarray, np.ndarray]  # Korean sentence, English sentence, kind


@dataclass
class Hits:
    """Where the units of one side are found in the sentences of the other, for one pass.

    ``totals[s, k]`` counts the units of kind ``k`` in sentence ``s`` of this side; each hit
    ``(i, j, k)`` is one unit of kind ``k`` found in the pair (Korean ``i``, English ``j``);
    each overlap is a unit found both in that pair and in the next sentence of the other side.
    """

    totals: np.ndarray
    hits: Triples
    overlaps: Triples

    def __add__(self, other: "Hits") -> "Hits":
        join = lambda a, b: tuple(np.concatenate([x, y]) for x, y in zip(a, b))  # noqa: E731
        return Hits(self.totals + other.totals, join(self.hits, other.hits), join(self.overlaps, other.overlaps))


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

        def cut(hits: Hits, side_start: int, side_end: int) -> Hits:
            def inside(triple):
                rows, cols, kinds = triple
                keep = (rows >= i0) & (rows < i1) & (cols >= j0) & (cols < j1)
                return rows[keep] - i0, cols[keep] - j0, kinds[keep]

            return Hits(hits.totals[side_start:side_end], inside(hits.hits), inside(hits.overlaps))

        part = Document(self.ko[i0:i1], self.en[j0:j1])
        part.ko_hits, part.en_hits = cut(self.ko_hits, i0, i1), cut(self.en_hits, j0, j1)
        return part


def prepare(doc: Document, seed: Lexicon, lexicon: Lexicon, reach: int | None = None) -> None:
    """Which units of each sentence are found in which sentence of the other side, for this pass.

    The fixed anchors (with the seed lexicon's and the MT ones) are looked up once; those of
    the lexicon learned from the input, which changes with each pass, are looked up again.
    With ``reach``, only sentences within that many of the diagonal are looked at
    (see :func:`find`).
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
        doc.base = (find(units["ko"], bags["en"], False, reach), find(units["en"], bags["ko"], True, reach))
    doc.ko_hits, doc.en_hits = doc.base
    if lexicon:
        ko = [lexicon_anchors(f, "ko", lexicon) for f in doc.ko]
        en = [lexicon_anchors(f, "en", lexicon) for f in doc.en]
        doc.ko_hits = doc.ko_hits + find([u for u, _ in ko], [b for _, b in en], False, reach)
        doc.en_hits = doc.en_hits + find([u for u, _ in en], [b for _, b in ko], True, reach)


def find(units_by_sentence, other_bags, flip: bool, reach: int | None = None) -> Hits:
    """Look every unit of one side up in every sentence of the other.

    The other side is indexed as key → bit set of its sentences, so a unit's matches are the OR
    of its keys' bit sets, and "found in two neighbours" is ``found & (found >> 1)``. With
    ``reach``, only sentences within ``reach`` of the diagonal are looked at: in a large
    document, a name that recurs in every paragraph would otherwise make the hits grow with the
    square of the length.
    """
    n, m = len(units_by_sentence), len(other_bags)
    near = None
    if reach is not None:
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
    return Hits(np.array(totals, dtype=float).reshape(-1, len(KINDS)), hits, overlaps)


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

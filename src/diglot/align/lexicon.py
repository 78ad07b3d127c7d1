"""A bilingual lexicon learned from the documents being aligned, as hunalign does.

After a first alignment, the sentence pairs of its beads are counted: how often a Korean stem
candidate and an English stem occur in the same bead, and how often each occurs at all. Every
bead with two sides counts; keeping only the best-scoring ones was tried and learned less (a
bead's score grows with its length, so a score cut drops the short sentences, not the wrong
ones), and the Dice threshold already discounts what a wrong bead adds. Pairs
that co-occur at least twice and mostly together (Dice coefficient ≥ ``min_dice``) are kept, and
each Korean stem keeps its best few English partners. No outside data is used, so the lexicon
fits the documents' own vocabulary (names of the day, the beat's terms) and nothing else.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

import numpy as np


class Lexicon:
    """Korean stem ↔ English stem pairs with their Dice scores."""

    def __init__(self, pairs: dict[tuple[str, str], float] | None = None):
        self.pairs = dict(pairs or {})
        forward: dict[str, set[str]] = {}
        backward: dict[str, set[str]] = {}
        for ko, en in self.pairs:
            forward.setdefault(ko, set()).add(en)
            backward.setdefault(en, set()).add(ko)
        self._forward = {ko: frozenset(ens) for ko, ens in forward.items()}
        self._backward = {en: frozenset(kos) for en, kos in backward.items()}
        self._memo: dict[str, dict[frozenset[str], frozenset[str]]] = {"ko": {}, "en": {}}

    def __len__(self) -> int:
        return len(self.pairs)

    def __or__(self, other: "Lexicon") -> "Lexicon":
        """Both lexicons' pairs (the right one's score where both have a pair)."""
        return Lexicon({**self.pairs, **other.pairs})

    def targets(self, ko_stems: Iterable[str]) -> frozenset[str]:
        """English stems learned for any of a Korean word's stem candidates."""
        return self.keys("ko", frozenset(ko_stems))

    def sources(self, en_stems: Iterable[str]) -> frozenset[str]:
        """Korean stems learned for an English stem."""
        return self.keys("en", frozenset(en_stems))

    def keys(self, lang: str, stems: frozenset[str]) -> frozenset[str]:
        """The anchor keys of one word of ``lang`` (its stem candidates): the English stems
        learned for a Korean word (:meth:`targets`), the Korean stems for an English one."""
        memo = self._memo[lang]
        found = memo.get(stems)
        if found is None:
            table = self._forward if lang == "ko" else self._backward
            sets = [table[stem] for stem in stems if stem in table]
            found = sets[0] if len(sets) == 1 else frozenset().union(*sets)
            memo[stems] = found
        return found

    def memo(self, lang: str) -> dict[frozenset[str], frozenset[str]]:
        """The keys found so far for words of ``lang`` (words recur: look here first)."""
        return self._memo[lang]

    @classmethod
    def learn(
        cls,
        pairs: Iterable[tuple[frozenset[str], frozenset[str]]],
        *,
        min_count: int = 2,
        min_dice: float = 0.5,
        per_word: int = 3,
        beyond: "Lexicon | None" = None,
    ) -> "Lexicon":
        """Learn from ``(Korean stems, English stems)`` of sentence pairs believed to be translations.

        Pairs already in ``beyond`` are chosen as usual (one of a word's best few) but left out
        of the result: it holds only what the input adds to them.
        """
        counts = cooccurrences(pairs, min_count=min_count, min_dice=min_dice)
        scored: dict[str, list[tuple[float, str]]] = {}
        for (k, e), both in counts.together.items():
            scored.setdefault(k, []).append((2 * both / (counts.ko_counts[k] + counts.en_counts[e]), e))
        kept = {}
        for k, candidates in scored.items():
            candidates.sort(reverse=True)
            for dice, e in candidates[:per_word]:
                if beyond is None or (k, e) not in beyond.pairs:
                    kept[(k, e)] = dice
        return cls(kept)


@dataclass
class Cooccurrences:
    """How often words occur, and occur together, in a list of ``(Korean words, English words)``
    pairs (sentence pairs, beads): each count is a number of pairs."""

    pairs: int
    ko_counts: Counter[str]
    en_counts: Counter[str]
    together: dict[tuple[str, str], int]  # (Korean word, English word) → pairs holding both


def cooccurrences(
    pairs: Iterable[tuple[Iterable[str], Iterable[str]]], *, min_count: int = 2, min_dice: float = 0.0
) -> Cooccurrences:
    """Count words and word pairs over ``pairs`` (each side a set of words), keeping in
    ``together`` only the word pairs seen together at least ``min_count`` times whose Dice
    coefficient (``2 · together / (count of one + count of the other)``) is at least ``min_dice``.

    A pair whose words occur ``a`` and ``b`` times can occur together at most ``min(a, b)``
    times, so with ``min_dice`` the pairs of a frequent and a rare word are never counted. Pair
    ids are counted with numpy, block by block (:class:`_PairCounter`): memory follows the
    number of distinct pairs counted, not the number of pairs seen.
    """
    # Each side's words as ids, each pair as two id arrays: far smaller than sets of strings.
    ko_ids: dict[str, int] = {}
    en_ids: dict[str, int] = {}
    rows = [
        (np.fromiter((ko_ids.setdefault(w, len(ko_ids)) for w in ko), dtype=np.int64),
         np.fromiter((en_ids.setdefault(w, len(en_ids)) for w in en), dtype=np.int64))
        for ko, en in pairs
    ]  # fmt: skip
    ko_totals = np.bincount(np.concatenate([k for k, _ in rows] or [np.zeros(0, np.int64)]), minlength=len(ko_ids))
    en_totals = np.bincount(np.concatenate([e for _, e in rows] or [np.zeros(0, np.int64)]), minlength=len(en_ids))
    # Words seen fewer than min_count times cannot co-occur that often: leave them out.
    counter = _PairCounter()
    for k, e in rows:
        k, e = k[ko_totals[k] >= min_count], e[en_totals[e] >= min_count]
        if len(k) and len(e):
            ids = k[:, None] * len(en_ids) + e[None, :]
            if min_dice > 0:
                a, b = ko_totals[k][:, None], en_totals[e][None, :]
                ids = ids[2 * np.minimum(a, b) / (a + b) >= min_dice]
            counter.add(ids.ravel())
    ids, both = counter.counts()
    ko_of, en_of = ids // max(len(en_ids), 1), ids % max(len(en_ids), 1)
    keep = (both >= min_count) & (2 * both / (ko_totals[ko_of] + en_totals[en_of]) >= min_dice)
    ko_words, en_words = list(ko_ids), list(en_ids)
    together = {
        (ko_words[k], en_words[e]): c for k, e, c in zip(ko_of[keep].tolist(), en_of[keep].tolist(), both[keep].tolist())
    }
    ko_counts = Counter(dict(zip(ko_words, ko_totals.tolist())))
    en_counts = Counter(dict(zip(en_words, en_totals.tolist())))
    return Cooccurrences(len(rows), ko_counts, en_counts, together)


class _PairCounter:
    """How often each pair id occurs, counted block by block.

    Blocks are folded into the running counts every few million ids, so memory follows the
    number of distinct pairs, not the number of pairs seen (a large batch sees hundreds of
    millions).
    """

    FOLD = 4_000_000  # ids (8 bytes each) gathered before a fold

    def __init__(self) -> None:
        self.ids = np.zeros(0, dtype=np.int64)
        self.totals = np.zeros(0, dtype=np.int64)
        self.blocks: list[np.ndarray] = []
        self.pending = 0

    def add(self, block: np.ndarray) -> None:
        self.blocks.append(block)
        self.pending += len(block)
        if self.pending >= self.FOLD:
            self._fold()

    def counts(self) -> tuple[np.ndarray, np.ndarray]:
        """The distinct ids, sorted, and how often each occurred."""
        self._fold()
        return self.ids, self.totals

    def _fold(self) -> None:
        if not self.blocks:
            return
        ids, totals = np.unique(np.concatenate(self.blocks), return_counts=True)
        self.blocks, self.pending = [], 0
        # Both id lists are sorted: add the counts of ids already known, insert the new ones.
        where = np.searchsorted(self.ids, ids)
        known = where < len(self.ids)
        known[known] = self.ids[where[known]] == ids[known]
        np.add.at(self.totals, where[known], totals[known])
        fresh = ~known
        self.ids = np.insert(self.ids, where[fresh], ids[fresh])
        self.totals = np.insert(self.totals, where[fresh], totals[fresh])

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
        pairs = list(pairs)
        ko_count: Counter[str] = Counter()
        en_count: Counter[str] = Counter()
        for ko, en in pairs:
            ko_count.update(ko)
            en_count.update(en)
        # Words seen fewer than min_count times cannot co-occur that often: leave them out, and
        # count the pairs of the rest with numpy (one id per pair of words).
        ko_ids = {k: i for i, k in enumerate(k for k, c in ko_count.items() if c >= min_count)}
        en_ids = {e: i for i, e in enumerate(e for e, c in en_count.items() if c >= min_count)}
        ko_words, en_words = list(ko_ids), list(en_ids)
        counter = _PairCounter()
        for ko, en in pairs:
            k = np.array([ko_ids[w] for w in ko if w in ko_ids], dtype=np.int64)
            e = np.array([en_ids[w] for w in en if w in en_ids], dtype=np.int64)
            if len(k) and len(e):
                counter.add((k[:, None] * len(en_ids) + e[None, :]).ravel())
        ids, both = counter.counts()
        scored: dict[str, list[tuple[float, str]]] = {}
        if len(ids):
            ko_of, en_of = ids // len(en_ids), ids % len(en_ids)
            ko_totals = np.array([ko_count[w] for w in ko_words], dtype=float)
            en_totals = np.array([en_count[w] for w in en_words], dtype=float)
            dice = 2 * both / (ko_totals[ko_of] + en_totals[en_of])
            keep = (both >= min_count) & (dice >= min_dice)
            for k, e, d in zip(ko_of[keep].tolist(), en_of[keep].tolist(), dice[keep].tolist()):
                scored.setdefault(ko_words[k], []).append((d, en_words[e]))
        kept = {}
        for k, candidates in scored.items():
            candidates.sort(reverse=True)
            for dice, e in candidates[:per_word]:
                if beyond is None or (k, e) not in beyond.pairs:
                    kept[(k, e)] = dice
        return cls(kept)


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
        if len(self.ids):
            ids, where = np.unique(np.concatenate([self.ids, ids]), return_inverse=True)
            totals = np.bincount(where, weights=np.concatenate([self.totals, totals])).astype(np.int64)
        self.ids, self.totals = ids, totals

"""Which Korean article translates which English one, without comparing all pairs.

1. **Candidates** from an inverted index: each document's anchor keys look up the documents of
   the other language that hold them; rarer keys weigh more (inverse document frequency), and
   a key held by more than :data:`COMMON_KEY` documents is not looked up at all, so the work
   grows with the archive, not with its square. Each document keeps its best
   :data:`CANDIDATES`, within the date window when both dates are known.
2. **A quick alignment** scores each candidate pair: the share of each side's anchors (weighted
   by rarity) whose counterpart stands near the same place in the other document, a
   translation keeping its story's order; the score is the geometric mean of the two shares.
3. **One-to-one assignment**: pairs are taken best first while both documents are free and the
   score reaches the threshold, so documents without a partner stay unpaired.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Sequence

from diglot.pair.anchors import Anchors, document_anchors
from diglot.pair.documents import Document
from diglot.provenance import Signature

CANDIDATES = 10  # per document, from the index
COMMON_KEY = 50  # a key in more documents than this names no story (2011, "government"); not looked up
PLACE_WINDOW = 0.2  # how far apart (as a share of the document) a unit and its counterpart may stand
WEAK_WEIGHT = 0.25  # a weak unit's weight against a strong one's (see diglot.pair.anchors)
THRESHOLD = 0.1  # the lowest score of a pair: right dev pairs score 0.09 to 0.6, wrong ones mostly under 0.1 (docs/pair.md)


@dataclass(frozen=True)
class Pair:
    korean: Document
    english: Document
    score: float


def pair_documents(
    korean: Sequence[Document],
    english: Sequence[Document],
    *,
    matcher=None,  # type: ignore[no-untyped-def]
    date_window: int | None = None,
    threshold: float = THRESHOLD,
    progress: Callable[[int, int], None] | None = None,
    anchors: Sequence[Anchors] | None = None,
) -> list[Pair]:
    """The one-to-one pairs of ``korean`` and ``english`` documents, best first.

    ``date_window``: documents whose dates are both known and further apart than this many
    days are never paired. ``progress(done, total)`` is told as documents are read.
    ``anchors``: the documents' anchors, Korean then English, as :func:`document_anchors` gives
    them with ``matcher``, if they were found already (by the shards of a sharded run).
    """
    total = len(korean) + len(english)
    report = progress or (lambda done, total: None)
    if anchors is None:
        anchors = []
        for done, document in enumerate([*korean, *english], 1):
            anchors.append(document_anchors(document, matcher))
            if done % 100 == 0 or done == total:
                report(done, total)
    ko_anchors, en_anchors = list(anchors[: len(korean)]), list(anchors[len(korean) :])
    ko_index, en_index = _Index(ko_anchors), _Index(en_anchors)

    def near(i: int, j: int) -> bool:
        a, b = korean[i].date, english[j].date
        return date_window is None or a is None or b is None or abs((a - b).days) <= date_window

    # each unit's weight against the other language's documents, once
    ko_weights = [en_index.weights(anchors) for anchors in ko_anchors]
    en_weights = [ko_index.weights(anchors) for anchors in en_anchors]
    candidates = set()
    for i, anchors in enumerate(ko_anchors):
        candidates.update((i, j) for j in en_index.best(anchors, ko_weights[i], lambda j: near(i, j)))
    for j, anchors in enumerate(en_anchors):
        candidates.update((i, j) for i in ko_index.best(anchors, en_weights[j], lambda i: near(i, j)))
    scored = []
    for i, j in candidates:
        forward = _coverage(ko_anchors[i], ko_weights[i], en_anchors[j])
        backward = _coverage(en_anchors[j], en_weights[j], ko_anchors[i])
        scored.append((math.sqrt(forward * backward), i, j))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    pairs, ko_taken, en_taken = [], set(), set()
    for score, i, j in scored:
        if score < threshold:
            break
        if i not in ko_taken and j not in en_taken:
            ko_taken.add(i)
            en_taken.add(j)
            pairs.append(Pair(korean[i], english[j], round(score, 4)))
    return pairs


def signature(glossary: str = "none", *, date_window: int | None = None, threshold: float = THRESHOLD) -> Signature:
    """The signature of a pairing: the glossary and the settings that shape it."""
    return Signature.make(glossary=glossary, task="pair", date_window=date_window, threshold=threshold)


class _Index:
    """An inverted index over the bag keys of one language's documents."""

    def __init__(self, documents: Sequence[Anchors]):
        self.postings: dict[str, list[int]] = defaultdict(list)
        for number, anchors in enumerate(documents):
            for key in anchors.bag:
                self.postings[key].append(number)
        self.sizes = [math.sqrt(len(anchors.bag) + 1) for anchors in documents]
        self._rarest = math.log(len(documents) + 1)

    def idf(self, key: str) -> float:
        """How rare ``key`` is here: log(documents / documents holding it); a key none holds is rarest."""
        postings = self.postings.get(key)
        return self._rarest - math.log(len(postings)) if postings else self._rarest

    def weights(self, anchors: Anchors) -> list[float]:
        """Each unit's weight against this index: its rarest key's rarity, less for a weak kind."""
        return [
            max(self.idf(key) for key in keys) * (WEAK_WEIGHT if weak else 1.0) for _place, weak, keys in anchors.units
        ]

    def best(self, anchors: Anchors, weights: list[float], allowed: Callable[[int], bool]) -> list[int]:
        """The :data:`CANDIDATES` documents of this index holding the most of ``anchors``' units, by weight."""
        totals: dict[int, float] = defaultdict(float)
        for (_place, _weak, keys), weight in zip(anchors.units, weights):
            found: set[int] = set()
            for key in keys:
                postings = self.postings.get(key)
                if postings and len(postings) <= COMMON_KEY:
                    found.update(postings)
            for number in found:
                totals[number] += weight
        # a long document holds more of anything: weigh by its size, as a cosine would
        best = heapq.nlargest(
            CANDIDATES * 2, totals.items(), key=lambda item: (item[1] / self.sizes[item[0]], -item[0])
        )
        return [number for number, _total in best if allowed(number)][:CANDIDATES]


def _coverage(source: Anchors, weights: list[float], target: Anchors) -> float:
    """The weighted share of ``source``'s units whose counterpart ``target`` holds near the same place."""
    found = total = 0.0
    for (place, _weak, keys), weight in zip(source.units, weights):
        total += weight
        if any(abs(other - place) <= PLACE_WINDOW for key in keys for other in target.bag.get(key, ())):
            found += weight
    return found / total if total else 0.0

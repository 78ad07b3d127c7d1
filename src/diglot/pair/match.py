"""Which Korean article translates which English one, without comparing all pairs.

1. **Candidates** from an inverted index: each document's anchor keys look up the documents of
   the other language that hold them; rarer keys weigh more (inverse document frequency), and
   a key held by more than :data:`COMMON_KEY` documents is not looked up at all, so the work
   grows with the archive, not with its square. Each document keeps its best
   :data:`CANDIDATES`, within the date window when both dates are known.
2. **A quick alignment** tallies each candidate pair: for each side and kind of anchor, how
   many units have their counterpart near the same place in the other document (a translation
   keeps its story's order), and how many there are.
3. **Evidence learned from the archive.** The pairs that the rarity-weighted share of found
   units makes one to one are taken for translations for a moment; how often each kind is found
   in them, against how often in all the other candidate pairs, says what a found or a missing
   unit of that kind is worth (log odds): a number found is strong evidence, a Korean word that
   happens to romanise like an English name is next to none. The candidates are looked up once
   more with those worths, and each pair's score is the probability, from its summed log odds,
   that it is the translation rather than one of its document's other candidates.
4. **One-to-one assignment**: pairs are taken best first while both documents are free and the
   score reaches the threshold, so documents without a partner stay unpaired.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Sequence

from diglot.align.anchors import KINDS
from diglot.pair.anchors import Anchors, document_anchors
from diglot.pair.documents import Document
from diglot.provenance import Signature

CANDIDATES = 20  # per document, from the index
COMMON_KEY = 150  # a key in more documents than this names no story (2011, "government"); not looked up
PLACE_WINDOW = 0.2  # how far apart (as a share of the document) a unit and its counterpart may stand
WEAK_WEIGHT = 0.25  # a weak unit's weight against a strong one's (see diglot.pair.anchors)
THRESHOLD = 0.5  # the lowest score of a pair: the probability that it is a translation, not another candidate
SCORING = "anchor-log-odds-1"  # named in the signature: a change to how pairs are scored changes it
PROVISIONAL = 0.1  # the rarity-weighted share from which a pair counts as a translation while the rates are learned
PRIOR_FOUND, PRIOR_CHANCE, PRIOR_UNITS = 0.3, 0.05, 20  # rates before the archive says otherwise, and their weight


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

    def retrieve(ko_weights: list[list[float]], en_weights: list[list[float]]) -> set[tuple[int, int]]:
        candidates = set()
        for i, anchors in enumerate(ko_anchors):
            candidates.update((i, j) for j in en_index.best(anchors, ko_weights[i], lambda j: near(i, j)))
        for j, anchors in enumerate(en_anchors):
            candidates.update((i, j) for i in ko_index.best(anchors, en_weights[j], lambda i: near(i, j)))
        return candidates

    def tally(candidates: set[tuple[int, int]]) -> None:
        for i, j in sorted(candidates - tallies.keys()):
            forward_found, forward_total, forward = _tally(ko_anchors[i], ko_weights[i], en_anchors[j])
            backward_found, backward_total, backward = _tally(en_anchors[j], en_weights[j], ko_anchors[i])
            found, units = forward_found + backward_found, forward_total + backward_total
            tallies[i, j] = (math.sqrt(forward * backward), found, units)

    tallies: dict[tuple[int, int], tuple[float, list[int], list[int]]] = {}
    tally(retrieve(ko_weights, en_weights))
    evidence = _evidence(tallies)
    # again, each unit weighed by what its kind was found to say: a kind found by chance as
    # often as in a translation (a Korean word read as a name) no longer picks the candidates
    ko_informed = _informed(ko_weights, ko_anchors, evidence, 0)
    tally(retrieve(ko_informed, _informed(en_weights, en_anchors, evidence, len(KINDS))))
    evidence = _evidence(tallies)
    # at most one of a document's candidates is its translation: the odds before the evidence
    prior = math.log(min(CANDIDATES, max(len(korean), len(english), 1)))
    scored = []
    for (i, j), (_coverage, found, total) in tallies.items():
        weight = sum(f * yes + (t - f) * no for f, t, (yes, no) in zip(found, total, evidence))
        scored.append((weight, i, j))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    pairs, ko_taken, en_taken = [], set(), set()
    for weight, i, j in scored:
        score = _posterior(weight - prior)
        if score < threshold:
            break
        if i not in ko_taken and j not in en_taken:
            ko_taken.add(i)
            en_taken.add(j)
            pairs.append(Pair(korean[i], english[j], round(score, 4)))
    return pairs


def signature(glossary: str = "none", *, date_window: int | None = None, threshold: float = THRESHOLD) -> Signature:
    """The signature of a pairing: the glossary, the scoring and the settings that shape it."""
    return Signature.make(glossary=glossary, task="pair", scoring=SCORING, date_window=date_window, threshold=threshold)


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
            max(self.idf(key) for key in keys) * (WEAK_WEIGHT if weak else 1.0)
            for _place, weak, _kind, keys in anchors.units
        ]

    def best(self, anchors: Anchors, weights: list[float], allowed: Callable[[int], bool]) -> list[int]:
        """The :data:`CANDIDATES` documents of this index holding the most of ``anchors``' units, by weight."""
        totals: dict[int, float] = defaultdict(float)
        for (_place, _weak, _kind, keys), weight in zip(anchors.units, weights):
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


def _tally(source: Anchors, weights: list[float], target: Anchors) -> tuple[list[int], list[int], float]:
    """How many of ``source``'s units of each kind have their counterpart in ``target`` near the
    same place, how many there are, and the found share weighted by rarity."""
    found, total = [0] * len(KINDS), [0] * len(KINDS)
    found_weight = total_weight = 0.0
    for (place, _weak, kind, keys), weight in zip(source.units, weights):
        total[kind] += 1
        total_weight += weight
        if any(abs(other - place) <= PLACE_WINDOW for key in keys for other in target.bag.get(key, ())):
            found[kind] += 1
            found_weight += weight
    return found, total, found_weight / total_weight if total_weight else 0.0


def _evidence(tallies: dict[tuple[int, int], tuple[float, list[int], list[int]]]) -> list[tuple[float, float]]:
    """For each side and kind, what a found and a missing counterpart say for a translation (log odds).

    The rates are the archive's own: how often a counterpart is found in the pairs that the
    rarity-weighted share alone makes (one to one, from :data:`PROVISIONAL` up), against how
    often in every other candidate pair, each drawn towards a prior (:data:`PRIOR_FOUND`,
    :data:`PRIOR_CHANCE`) by :data:`PRIOR_UNITS` units. A kind no more often found in a
    translation than by chance says nothing.
    """
    provisional, ko_taken, en_taken = set(), set(), set()
    for (i, j), (coverage, _found, _total) in sorted(tallies.items(), key=lambda item: (-item[1][0], item[0])):
        if coverage < PROVISIONAL:
            break
        if i not in ko_taken and j not in en_taken:
            ko_taken.add(i)
            en_taken.add(j)
            provisional.add((i, j))
    slots = 2 * len(KINDS)
    counts = {True: ([0] * slots, [0] * slots), False: ([0] * slots, [0] * slots)}
    for pair, (_coverage, found, total) in tallies.items():
        into_found, into_total = counts[pair in provisional]
        for slot in range(slots):
            into_found[slot] += found[slot]
            into_total[slot] += total[slot]
    out = []
    for slot in range(slots):
        hit = (counts[True][0][slot] + PRIOR_UNITS * PRIOR_FOUND) / (counts[True][1][slot] + PRIOR_UNITS)
        chance = (counts[False][0][slot] + PRIOR_UNITS * PRIOR_CHANCE) / (counts[False][1][slot] + PRIOR_UNITS)
        if hit <= chance:
            out.append((0.0, 0.0))
        else:
            out.append((math.log(hit / chance), math.log((1 - hit) / (1 - chance))))
    return out


def _informed(
    weights: list[list[float]], anchors: list[Anchors], evidence: list[tuple[float, float]], side: int
) -> list[list[float]]:
    """Each unit's rarity times what a found counterpart of its kind says (``side``: where its
    side's kinds start in ``evidence``: 0 for Korean units, ``len(KINDS)`` for English ones)."""
    return [
        [weight * evidence[side + kind][0] for weight, (_place, _weak, kind, _keys) in zip(unit_weights, doc.units)]
        for unit_weights, doc in zip(weights, anchors)
    ]


def _posterior(log_odds: float) -> float:
    return 1 / (1 + math.exp(-max(min(log_odds, 50.0), -50.0)))

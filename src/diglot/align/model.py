"""The scoring model of the aligner: what a bead costs, and how its parameters are estimated.

The cost of a bead is a negative log-probability, summed over three independent pieces of
evidence:

* the bead's **type** (1-1, 2-1, 1-0, …): ``-log P(type)``;
* its **lengths**, as Gale and Church (1993): the English length is about ``ratio`` times the
  Korean one, with variance proportional to the length, ``-log P(|δ| ≥ observed)``;
* its **anchors** (:mod:`diglot.align.anchors`), as a naive-Bayes log-likelihood ratio: each unit
  of kind *k* finds its counterpart with probability ``found[k]`` in a true translation and
  ``chance[k]`` in an unrelated sentence of the same input; a unit found adds
  ``log(found/chance)``, a unit missing adds ``log((1-found)/(1-chance))``.

Every parameter is estimated from the input itself (:func:`estimate`): the length ratio and
variance, the type probabilities, and for each kind of anchor the two rates, measured on the
beads of a first alignment and on pairs of sentences known not to be translations. Only the
starting values below, and the pseudo-counts that keep small inputs sensible, are fixed.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field, replace

from diglot.align.anchors import KINDS

# Bead types (Korean sentences, English sentences), and Gale–Church's probabilities as the prior.
BEAD_TYPES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
# 3-1 and 1-3 are only searched when the data asks for them: a line holding three sentences.
THREE_TYPES = ((3, 1), (1, 3))
PRIOR = {(1, 1): 0.89, (1, 0): 0.005, (0, 1): 0.005, (2, 1): 0.0445, (1, 2): 0.0445, (2, 2): 0.011,
         (3, 1): 0.002, (1, 3): 0.002}  # fmt: skip
PRIOR_WEIGHT = 20.0  # pseudo-beads behind the prior when the type probabilities are re-estimated
# Starting rates (found in a translation, found by chance) before the input has been measured.
START_RATES = {
    "number": (0.7, 0.05), "small-number": (0.5, 0.1), "latin": (0.7, 0.05), "name": (0.15, 0.02),
    "glossary": (0.8, 0.05), "lexicon": (0.4, 0.05), "mt": (0.4, 0.1),
}  # fmt: skip
RATE_WEIGHT = 10.0  # pseudo-units behind the starting rates
# Kinds whose misses are not counted (see Params.weights).
FOUND_ONLY = frozenset({"name", "mt"})
# English characters per Korean character (spaces left out) in the 720 general-domain pairs of
# data/korean-parallel-corpora/jhe-koen-dev, and how many Korean characters of evidence (about
# forty sentences) it is worth: a short input cannot pull the ratio far on its own.
PRIOR_RATIO = 1.9
RATIO_WEIGHT = 2000.0


@dataclass
class Params:
    ratio: float = 1.0  # English characters per Korean character
    variance: float = 6.8  # Gale–Church s², per character, in English characters
    type_cost: dict[tuple[int, int], float] = field(default_factory=lambda: {t: -math.log(p) for t, p in PRIOR.items()})
    rates: dict[str, tuple[float, float]] = field(default_factory=lambda: dict(START_RATES))
    types: tuple[tuple[int, int], ...] = tuple(t for t in BEAD_TYPES if t not in THREE_TYPES)  # searched
    # per bead type: (P(sides hold as many sentences | translation), P(same | unrelated lines))
    sentence_rates: dict[tuple[int, int], tuple[float, float]] = field(default_factory=dict)

    def sentence_weights(self, bead_type: tuple[int, int]) -> tuple[float, float]:
        """(log-ratio when a bead's sides hold as many sentences, log-ratio when they do not).

        A line of pre-split input may hold two sentences (a merge made by an editor): a 1-2 bead
        whose Korean line holds two sentences is likelier than one whose line holds one.
        Nothing is known until the input has been measured (:func:`sentence_rates`).
        """
        agree, chance = self.sentence_rates.get(bead_type, (0.5, 0.5))
        if agree <= chance or chance <= 0:
            return 0.0, 0.0
        return math.log(agree / chance), math.log((1 - agree) / (1 - chance))

    def weights(self, others: int = 1) -> dict[str, tuple[float, float]]:
        """Per kind: (log-ratio when found, log-ratio when missing) for a unit facing ``others``
        sentences on the other side of a bead; zero for a kind that tells nothing.

        Facing two sentences, a unit is found by chance twice as often: the rates are those of
        "found in at least one" (``1-(1-q)^s``), so merging a sentence never buys chance matches.
        Names and MT weigh only what is found: nearly every Hangul word is a name candidate and
        every word of a machine translation a unit, so their misses say little and, counted,
        would punish long sentences twice. Lexicon units (words with a learned translation)
        count their misses like numbers do.
        """
        out = {}
        for kind in KINDS:
            found, chance = self.rates[kind]
            found = 1 - (1 - found) * (1 - chance) ** (others - 1)
            chance = 1 - (1 - chance) ** others
            if found <= chance:
                out[kind] = (0.0, 0.0)
            elif kind in FOUND_ONLY:
                out[kind] = (math.log(found / chance), 0.0)
            else:
                out[kind] = (math.log(found / chance), math.log((1 - found) / (1 - chance)))
        return out


def start_params(ko_lengths: list[int], en_lengths: list[int]) -> Params:
    """Parameters before any alignment: the length ratio of the whole input.

    When one side has more than twice as many lines as the other, most of its lines have no
    counterpart and the totals say little: the ratio of the median line lengths is used instead.
    """
    if ko_lengths and en_lengths and not 0.5 <= len(en_lengths) / len(ko_lengths) <= 2:
        ko_median, en_median = statistics.median(ko_lengths), statistics.median(en_lengths)
        ratio = en_median / ko_median if ko_median and en_median else PRIOR_RATIO
    else:
        ratio = (sum(en_lengths) + PRIOR_RATIO * RATIO_WEIGHT) / (sum(ko_lengths) + RATIO_WEIGHT)
    return Params(ratio=ratio, variance=6.8 * ratio)


def estimate(
    params: Params,
    beads: list[tuple[tuple[int, ...], tuple[int, ...]]],
    ko_lengths: list[int],
    en_lengths: list[int],
    found_counts: dict[str, tuple[int, int]],
    chance_counts: dict[str, tuple[int, int]],
) -> Params:
    """Re-estimate every parameter from the beads of an alignment (content beads, all documents).

    ``found_counts[kind] = (found, units)`` over the units of 1-1 beads; ``chance_counts`` the
    same over pairs of sentences that are not translations of each other.
    """
    pairs = [(sum(ko_lengths[i] for i in k), sum(en_lengths[j] for j in e)) for k, e in beads if k and e]
    ratio, variance = params.ratio, params.variance
    if pairs:
        ratio = (sum(e for _, e in pairs) + PRIOR_RATIO * RATIO_WEIGHT) / (sum(k for k, _ in pairs) + RATIO_WEIGHT)
        residuals = sorted((e - ratio * k) ** 2 / max(1.0, (k + e / ratio) / 2) for k, e in pairs)
        # The median of a χ²(1) variable is 0.455; the median resists the bad beads. Shrunk
        # towards Gale and Church's 6.8 (scaled to the ratio) as the types are towards theirs.
        measured = residuals[len(residuals) // 2] / 0.455
        variance = max(1.0, (len(pairs) * measured + PRIOR_WEIGHT * 6.8 * ratio) / (len(pairs) + PRIOR_WEIGHT))
    counts = {t: 0 for t in BEAD_TYPES}
    for k, e in beads:
        if (len(k), len(e)) in counts:
            counts[(len(k), len(e))] += 1
    total = sum(counts.values()) + PRIOR_WEIGHT
    type_cost = {t: -math.log((counts[t] + PRIOR_WEIGHT * PRIOR[t]) / total) for t in BEAD_TYPES}
    rates = {}
    for kind in KINDS:
        start_found, start_chance = START_RATES[kind]
        hit, units = found_counts.get(kind, (0, 0))
        found = (hit + RATE_WEIGHT * start_found) / (units + RATE_WEIGHT)
        hit, units = chance_counts.get(kind, (0, 0))
        chance = (hit + RATE_WEIGHT * start_chance) / (units + RATE_WEIGHT)
        rates[kind] = (min(found, 0.98), max(chance, 0.002))
    return replace(params, ratio=ratio, variance=variance, type_cost=type_cost, rates=rates)


def sentence_rates(
    ko_counts: list[int], en_counts: list[int], beads: list[tuple[int, int, bool]]
) -> dict[tuple[int, int], tuple[float, float]]:
    """Per bead type, how often its sides hold as many sentences: in the beads of an alignment
    (``(a, b, same)`` each), and by chance for ``a`` Korean and ``b`` English lines drawn at
    random from the input (sums of independent draws from each side's sentence counts).
    The observed rate is shrunk towards chance with ``RATE_WEIGHT`` pseudo-beads."""

    def distribution(counts: list[int], lines: int) -> dict[int, float]:
        single: dict[int, float] = {}
        for c in counts:
            single[c] = single.get(c, 0.0) + 1 / len(counts)
        out = {0: 1.0}
        for _ in range(lines):
            step: dict[int, float] = {}
            for total, p in out.items():
                for c, q in single.items():
                    step[total + c] = step.get(total + c, 0.0) + p * q
            out = step
        return out

    if not ko_counts or not en_counts:
        return {}
    rates = {}
    for a, b in BEAD_TYPES:
        if not a or not b:
            continue
        ko, en = distribution(ko_counts, a), distribution(en_counts, b)
        chance = sum(p * en.get(total, 0.0) for total, p in ko.items())
        same = [s for x, y, s in beads if (x, y) == (a, b)]
        agree = (sum(same) + RATE_WEIGHT * chance) / (len(same) + RATE_WEIGHT)
        rates[(a, b)] = (min(agree, 0.99), chance)
    return rates

"""Association between Korean and English candidates over aligned beads.

Each bead contributes the *set* of candidate keys on each side. For a pair (k, e) with
co-occurrence count ``c``, where ``k`` occurs in ``n_k`` beads, ``e`` in ``n_e`` beads and there
are ``n`` beads in all, two scores are computed:

* the Dice coefficient ``2c / (n_k + n_e)``: how exclusively the two go together, 1.0 when they
  always appear together;
* Dunning's log-likelihood ratio G² of the 2×2 contingency table: how sure we are that the
  association is not chance (G² ≥ 10.83 is p < 0.001 for one degree of freedom).

Pairs equal on both scores are ordered by how alike they sound (a transliterated name), then
longest first: when ``World Health Organization`` is seen exactly as often as ``Health
Organization``, the shorter never occurs alone. Pairs are then linked one-to-one by *competitive linking* (Melamed 2000): best pair first, and a
candidate already linked cannot be linked again, since a term has one preferred translation.
Before linking, a one-word English candidate that is nearly always seen inside longer ones with
the same partner gives way to them (:data:`NESTED_SHARE`): ``북한`` goes with ``North Korea``, not
with ``North`` alone. A nested candidate with evidence of its own (``Obama`` beside
``Barack Obama``) stays. Korean candidates are not pruned this way: a Korean phrase often adds a
word the English leaves out (``민주당 버락 오바마``), and the competitive linking settles them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable

from diglot.align.lexicon import cooccurrences
from diglot.align.romanize import PRESS_SURNAMES, romanize_name, skeleton, skeletons

SIGNIFICANT_LLR = 10.83  # chi-square, one degree of freedom, p < 0.001
# A candidate gives way to a longer one holding it when the longer one has at least this share of
# its co-occurrences with the same partner.
NESTED_SHARE = 0.75
# Consonant skeletons at least this alike (difflib ratio) suggest a transliteration.
SOUND_ALIKE = 0.7


@dataclass(frozen=True)
class Association:
    """A scored pair of candidate keys."""

    ko: str
    en: str
    together: int  # beads holding both
    ko_count: int  # beads holding the Korean candidate
    en_count: int  # beads holding the English candidate
    dice: float
    llr: float

    @property
    def score(self) -> float:
        """The ranking score: Dice, weighted by the log of the evidence (pairs seen twice rank below
        pairs seen twenty times with the same Dice)."""
        return self.dice * math.log2(1 + self.together)

    @property
    def sound_likeness(self) -> float:
        """How alike the two sound: :func:`sound_likeness` of the keys."""
        return sound_likeness(self.ko, self.en)


@lru_cache(maxsize=65536)
def sound_likeness(ko: str, en: str) -> float:
    """How alike a Korean and an English form sound, from :data:`SOUND_ALIKE` to 1 (else 0),
    compared by consonant skeleton (:func:`diglot.align.romanize.skeleton`): names and loanwords
    keep their sound across scripts (``콘돌리자 라이스`` = ``Condoleezza Rice``, not ``State
    Condoleezza``). A Korean person's name is also compared as the press romanises it, surname
    first (``이명박`` = ``Lee Myung-bak``: the silent ㅇ of 이 would leave the surname out)."""
    korean = skeleton(ko)
    if not korean:
        return 0.0
    forms = {korean}
    if len(ko) == 3 and ko[0] in PRESS_SURNAMES:
        forms.add(skeleton(romanize_name(ko)[0]))
    likeness = max(SequenceMatcher(None, k, english).ratio() for k in forms for english in skeletons(en))
    return likeness if likeness >= SOUND_ALIKE else 0.0  # below it, a chance likeness: ignore


def sounds_alike(ko: str, en: str) -> bool:
    """The Korean form transliterates the English (:func:`sound_likeness` above chance)."""
    return sound_likeness(ko.replace(" ", ""), en.lower()) > 0


def log_likelihood_ratio(together: int, a_count: int, b_count: int, total: int) -> float:
    """Dunning's G² for the 2×2 table of two events' co-occurrence; signed: negative when the two
    occur together less often than chance would have them."""
    k11 = together
    k12 = a_count - together
    k21 = b_count - together
    k22 = total - a_count - b_count + together
    row1, row2, col1, col2 = k11 + k12, k21 + k22, k11 + k21, k12 + k22

    def h(*counts: int) -> float:
        return sum(c * math.log(c) for c in counts if c > 0)

    g2 = 2 * (h(k11, k12, k21, k22) - h(row1, row2) - h(col1, col2) + h(total))
    expected = row1 * col1 / total if total else 0.0
    return g2 if k11 >= expected else -g2


def associate(
    beads: Iterable[tuple[set[str], set[str]]], min_count: int = 2, min_llr: float = SIGNIFICANT_LLR
) -> list[Association]:
    """Every pair seen together in at least ``min_count`` beads with G² ≥ ``min_llr``, best first.
    The counting is the aligner's lexicon's (:func:`diglot.align.lexicon.cooccurrences`)."""
    counts = cooccurrences(beads, min_count=min_count)
    ko_counts, en_counts, total = counts.ko_counts, counts.en_counts, counts.pairs
    out = []
    for (k, e), c in counts.together.items():
        llr = log_likelihood_ratio(c, ko_counts[k], en_counts[e], total)
        if llr < min_llr:
            continue
        out.append(Association(k, e, c, ko_counts[k], en_counts[e], 2 * c / (ko_counts[k] + en_counts[e]), llr))
    out.sort(key=lambda a: (-a.score, -a.llr, -a.sound_likeness, -len(a.en), -len(a.ko), a.ko, a.en))
    return out


def prefer_longest(associations: list[Association]) -> list[Association]:
    """Drop pairs whose English side, with the same Korean partner, is a fragment of longer
    candidates; order is kept. An English candidate is a fragment when

    * it is one word and its one-word extensions together account for at least
      :data:`NESTED_SHARE` of its co-occurrences (``north`` in ``north korea``, ``north korean``),
      unless it sounds more like the Korean than any of them (``barack`` for ``버락``);
    * or it has several words, is never seen without one longer candidate holding it
      (``health organization`` in ``world health organization``), and does not sound more like the
      Korean than that one does (``condoleezza rice`` stays beside ``state condoleezza rice``).
    """
    by_ko: dict[str, dict[str, Association]] = {}
    for a in associations:
        by_ko.setdefault(a.ko, {})[a.en] = a

    def fragment(a: Association) -> bool:
        partners = by_ko[a.ko]
        if " " not in a.en:
            extensions = [o for o in partners.values() if o.en.count(" ") == 1 and a.en in o.en.split(" ")]
            if a.sound_likeness and all(a.sound_likeness > o.sound_likeness for o in extensions):
                return False  # 버락 is Barack, though Barack is mostly seen before Obama
            return sum(o.together for o in extensions) >= NESTED_SHARE * a.together
        return any(
            other.en != a.en
            and f" {a.en} " in f" {other.en} "
            and other.together >= a.together
            and other.sound_likeness >= a.sound_likeness
            for other in partners.values()
        )

    return [a for a in associations if not fragment(a)]


def prefer_whole_names(associations: list[Association]) -> list[Association]:
    """Drop pairs that are parts of one longer pair on both sides: ``버락`` ↔ *Barack* when
    ``버락 오바마`` ↔ *Barack Obama* accounts for at least :data:`NESTED_SHARE` of its
    co-occurrences (a first name nearly always written whole), and sounds like its Korean if the
    part does (``이명박`` ↔ *Lee Myung-bak* does not give way to ``이명박 대통령`` ↔ *President
    Lee Myung-bak*: a title is not part of a name). A part with evidence of its own
    stays (``오바마`` ↔ *Obama*, mostly written alone). A Korean candidate whose best pair is such
    a part gives way with every other partner too, and so does its English if that pair is its
    best too (``콘돌리자`` is not then paired with *State Condoleezza Rice*); order is
    kept."""
    by_en_word: dict[str, list[Association]] = {}
    for a in associations:
        for word in set(a.en.split()):
            by_en_word.setdefault(word, []).append(a)

    def part(a: Association) -> bool:
        words = a.en.split()
        return any(
            other is not a
            and len(other.ko) > len(a.ko)
            and a.ko in other.ko
            and len(other.en) > len(a.en)
            and f" {a.en} " in f" {other.en} "
            and other.together >= NESTED_SHARE * a.together
            and (other.sound_likeness > 0 or not a.sound_likeness)  # a name, not a name and its title
            for other in by_en_word.get(words[0], ()) if words
        )

    best: dict[str, Association] = {}
    best_en: dict[str, Association] = {}
    for a in associations:
        best.setdefault(a.ko, a)
        best_en.setdefault(a.en, a)
    parts = [a for a in best.values() if part(a)]
    ko_parts = {a.ko for a in parts}
    en_parts = {a.en for a in parts if best_en[a.en] is a}  # Barack, not Obama (best with 오바마)
    return [a for a in associations if a.ko not in ko_parts and a.en not in en_parts]


def competitive_linking(associations: list[Association]) -> list[Association]:
    """One-to-one links, best first: a pair is kept only if neither side was linked before."""
    linked_ko: set[str] = set()
    linked_en: set[str] = set()
    out = []
    for a in associations:
        if a.ko in linked_ko or a.en in linked_en:
            continue
        linked_ko.add(a.ko)
        linked_en.add(a.en)
        out.append(a)
    return out

"""What a document offers for pairing: the aligner's anchors, each at its place in the document.

Every line's anchors come from :mod:`diglot.align.anchors` (numbers with Korean units, Latin
words, names through romanisation, glossary terms) and the seed lexicon
(:mod:`diglot.align.seed`); a unit records where in the document it stands (0 at the start,
1 at the end), so that a quick alignment can ask whether its counterpart stands near the same
place in the other document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diglot.align.anchors import KINDS, features, lexicon_anchors, text_length
from diglot.align.seed import seed_lexicon
from diglot.pair.documents import Document

# Kinds that say little alone: a number up to twelve, and a word pair of the seed lexicon
# (general vocabulary that two stories of one beat share).
WEAK_KINDS = frozenset({"small-number", "lexicon"})


@dataclass
class Anchors:
    """A document's units (place, weak?, kind's number in :data:`~diglot.align.anchors.KINDS`, keys
    any one of which is its counterpart) and bag (key → places)."""

    units: list[tuple[float, bool, int, frozenset[str]]] = field(default_factory=list)
    bag: dict[str, list[float]] = field(default_factory=dict)
    length: int = 0  # characters other than spaces


def document_anchors(document: Document, matcher=None) -> Anchors:  # type: ignore[no-untyped-def]
    """The anchors of ``document`` (``matcher``: a glossary :class:`~diglot.glossary.Matcher`, or None)."""
    out = Anchors()
    lines = list(document.lines)
    lexicon = seed_lexicon()
    for index, (line, feats) in enumerate(zip(lines, features(lines, document.lang, matcher))):
        place = (index + 0.5) / len(lines)
        for kind, keys in feats.units + lexicon_anchors(feats, document.lang, lexicon):
            out.units.append((place, kind in WEAK_KINDS, KINDS.index(kind), keys))
        for key in feats.bag | feats.stems:  # stems: the keys the other side's lexicon units look for
            out.bag.setdefault(key, []).append(place)
        out.length += text_length(line)
    return out

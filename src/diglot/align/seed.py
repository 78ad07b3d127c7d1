"""The seed lexicon: word pairs learned once from general-domain parallel text shipped with diglot.

A short input teaches the aligner few words of its own, so every alignment starts from this
lexicon and adds what it learns from the input (:mod:`diglot.align.lexicon`). It is learned,
by the same rule as the input's lexicon, from the 720 line-parallel pairs of
``data/korean-parallel-corpora/jhe-koen-dev`` (general-domain text, none of it news, so the
news dev documents stay unseen), and stored in ``seed_lexicon.tsv`` beside this module:
Korean stem, English stem, Dice score. Like its source, the file is under CC BY-SA 3.0
(Jungyeul Park, Jeen-Pyo Hong and Jeong-Won Cha, Korean Parallel Corpora, PACLIC 30).

Rebuild it after changing the stemming or the learning rule::

    python -m diglot.align.seed data/korean-parallel-corpora/jhe-koen-dev.ko \\
        data/korean-parallel-corpora/jhe-koen-dev.en src/diglot/align/seed_lexicon.tsv
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from diglot.align.anchors import english_features, korean_features
from diglot.align.lexicon import Lexicon

SEED_FILE = Path(__file__).with_name("seed_lexicon.tsv")
_HEADER = "# diglot seed lexicon: ko stem, en stem, Dice. Learned from jhe-koen-dev (CC BY-SA 3.0)."


def learn_from_parallel(korean: list[str], english: list[str]) -> Lexicon:
    """A lexicon learned from line-parallel text (each line a translation of the other)."""
    pairs = [
        (korean_features(ko).stems, english_features(en).stems)
        for ko, en in zip(korean, english)
        if ko.strip() and en.strip()
    ]
    return Lexicon.learn(pairs)


def render(lexicon: Lexicon) -> str:
    rows = sorted(lexicon.pairs.items())
    return "\n".join([_HEADER, *(f"{ko}\t{en}\t{dice:.4f}" for (ko, en), dice in rows)]) + "\n"


@lru_cache(maxsize=1)
def seed_lexicon() -> Lexicon:
    """The shipped seed lexicon (empty if the file is missing, as in a stripped install)."""
    if not SEED_FILE.is_file():
        return Lexicon()
    pairs = {}
    for line in SEED_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            ko, en, dice = line.split("\t")
            pairs[(ko, en)] = float(dice)
    return Lexicon(pairs)


def main(argv: list[str]) -> None:
    ko_path, en_path, out_path = argv
    korean = Path(ko_path).read_text(encoding="utf-8").splitlines()
    english = Path(en_path).read_text(encoding="utf-8").splitlines()
    Path(out_path).write_text(render(learn_from_parallel(korean, english)), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])

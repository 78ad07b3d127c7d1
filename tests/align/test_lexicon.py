"""The lexicon learned from co-occurrence: counting that stays small on a large batch."""

import random

from diglot.align import lexicon
from diglot.align.lexicon import Lexicon


def test_counts_folded_in_blocks_equal_counts_taken_at_once(monkeypatch):
    rng = random.Random(3)
    ko_words = [f"단어{i}" for i in range(60)]
    en_words = [f"word{i}" for i in range(60)]
    pairs = []
    for _ in range(400):
        chosen = rng.sample(range(60), 6)
        pairs.append((frozenset(ko_words[i] for i in chosen), frozenset(en_words[i] for i in chosen[:4])))
    at_once = Lexicon.learn(pairs)
    monkeypatch.setattr(lexicon._PairCounter, "FOLD", 50)  # a fold every few pairs
    folded = Lexicon.learn(pairs)
    assert folded.pairs == at_once.pairs
    assert ("단어7", "word7") in folded.pairs


def test_what_the_seed_has_is_left_out():
    pairs = [(frozenset({"정부"}), frozenset({"govern"}))] * 3 + [(frozenset({"경찰"}), frozenset({"police"}))] * 3
    seed = Lexicon({("정부", "govern"): 1.0})
    assert set(Lexicon.learn(pairs, beyond=seed).pairs) == {("경찰", "police")}

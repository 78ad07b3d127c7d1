"""Growing the glossary: term pairs mined from aligned text, their review, consistency reports.

>>> from diglot.mine import line_pairs, propose                     # doctest: +SKIP
>>> proposals = propose(line_pairs(ko_text, en_text), load_glossary())  # doctest: +SKIP

* :mod:`diglot.mine.candidates`: Korean (Kiwi nouns and compounds) and English (noun-phrase
  chunks, capitalised spans, acronyms) term candidates;
* :mod:`diglot.mine.associate`: Dice and log-likelihood association over aligned beads,
  competitive linking;
* :mod:`diglot.mine.termhood`: everyday words against terms (general-language frequencies);
* :mod:`diglot.mine.entity_types`: person, place, organization … for each pair;
* :mod:`diglot.mine.propose`: proposals as glossary entries with their type and evidence
  (:class:`~diglot.mine.propose.Miner`, which owns their signature);
* :mod:`diglot.mine.review`: review decisions and the state that lets a review resume;
* :mod:`diglot.mine.consistency`: which terms a corpus renders in more than one way.
"""

from diglot.mine.corpus import BeadText, line_pairs, read_file_pairs, read_jsonl
from diglot.mine.propose import MIN_SENTENCE_PAIRS, Miner, propose

__all__ = ["MIN_SENTENCE_PAIRS", "BeadText", "Miner", "line_pairs", "propose", "read_file_pairs", "read_jsonl"]

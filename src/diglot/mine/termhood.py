"""Termhood: how much a mined pair is a term for a glossary, not an everyday word.

A correct pair is not always worth an entry: ``경찰`` → *police* is a translation any translator
knows. A pair is *generic* when its English is a common noun (written in lower case in the
corpus) that is common in general language, and its Korean is common too. General-language
frequency comes from wordfreq (Speer 2022; Zipf scale: log10 of occurrences a billion words, so 6
is once in a thousand words, 3 once in a million): English through ``wordfreq.zipf_frequency``,
Korean by looking the form up in wordfreq's Korean list (a form missing from it, a compound or a
transliteration, is not common). Names, acronyms and anything written with a capital are never
generic: they are what a glossary is for.

The *termhood* of a pair, from 0 to 1, multiplies its association score in the ranking:

* 1 when the pair is not generic (see above);
* else a logistic curve of the English's general frequency: near 1 well below
  :data:`COMMON_ZIPF`, half at it, falling by a factor 10 ** :data:`STEEPNESS` per Zipf unit
  above it: *government* (5.6) and *police* (5.3) get 0.01 and 0.02 and rank far down,
  *encryption* and *testosterone* (both 3.6) get 0.94 and keep their place;
* unless the word is truly specific to the corpus: the Zipf points by which the corpus uses it
  more often than general language, beyond :data:`KEYNESS_FREE` (a hundredfold), are taken off
  its general frequency first. This is deliberately rare: on the news dev data no pair's
  termhood moves by more than 0.02; a word of middling frequency (Zipf 4.5) that is one word in
  a hundred of the corpus rises from 0.2 to 0.7.
"""

from __future__ import annotations

import math
from functools import lru_cache

# English of general-language frequency above this (Zipf) is common: half the termhood.
COMMON_ZIPF = 4.2
# How fast termhood falls past COMMON_ZIPF: a factor 10**STEEPNESS per Zipf unit.
STEEPNESS = 2.0
# A corpus using a word more than this many Zipf points more often than general text (a
# hundredfold) makes it its own: each point beyond is taken off its general frequency. Lower
# values were tried: a small corpus then makes every word its own (5 sentences of 18 is a
# hundred times what general text has of "police").
KEYNESS_FREE = 2.0
# A Korean form rarer than this in wordfreq's Korean list is not a common word.
KOREAN_COMMON_ZIPF = 3.0


@lru_cache(maxsize=65536)
def english_zipf(text: str) -> float:
    """General-language frequency of an English word or phrase, Zipf scale (0 when unknown)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(text, "en")


def korean_zipf(text: str) -> float:
    """General-language frequency of a Korean form, spaces ignored (0 when not in the list)."""
    frequency = _korean_frequencies().get(text.replace(" ", ""), 0.0)
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


@lru_cache(maxsize=1)
def _korean_frequencies() -> dict[str, float]:
    # wordfreq's own lookup of Korean needs MeCab to split the text; its word list does not.
    from wordfreq import get_frequency_dict

    return get_frequency_dict("ko")


def is_generic(ko: str, en: str) -> bool:
    """The English is a lower-case word or phrase and the Korean a common word: a pair of
    everyday words, if the English is common too (:func:`termhood`)."""
    return en == en.lower() and korean_zipf(ko) >= KOREAN_COMMON_ZIPF


def termhood(ko: str, en: str, corpus_zipf: float = 0.0) -> float:
    """From 0 to 1: see the module docstring. ``corpus_zipf`` is how often the English occurs in
    the corpus mined, on the same Zipf scale (0: not known)."""
    if not is_generic(ko, en):
        return 1.0
    general = english_zipf(en)
    if not general:
        return 1.0
    keyness = corpus_zipf - general
    common = general - max(0.0, keyness - KEYNESS_FREE)
    return 1.0 / (1.0 + 10 ** (STEEPNESS * (common - COMMON_ZIPF)))

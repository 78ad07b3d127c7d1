"""Proposing glossary entries from aligned text: candidates → association → entries.

>>> from diglot.mine import line_pairs, propose   # doctest: +SKIP
>>> entries = propose(line_pairs(korean_text, english_text), glossary)   # doctest: +SKIP

Each proposal is an :class:`~diglot.glossary.Entry` with ``status: proposed`` and its evidence
(``score``, ``dice``, ``llr``, ``frequency`` and up to :data:`MAX_EXAMPLES` example bead pairs),
ready to be written as YAML (:func:`diglot.glossary.formats.yaml.dump_entries`) and reviewed.
Pairs whose Korean or English side is already a form in the glossary are left out, and so are
pairs the caller excludes (those rejected in an earlier review).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from diglot.glossary import Entry, Glossary, Matcher, Terms, unique_id
from diglot.glossary.match import search_key
from diglot.errors import InputError
from diglot.i18n import _, ngettext
from diglot.mine.associate import Association, associate, competitive_linking, prefer_longest, prefer_whole_names
from diglot.mine.candidates import english_candidates, korean_candidates
from diglot.mine.corpus import BeadText
from diglot.mine.entity_types import entity_type, is_title_with_holder, without_title
from diglot.mine.termhood import termhood
from diglot.provenance import Signature

MAX_EXAMPLES = 3
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .&-]*")
MAX_EXAMPLE_CHARS = 300
# Fewer aligned sentence pairs than this are too few to tell a term from chance: mining refuses.
# On the news dev data, the top 20 of 50 pairs are half junk, of 100 pairs a fifth, of 200 a sixth
# (benchmarks/mine_eval.py, docs/mining.md); the seed article alone is 25 pairs.
MIN_SENTENCE_PAIRS = 100


@dataclass
class CandidateTable:
    """The candidates of every bead (as key sets) and how each key is written most often."""

    beads: list[BeadText]
    ko: list[set[str]] = field(default_factory=list)
    en: list[set[str]] = field(default_factory=list)
    english_words: int = 0  # English tokens in all beads: the corpus size, for termhood
    ko_written: dict[str, Counter[str]] = field(default_factory=dict)
    en_written: dict[str, Counter[str]] = field(default_factory=dict)

    def written(self, key: str, lang: str) -> str:
        """The commonest way the candidate ``key`` is written; for English, the lower-case way if it
        is common enough (a quarter of the time, twice at least): a common noun is capitalised
        only at the start of a sentence or in a title (``Police said`` but ``the police``)."""
        counter = (self.ko_written if lang == "ko" else self.en_written)[key]
        if lang == "en":
            lower = [(n, form) for form, n in counter.items() if form.islower()]
            if lower and max(lower)[0] >= max(2, sum(counter.values()) / 4):
                return max(lower)[1]
        return counter.most_common(1)[0][0]

    def examples(self, ko: str, en: str, limit: int | None = MAX_EXAMPLES) -> list[int]:
        """Indices of the first ``limit`` beads holding both candidates (all with ``None``)."""
        return [i for i, (k, e) in enumerate(zip(self.ko, self.en)) if ko in k and en in e][:limit]

    def corpus_zipf(self, count: int) -> float:
        """A count of beads as a frequency in the corpus, on the Zipf scale of
        :mod:`diglot.mine.termhood` (log10 of occurrences a billion words)."""
        return math.log10(count / self.english_words * 1e9) if count and self.english_words else 0.0


def bead_candidates(beads: list[BeadText]) -> list[tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    """Each bead's Korean and English candidates as ``(key, written)`` pairs, in the order found
    (Korean in one batch through Kiwi)."""
    korean = korean_candidates([b.ko for b in beads])
    return [
        ([(c.key, c.text) for c in ko_found], [(c.key, c.text) for c in english_candidates(bead.en)])
        for bead, ko_found in zip(beads, korean)
    ]


def candidate_table(
    beads: list[BeadText], found: list[tuple[list[tuple[str, str]], list[tuple[str, str]]]] | None = None
) -> CandidateTable:
    """The candidate table of ``beads``; ``found``: their candidates as :func:`bead_candidates`
    gives them, if they were extracted already (by the shards of a sharded run)."""
    table = CandidateTable(beads)
    for bead, (ko_found, en_found) in zip(beads, bead_candidates(beads) if found is None else found):
        table.ko.append({key for key, _text in ko_found})
        for key, text in ko_found:
            table.ko_written.setdefault(key, Counter())[text] += 1
        table.english_words += len(bead.en.split())
        table.en.append({key for key, _text in en_found})
        for key, text in en_found:
            table.en_written.setdefault(key, Counter())[text] += 1
    return table


def term_pairs(table: CandidateTable, min_count: int = 2) -> list[Association]:
    """The one-to-one term pairs of a candidate table, best associated first."""
    associations = associate(zip(table.ko, table.en), min_count=min_count)
    return competitive_linking(prefer_whole_names(prefer_longest(associations)))


@dataclass(frozen=True)
class RankedPair:
    """A linked pair with its written forms and its ranking score: association × termhood."""

    pair: Association
    ko: str
    en: str
    termhood: float

    @property
    def score(self) -> float:
        return self.pair.score * self.termhood


def ranked_pairs(table: CandidateTable, min_count: int = 2) -> list[RankedPair]:
    """The term pairs ranked for a glossary: pairs are linked by how well they go together
    (:func:`term_pairs`), then ranked by that score times their termhood
    (:func:`diglot.mine.termhood.termhood`), so everyday words fall below names and terms."""
    ranked = []
    for pair in term_pairs(table, min_count):
        ko, en = table.written(pair.ko, "ko"), table.written(pair.en, "en")
        ranked.append(RankedPair(pair, ko, en, termhood(ko, en, table.corpus_zipf(pair.en_count))))
    ranked.sort(key=lambda r: -r.score)
    return ranked


@dataclass(frozen=True)
class Miner:
    """Proposes glossary entries from aligned text, with the settings that shape its output.

    ``glossary``: its terms are left out (they are known); ``min_count``: a pair must be seen
    together in that many beads; ``min_pairs``: fewer beads than that raise
    :class:`~diglot.errors.InputError` (too little text to tell terms from chance).
    """

    glossary: Glossary | None = None
    min_count: int = 2
    min_pairs: int = MIN_SENTENCE_PAIRS

    def signature(self, **input_settings: object) -> Signature:
        """The provenance of this miner's proposals; ``input_settings`` say how the input was read."""
        known = self.glossary is not None and len(self.glossary)
        return Signature.make(
            glossary=self.glossary.fingerprint if known else "none",  # type: ignore[union-attr]
            task="mine", min_count=self.min_count, min_pairs=self.min_pairs, **input_settings,
        )  # fmt: skip

    def propose(
        self,
        beads: list[BeadText],
        *,
        limit: int | None = None,
        exclude: Iterable[tuple[str, str]] = (),
        source: str = "",
        table: CandidateTable | None = None,
    ) -> list[Entry]:
        """Proposed entries for the term pairs found in ``beads``, best first, each with its guessed
        type (:func:`diglot.mine.entity_types.entity_type`). ``exclude`` holds ``(Korean,
        English)`` forms not to propose again (compared by search key, case-insensitively);
        ``source`` is written as each entry's ``source`` (which corpus); ``table``: the beads'
        :func:`candidate_table`, if it was built already."""
        if len(beads) < self.min_pairs:
            raise InputError(
                ngettext(
                    "only {count} aligned sentence pair: mining needs at least {needed} to tell terms from chance "
                    "(give more text, or lower --min-pairs)",
                    "only {count} aligned sentence pairs: mining needs at least {needed} to tell terms from chance "
                    "(give more text, or lower --min-pairs)",
                    len(beads),
                ).format(count=len(beads), needed=self.min_pairs)
            )
        glossary = self.glossary
        table = candidate_table(beads) if table is None else table
        matcher = Matcher(glossary) if glossary is not None and len(glossary) else None
        excluded = {(search_key(ko), search_key(en).lower()) for ko, en in exclude}
        taken_ids = {entry.id for entry in glossary} if glossary is not None else set()
        out: list[Entry] = []
        pairs = ranked_pairs(table, self.min_count)
        korean = {r.pair.ko for r in pairs}
        for ranked in pairs:
            pair, ko, en = ranked.pair, ranked.ko, ranked.en
            if without_title(ko) in korean:
                continue  # 이명박 대통령 ↔ President Lee Myung-bak: the name is proposed on its own
            if (search_key(ko), search_key(en).lower()) in excluded:
                continue
            if matcher and (_is_glossary_form(matcher, ko, "ko") or _is_glossary_form(matcher, en, "en")):
                continue
            if is_title_with_holder(ko, en, pair.sound_likeness > 0) or _latin_unlike(ko, en):
                continue
            entry_id = unique_id(_slug(en) or _slug(pair.ko) or "term", taken_ids)
            taken_ids.add(entry_id)
            holding = [table.beads[i] for i in table.examples(pair.ko, pair.en, limit=None)]
            out.append(
                Entry(
                    id=entry_id,
                    type=entity_type(ko, en, [(b.ko, b.en) for b in holding], pair.sound_likeness > 0),
                    status="proposed",
                    source=source,
                    langs={"ko": Terms(preferred=ko), "en": Terms(preferred=en)},
                    evidence=_evidence(ranked, holding[:MAX_EXAMPLES]),
                )
            )
            if limit is not None and len(out) >= limit:
                break
        return out


def propose(
    beads: list[BeadText],
    glossary: Glossary | None = None,
    *,
    min_count: int = 2,
    min_pairs: int = MIN_SENTENCE_PAIRS,
    limit: int | None = None,
    exclude: Iterable[tuple[str, str]] = (),
    source: str = "",
) -> list[Entry]:
    """``Miner(glossary, min_count, min_pairs).propose(beads, …)``: see :class:`Miner`."""
    return Miner(glossary, min_count, min_pairs).propose(beads, limit=limit, exclude=exclude, source=source)


def _latin_unlike(ko: str, en: str) -> bool:
    """Latin script on the Korean side (Korean news writes NYMEX, FDA, CEO as they are) paired
    with an English that neither holds it nor has initials inside it: ``NYMEX`` ↔ *oil*, ``MS`` ↔
    *Icahn* are neighbours, not translations; ``CEO`` ↔ *chief executive* stays."""
    if not _LATIN.fullmatch(ko):
        return False
    latin, english = ko.lower().replace(".", ""), en.lower().replace(".", "")
    initials = "".join(word[0] for word in english.split() if word[0].isalnum())
    return latin not in english and not (initials and initials in latin)


def _is_glossary_form(matcher: Matcher, text: str, lang: str) -> bool:
    """The whole of ``text`` is one mention of a glossary form."""
    return any(m.start == 0 and m.end == len(text) for m in matcher.find(text, lang))


def _evidence(ranked: RankedPair, examples: list[BeadText]) -> dict[str, object]:
    pair = ranked.pair
    return {
        "score": round(ranked.score, 3),
        "association": round(pair.score, 3),
        "termhood": round(ranked.termhood, 3),
        "dice": round(pair.dice, 3),
        "llr": round(pair.llr, 1),
        "frequency": pair.together,
        "ko_frequency": pair.ko_count,
        "en_frequency": pair.en_count,
        "examples": [{"ko": _clip(b.ko), "en": _clip(b.en), "where": b.where} for b in examples],
    }


def _clip(text: str) -> str:
    return text if len(text) <= MAX_EXAMPLE_CHARS else text[: MAX_EXAMPLE_CHARS - 1] + "…"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")

"""The pass driver: documents in, beads out, in passes that learn from the input.

:func:`align_documents` aligns several documents at once so that everything estimated from the
input (length ratio and variance, bead-type probabilities, anchor rates, the learned lexicon)
is estimated on all of them together (up to ``CHUNK`` of them). It works in passes, as hunalign does:

1. align with lengths, the fixed anchors (numbers, Latin words, names, glossary, MT) and the
   seed lexicon (:mod:`diglot.align.seed`);
2. re-estimate the parameters on that alignment and learn a lexicon from its beads (the pairs
   the seed lacks: the seed's anchors, like the other fixed ones, are looked up once);
3. align again with everything; steps 2–3 are repeated ``passes - 1`` times (two passes in
   all by default: a third one drifts, measured on the dev documents).

How documents are grouped, windowed and banded is :mod:`diglot.align.search`'s work; a batch
of more than ``CHUNK`` documents is aligned chunk by chunk.

Documents are given as lists of *content* sentences (boilerplate already set aside), Korean
first; the public API in :mod:`diglot.align` handles boilerplate, orientation and indices.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

import numpy as np

from diglot.align.anchors import KINDS, features
from diglot.align.hits import Document, prepare
from diglot.align.lexicon import Lexicon
from diglot.align.model import THREE_TYPES, Params, estimate, sentence_rates, start_params
from diglot.align.search import REACH, ScoredBead, align_blocks, align_one, groups, whole
from diglot.align.seed import seed_lexicon
from diglot.errors import DiglotError
from diglot.i18n import _

Translate = Callable[[list[str]], list[str]]
Progress = Callable[[int, int], None]

CHUNK = 500  # documents learned from together; a larger batch is aligned chunk by chunk


def align_documents(
    documents: Sequence[tuple[Sequence[str], Sequence[str]]],
    *,
    matcher=None,
    translate: Translate | None = None,
    passes: int = 2,
    seed: Lexicon | None = None,
    progress: Progress | None = None,
) -> list[list[ScoredBead]]:
    """Align each ``(korean_sentences, english_sentences)``; beads hold indices into each list.

    ``seed`` is the lexicon to start from (default: :func:`diglot.align.seed.seed_lexicon`;
    ``Lexicon()`` for none); what is learned from the input is added to it. ``progress`` is
    called with (steps done, steps in all) as documents are read and aligned in each pass.
    A batch of more than ``CHUNK`` documents is aligned ``CHUNK`` at a time, each chunk
    learning from itself, so memory stays bounded however large the batch.

    A bead's score is minus its cost (a log-probability): higher is surer; null beads score
    minus the cost of leaving a sentence out.
    """
    seed = seed_lexicon() if seed is None else seed
    passes = max(1, passes)
    steps = len(documents) * (1 + passes)
    results: list[list[ScoredBead]] = []
    for start in range(0, len(documents), CHUNK):
        report = _chunk_progress(progress, start * (1 + passes), steps)
        results += _align_documents(documents[start : start + CHUNK], matcher, translate, passes, seed, report)
    return results


def _chunk_progress(progress: Progress | None, before: int, steps: int) -> Progress:
    """How one chunk reports to ``progress``: its steps come after ``before`` of ``steps`` in all."""
    if progress is None:
        return lambda done, total: None
    return lambda done, _total: progress(before + done, steps)


def _align_documents(documents, matcher, translate, passes, seed: Lexicon, progress: Progress) -> list[list[ScoredBead]]:
    steps, done = len(documents) * (1 + passes), 0
    docs = []
    for ko, en in documents:
        docs.append(Document(features(list(ko), "ko", matcher), features(list(en), "en", matcher)))
        done += 1
        progress(done, steps)
    if translate is not None:
        _translate_all(docs, [list(ko) for ko, _ in documents], translate)
    params = start_params([f.length for d in docs for f in d.ko], [f.length for d in docs for f in d.en])
    three = {(3, 1): any(f.sentences >= 3 for d in docs for f in d.ko),
             (1, 3): any(f.sentences >= 3 for d in docs for f in d.en)}  # fmt: skip
    params = replace(params, types=params.types + tuple(t for t in THREE_TYPES if three[t]))
    lexicon = Lexicon()  # what is learned from the input, beyond the seed
    results: list[list[ScoredBead]] = []
    for number in range(passes):
        for doc in docs:
            prepare(doc, seed, lexicon, None if whole(len(doc.ko), len(doc.en)) else REACH)
        results = [[] for _ in docs]
        for group in groups(docs):
            members = [docs[d] for d in group]
            aligned = align_blocks(members, params) if len(members) > 1 else [align_one(members[0], params)]
            for d, beads in zip(group, aligned):
                results[d] = beads
                done += 1
                progress(done, steps)
        if number + 1 < passes:
            params = _reestimate(docs, results, params)
            bead_stems = (
                (frozenset().union(*(doc.ko[i].stems for i in k)), frozenset().union(*(doc.en[j].stems for j in e)))
                for doc, beads in zip(docs, results)
                for k, e, _ in beads
                if k and e
            )
            lexicon = Lexicon.learn(bead_stems, beyond=seed)  # what the input adds to the seed
    return results


def _translate_all(docs: list[Document], korean: list[list[str]], translate: Translate) -> None:
    flat = [s for sentences in korean for s in sentences]
    out = list(translate(flat)) if flat else []
    if len(out) != len(flat):
        raise DiglotError(
            _("the translation model returned {got} sentences for {asked}").format(got=len(out), asked=len(flat))
        )
    start = 0
    for doc, sentences in zip(docs, korean):
        doc.translations = out[start : start + len(sentences)]
        start += len(sentences)


def _reestimate(docs: list[Document], results: list[list[ScoredBead]], params: Params) -> Params:
    """New parameters from this pass's beads (see :func:`diglot.align.model.estimate`)."""
    found_hits, found_units = np.zeros(len(KINDS)), np.zeros(len(KINDS))
    chance_hits, chance_units = np.zeros(len(KINDS)), np.zeros(len(KINDS))
    sentence_beads: list[tuple[int, int, bool]] = []
    ko_lengths, en_lengths, beads = [], [], []
    for doc, doc_beads in zip(docs, results):
        ko_offset, en_offset = len(ko_lengths), len(en_lengths)
        ko_lengths += [f.length for f in doc.ko]
        en_lengths += [f.length for f in doc.en]
        beads += [(tuple(i + ko_offset for i in k), tuple(j + en_offset for j in e)) for k, e, _ in doc_beads]
        ones = [(k[0], e[0]) for k, e, _ in doc_beads if len(k) == 1 and len(e) == 1]
        # Sentences two beads apart are not translations of each other, but share the topic.
        apart = [(i, j) for (i, _), (_, j) in zip(ones, ones[2:])] + [(i, j) for (_, j), (i, _) in zip(ones, ones[2:])]
        sentence_beads += [
            (len(k), len(e), sum(doc.ko[i].sentences for i in k) == sum(doc.en[j].sentences for j in e))
            for k, e, _ in doc_beads
            if k and e
        ]
        for pairs, hits, units in ((ones, found_hits, found_units), (apart, chance_hits, chance_units)):
            if not pairs:
                continue
            rows, cols = zip(*pairs)
            chosen = np.array(rows, dtype=np.int64) * len(doc.en) + np.array(cols, dtype=np.int64)
            for side, sentences in ((doc.ko_hits, rows), (doc.en_hits, cols)):
                i, j, k = side.hits
                hits += np.bincount(k[np.isin(i.astype(np.int64) * len(doc.en) + j, chosen)], minlength=len(KINDS)) if len(k) else 0
                units += side.totals[list(sentences)].sum(0)
    as_counts = lambda hits, units: {kind: (int(hits[n]), int(units[n])) for n, kind in enumerate(KINDS)}  # noqa: E731
    params = estimate(
        params, beads, ko_lengths, en_lengths, as_counts(found_hits, found_units), as_counts(chance_hits, chance_units)
    )
    ko_counts = [f.sentences for doc in docs for f in doc.ko]
    en_counts = [f.sentences for doc in docs for f in doc.en]
    return replace(params, sentence_rates=sentence_rates(ko_counts, en_counts, sentence_beads))

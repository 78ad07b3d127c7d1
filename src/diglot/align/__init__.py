"""Sentence alignment of Korean and English versions of a document.

>>> from diglot.align import align_texts
>>> doc = align_texts(korean_text, english_text, "ko", "en")            # doctest: +SKIP
>>> for bead in doc.beads: print(doc.bead_text(bead))                    # doctest: +SKIP

:func:`align` takes segment lists (from :func:`diglot.segment.segment`), :func:`align_texts`
segments and aligns. Either language may come first (``src_lang``); beads index the lists as
given. Boilerplate segments are never aligned: each sits alone in a null bead, in order, so the
beads cover every segment of both sides exactly once, each bead a run of neighbouring segments
(boilerplate that falls between the sentences of one bead rides in it).

The aligner (dynamic programming over 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1 and 1-3 beads, banded)
scores a bead by its lengths, by anchors that survive translation (numbers with Korean units,
Latin-script words, glossary terms, names compared through romanisation), by a lexicon it learns
from the input, and optionally by a machine translation (``translate``); see ``docs/align.md``.
"""

from __future__ import annotations

from typing import Sequence

from diglot.align.passes import Progress, Translate, align_documents
from diglot.align.search import ScoredBead
from diglot.doc import AlignedDocument, Bead, Segment
from diglot.errors import DiglotError
from diglot.i18n import _
from diglot.segment import LANGS, segment

__all__ = ["align", "align_many", "align_texts", "Bead", "AlignedDocument"]


def _orient(src_lang: str, tgt_lang: str) -> bool:
    """True if the source is Korean; refuse any pair other than Korean–English."""
    if {src_lang, tgt_lang} != set(LANGS):
        raise DiglotError(
            _("cannot align {src} with {tgt}: diglot aligns Korean with English").format(src=src_lang, tgt=tgt_lang)
        )
    return src_lang == "ko"


def align_many(
    pairs: Sequence[tuple[Sequence[Segment], Sequence[Segment]]],
    src_lang: str = "ko",
    tgt_lang: str = "en",
    *,
    matcher=None,
    translate: Translate | None = None,
    progress: Progress | None = None,
) -> list[list[Bead]]:
    """Align several documents together, so that what is learned from the input is learned from all.

    Each pair is ``(source segments, target segments)``. ``translate`` maps a list of Korean
    sentences to their English machine translations (whatever the direction of the pair);
    ``progress(done, total)`` is told how the work goes.
    """
    korean_first = _orient(src_lang, tgt_lang)
    documents, layouts = [], []
    for src, tgt in pairs:
        ko, en = (src, tgt) if korean_first else (tgt, src)
        ko_index = [i for i, s in enumerate(ko) if not s.boilerplate and s.text.strip()]
        en_index = [j for j, s in enumerate(en) if not s.boilerplate and s.text.strip()]
        documents.append(([ko[i].text for i in ko_index], [en[j].text for j in en_index]))
        layouts.append((ko_index, en_index, len(ko), len(en)))
    raw = align_documents(documents, matcher=matcher, translate=translate, progress=progress)
    out = []
    for (ko_index, en_index, n_ko, n_en), beads in zip(layouts, raw):
        full = _with_boilerplate(beads, ko_index, en_index, n_ko, n_en)
        out.append([Bead(k, e, score) if korean_first else Bead(e, k, score) for k, e, score in full])
    return out


def align(
    src: Sequence[Segment],
    tgt: Sequence[Segment],
    src_lang: str = "ko",
    tgt_lang: str = "en",
    *,
    matcher=None,
    translate: Translate | None = None,
) -> list[Bead]:
    """Align two segment lists; the beads cover every segment of both, in order."""
    return align_many([(src, tgt)], src_lang, tgt_lang, matcher=matcher, translate=translate)[0]


def align_texts(
    text_a: str,
    text_b: str,
    src_lang: str = "ko",
    tgt_lang: str = "en",
    *,
    matcher=None,
    translate: Translate | None = None,
    doc_id: str = "",
) -> AlignedDocument:
    """Segment two texts (:func:`diglot.segment.segment`) and align them."""
    _orient(src_lang, tgt_lang)
    src, tgt = segment(text_a, src_lang), segment(text_b, tgt_lang)
    beads = align(src, tgt, src_lang, tgt_lang, matcher=matcher, translate=translate)
    return AlignedDocument(doc_id, src_lang, tgt_lang, src, tgt, beads)


def _with_boilerplate(
    beads: list[ScoredBead], ko_index: list[int], en_index: list[int], n_ko: int, n_en: int
) -> list[ScoredBead]:
    """Map content beads back to segment indices and put each left-out segment in a null bead, in order.

    A left-out segment between two sentences of one bead (a stray line inside a merged
    translation) joins that bead instead, so that every bead is a run of neighbouring segments.
    """
    spans = lambda ids: tuple(range(ids[0], ids[-1] + 1)) if ids else ()  # noqa: E731
    mapped = [(spans([ko_index[i] for i in k]), spans([en_index[j] for j in e]), score) for k, e, score in beads]
    ko_rest = sorted(set(range(n_ko)) - {i for k, _, _ in mapped for i in k}, reverse=True)
    en_rest = sorted(set(range(n_en)) - {j for _, e, _ in mapped for j in e}, reverse=True)
    out: list[ScoredBead] = []
    for k, e, score in mapped:
        while k and ko_rest and ko_rest[-1] < k[0]:
            out.append(((ko_rest.pop(),), (), 0.0))
        while e and en_rest and en_rest[-1] < e[0]:
            out.append(((), (en_rest.pop(),), 0.0))
        out.append((k, e, score))
    out += [((i,), (), 0.0) for i in reversed(ko_rest)] + [((), (j,), 0.0) for j in reversed(en_rest)]
    return out

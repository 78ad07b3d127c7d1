"""Bilingual input for mining: aligned Korean–English text pairs, from files or JSON lines.

Three kinds of input give a list of :class:`BeadText` (one aligned pair of text each):

* pairs of line-parallel files (``--presplit``): line *i* of one is the translation of line *i*
  of the other; no aligner is needed;
* pairs of plain documents: each side is segmented into sentences and the two aligned with
  :func:`diglot.align.align_many`;
* a JSON-lines file of documents, ``{"id", "ko": [lines], "en": [lines]}``, one a line: the lines
  of each document are aligned (documents often merge, drop or add lines).

Beads with one side empty (a sentence left untranslated, page noise) are left out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from diglot.doc import Segment
from diglot.errors import InputError
from diglot.i18n import _
from diglot.languages import pair_languages
from diglot.segment import segment_lines
from diglot.textio import read_text


@dataclass(frozen=True)
class BeadText:
    """One aligned pair: Korean text and its English translation, and where it comes from."""

    ko: str
    en: str
    where: str  # "FILE:LINE" for line pairs, "DOC#BEAD" for aligned documents (both counted from 1)


def read_file_pairs(paths: Sequence[str | os.PathLike[str]], presplit: bool, matcher=None) -> list[BeadText]:  # type: ignore[no-untyped-def]
    """Read ``KO_FILE EN_FILE …`` (either order within a pair: the script decides) as beads."""
    if not paths or len(paths) % 2:
        raise InputError(_("give the files in pairs: KO_FILE EN_FILE [KO_FILE EN_FILE …]"))
    beads: list[BeadText] = []
    documents = []
    for first, second in zip(paths[::2], paths[1::2]):
        ko_path, en_path, ko_text, en_text = _korean_first(first, second)
        if presplit:
            beads.extend(line_pairs(ko_text, en_text, Path(ko_path).name, Path(en_path).name))
        else:
            documents.append((Path(ko_path).name, ko_text, en_text))
    if documents:
        from diglot.segment import segment

        beads.extend(
            aligned_pairs([(name, segment(ko, "ko"), segment(en, "en")) for name, ko, en in documents], matcher)
        )
    return beads


def _korean_first(a: str | os.PathLike[str], b: str | os.PathLike[str]):  # type: ignore[no-untyped-def]
    """``(Korean path, English path, Korean text, English text)`` of a pair given in either order."""
    text_a, text_b = read_text(a), read_text(b)
    lang_a, _lang_b = pair_languages(text_a, text_b, (str(a), str(b)))
    return (a, b, text_a, text_b) if lang_a == "ko" else (b, a, text_b, text_a)


def line_pairs(ko_text: str, en_text: str, ko_name: str = "ko", en_name: str = "en") -> list[BeadText]:
    """Line *i* ↔ line *i* of two line-parallel texts; empty lines on either side are skipped."""
    ko_lines, en_lines = segment_lines(ko_text, "ko"), segment_lines(en_text, "en")
    if len(ko_lines) != len(en_lines):
        raise InputError(
            _("{ko} has {n} lines but {en} has {m}: line-parallel files (--presplit) must have as many; "
              "leave out --presplit to align them").format(ko=ko_name, n=len(ko_lines), en=en_name, m=len(en_lines))
        )  # fmt: skip
    return [
        BeadText(ko.text, en.text, f"{ko_name}:{ko.paragraph + 1}")
        for ko, en in zip(ko_lines, en_lines)
        if ko.text and en.text
    ]


def read_jsonl(path: str | os.PathLike[str], matcher=None) -> list[BeadText]:  # type: ignore[no-untyped-def]
    """Documents ``{"id", "ko": [lines], "en": [lines]}``, one a line, each aligned line by line."""
    from diglot.align.batch import read_batch

    documents = read_batch(path)
    if not documents:
        raise InputError(_("{name} holds no documents").format(name=path))
    return batch_pairs(documents, matcher)


def batch_pairs(documents, matcher=None) -> list[BeadText]:  # type: ignore[no-untyped-def]
    """The beads of batch documents (:class:`diglot.align.batch.BatchDocument`: one shard of a
    sharded run, or a whole file), each aligned line by line, all together."""
    return aligned_pairs(
        [(str(doc.id), segment_lines(doc.ko, "ko"), segment_lines(doc.en, "en")) for doc in documents], matcher
    )


def aligned_pairs(documents: list[tuple[str, list[Segment], list[Segment]]], matcher=None) -> list[BeadText]:  # type: ignore[no-untyped-def]
    """Align each ``(name, Korean segments, English segments)`` document; all are aligned together,
    so the aligner learns its lexicon from the whole input."""
    from diglot.align import align_many

    results = align_many([(ko, en) for _name, ko, en in documents], "ko", "en", matcher=matcher)
    out = []
    for (name, ko, en), beads in zip(documents, results):
        for number, bead in enumerate(beads, 1):  # 1-based, as everywhere in diglot
            if bead.src and bead.tgt:
                out.append(
                    BeadText(" ".join(ko[i].text for i in bead.src), " ".join(en[j].text for j in bead.tgt), f"{name}#{number}")
                )
    return out

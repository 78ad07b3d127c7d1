"""Sentence segmentation of Korean and English news text, with page noise kept apart.

>>> from diglot.segment import segment
>>> [(s.text, s.paragraph, s.boilerplate) for s in segment("The U.S. said so. He left.\\n\\n(Yonhap News)", "en")]
[('The U.S. said so.', 0, False), ('He left.', 0, False), ('(Yonhap News)', 1, True)]

Paragraphs are blocks separated by blank lines; a text without blank lines has one paragraph a
line. Inside a block, lines are joined (hard-wrapped text), except boilerplate lines, which stay
whole. Korean is split by kiwipiepy (loaded lazily), English by pysbd.
"""

from __future__ import annotations

import re

from diglot.doc import Segment
from diglot.languages import LANGS, LANGUAGE_NAMES, check_language, script_of
from diglot.segment.boilerplate import is_boilerplate
from diglot.segment.english import split_english
from diglot.segment.korean import split_korean
from diglot.textio import normalize

__all__ = [
    "LANGS", "LANGUAGE_NAMES", "Segment", "is_boilerplate", "paragraphs", "segment", "segment_lines", "split_sentences",
]  # fmt: skip

_BLANK_LINE = re.compile(r"\n[ \t\u00a0\u3000]*\n")


def paragraphs(text: str) -> list[list[str]]:
    """The paragraphs of ``text``, each a list of its non-empty lines (stripped)."""
    text = normalize(text)
    blocks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    out = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines:
            out.append(lines)
    return out


def split_sentences(paragraph: str, lang: str) -> list[str]:
    """The sentences of one paragraph of ``lang`` text (no boilerplate detection)."""
    check_language(lang)
    return split_korean(paragraph) if lang == "ko" else split_english(paragraph)


def segment(text: str, lang: str | None = None) -> list[Segment]:
    """Split ``text`` into sentences, keeping paragraphs and marking page noise.

    ``lang`` is ``"ko"`` or ``"en"``; ``None`` guesses it from the script. Boilerplate lines
    (mastheads, bylines, datelines, agency credits, copyright, a stray line in the other
    script) become one segment each with ``boilerplate=True``.
    """
    text = normalize(text)
    lang = lang or script_of(text)
    check_language(lang)
    segments: list[Segment] = []
    for number, lines in enumerate(paragraphs(text)):
        pending: list[str] = []

        def flush() -> None:
            if pending:
                for sentence in split_sentences(" ".join(pending), lang):
                    segments.append(Segment(sentence, number, is_boilerplate(sentence, lang)))
                pending.clear()

        for line in lines:
            if is_boilerplate(line, lang):
                flush()
                segments.append(Segment(line, number, True))
            else:
                pending.append(line)
        flush()
    return segments


def segment_lines(text: str, lang: str | None = None) -> list[Segment]:
    """One segment per line, for text already split into sentences (``--presplit``).

    Every line is kept, empty ones too, so segment indices are line numbers (from 0). Empty
    lines and page noise are marked as boilerplate. Each line is its own paragraph.
    """
    text = normalize(text)
    lang = lang or script_of(text)
    check_language(lang)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final line end
    return [Segment(line.strip(), i, is_boilerplate(line, lang)) for i, line in enumerate(lines)]

"""Sentence segmentation of Korean and English news text, with page noise kept apart.

>>> from diglot.segment import segment
>>> [(s.text, s.paragraph, s.boilerplate) for s in segment("The U.S. said so. He left.\\n\\n(Yonhap News)", "en")]
[('The U.S. said so.', 0, False), ('He left.', 0, False), ('(Yonhap News)', 1, True)]
>>> [(s.start, s.end) for s in segment("The U.S. said so. He left.\\n\\n(Yonhap News)", "en")]
[(0, 17), (18, 26), (28, 41)]

Two ways in, one kind of result (:class:`~diglot.doc.Segment`, with its offsets into the
normalised text):

* :func:`segment` splits running text. Paragraphs are blocks separated by blank lines; a text
  without blank lines has one paragraph a line. Inside a block, lines are joined (hard-wrapped
  text), except boilerplate lines, which stay whole. Korean is split by kiwipiepy (loaded
  lazily), English by pysbd.
* :func:`segment_lines` takes text already split into sentences, one a line (``--presplit``,
  line-parallel files, the lines of a JSON-lines document): one segment a line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Sequence

from diglot.doc import Segment
from diglot.languages import LANGS, LANGUAGE_NAMES, check_language, script_of
from diglot.segment.boilerplate import is_boilerplate
from diglot.segment.english import split_english
from diglot.segment.korean import split_korean, warm_up
from diglot.textio import normalize

__all__ = [
    "LANGS", "LANGUAGE_NAMES", "Segment", "is_boilerplate", "paragraphs", "segment", "segment_lines", "split_sentences",
    "warm_up",
]  # fmt: skip

_BLANK_LINE = re.compile(r"\n[ \t\u00a0\u3000]*\n")

Span = tuple[int, int]


def _stripped_lines(text: str, start: int, end: int) -> list[Span]:
    """The spans of the lines of ``text[start:end]``, each without its surrounding white space; blank lines left out."""
    spans = []
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            first = start + len(line) - len(line.lstrip())
            spans.append((first, first + len(stripped)))
        start += len(line) + 1
    return spans


def _paragraph_spans(text: str) -> list[list[Span]]:
    """The paragraphs of ``text`` (normalised), each the spans of its non-empty lines."""
    if not _BLANK_LINE.search(text):
        return [[span] for span in _stripped_lines(text, 0, len(text))]
    out, start = [], 0
    for blank in [*_BLANK_LINE.finditer(text), None]:
        end = blank.start() if blank else len(text)
        lines = _stripped_lines(text, start, end)
        if lines:
            out.append(lines)
        start = blank.end() if blank else end
    return out


def paragraphs(text: str) -> list[list[str]]:
    """The paragraphs of ``text``, each a list of its non-empty lines (stripped)."""
    text = normalize(text)
    return [[text[a:b] for a, b in lines] for lines in _paragraph_spans(text)]


def split_sentences(paragraph: str, lang: str) -> list[str]:
    """The sentences of one paragraph of ``lang`` text (no boilerplate detection)."""
    check_language(lang)
    return split_korean(paragraph) if lang == "ko" else split_english(paragraph)


def segment(text: str, lang: str | None = None) -> list[Segment]:
    """Split ``text`` into sentences, keeping paragraphs and marking page noise.

    ``lang`` is ``"ko"`` or ``"en"``; ``None`` guesses it from the script. Boilerplate lines
    (mastheads, bylines, datelines, agency credits, copyright, a stray line in the other
    script) become one segment each with ``boilerplate=True``. Offsets are into
    ``normalize(text)``, which is ``text`` itself for what :func:`diglot.textio.read_text` returns.
    """
    text = normalize(text)
    lang = check_language(lang or script_of(text))
    segments: list[Segment] = []
    for number, lines in enumerate(_paragraph_spans(text)):
        pending: list[Span] = []
        for start, end in lines:
            if is_boilerplate(text[start:end], lang):
                segments += _sentences(text, pending, number, lang)
                pending = []
                segments.append(Segment(text[start:end], number, True, start, end))
            else:
                pending.append((start, end))
        segments += _sentences(text, pending, number, lang)
    return segments


def _sentences(text: str, lines: list[Span], paragraph: int, lang: str) -> list[Segment]:
    """The sentences of consecutive lines of one paragraph, joined with a space (hard-wrapped text)."""
    if not lines:
        return []
    joined = " ".join(text[a:b] for a, b in lines)
    line_starts = []  # where each line begins in ``joined``
    position = 0
    for a, b in lines:
        line_starts.append(position)
        position += b - a + 1

    def in_text(offset: int) -> int:
        k = bisect_right(line_starts, offset) - 1
        return lines[k][0] + offset - line_starts[k]

    out, cursor = [], 0
    for sentence in split_sentences(joined, lang):
        # The splitters return pieces of ``joined`` in order, stripped.
        first = joined.index(sentence, cursor)
        cursor = first + len(sentence)
        start, end = in_text(first), in_text(cursor - 1) + 1
        out.append(Segment(sentence, paragraph, is_boilerplate(sentence, lang), start, end))
    return out


def segment_lines(text: str | Sequence[str], lang: str | None = None) -> list[Segment]:
    """One segment per line, for text already split into sentences (``--presplit``).

    ``text`` is the whole text (a final line end does not make an extra line) or its lines (the
    lines of a JSON-lines document), normalised here; offsets are into the lines joined by line
    ends. Every line is kept, empty ones too, so segment indices are line numbers (from 0), and
    each line is its own paragraph. A segment is its line without surrounding white space
    (``text`` is ``document[start:end]`` exactly); empty lines and page noise are marked as
    boilerplate.
    """
    if isinstance(text, str):
        lines = normalize(text).split("\n")
        if lines and lines[-1] == "":
            lines.pop()  # the final line end
    else:
        lines = [normalize(line) for line in text]
    lang = check_language(lang or script_of("\n".join(lines)))
    segments, line_start = [], 0
    for number, line in enumerate(lines):
        stripped = line.strip()
        start = line_start + len(line) - len(line.lstrip()) if stripped else line_start
        segments.append(Segment(stripped, number, is_boilerplate(stripped, lang), start, start + len(stripped)))
        line_start += len(line) + 1
    return segments

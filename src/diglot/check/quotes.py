"""Direct quotations: where quoted speech starts and ends in a line of text.

``--fix`` leaves quoted speech as written (a speaker's words are not house style), and a finding
inside a quotation says so. Straight quotes pair up in order (``"…"``); curly quotes open and close
(``“…”``, ``‘…’`` only around more than one word, since ``’`` is also an apostrophe); the TeX-style
````…''```` of some news feeds too. A quotation left open is not one: page text often loses its
closing mark, and everything after it is not speech.
"""

from __future__ import annotations

import re

_QUOTES = re.compile(r"“[^“”]*”|``.*?''|\"[^\"]*\"|‘[^‘’]*\s[^‘’]*’")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` inside quotation marks, the marks included."""
    return [m.span() for m in _QUOTES.finditer(text)]


def in_quotation(text: str, offset: int) -> bool:
    """Whether ``text[offset]`` lies inside a direct quotation."""
    return any(start < offset < end for start, end in quotation_spans(text))

"""Translating marked-up text: HTML text nodes and Markdown lines, the markup kept whole.

HTML is read with the standard library's forgiving parser and written back from what it
parsed, never from the input's raw bytes: tags are rebuilt with their attributes quoted and
escaped, text nodes are escaped, end tags are written only where the input had them. So the
output's markup is well formed whatever the input held, and only text is translated (not
``script``, ``style``, ``code`` or ``pre``, nor attribute values).

Markdown is translated line by line, keeping each line's block marker (``#``, ``>``, ``-``,
``1.``) and leaving fenced code blocks and blank lines as they are.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Awaitable, Callable

Translate = Callable[[list[str]], Awaitable[list[str]]]

UNTRANSLATED = {"script", "style", "code", "pre", "textarea", "kbd", "samp", "var"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _start_tag(tag: str, attrs: list[tuple[str, str | None]], closed: bool = False) -> str:
    parts = [tag]
    for name, value in attrs:
        if not re.fullmatch(r"[^\s\"'>/=\x00-\x1f]+", name):
            continue  # a name that cannot be written back safely is dropped
        parts.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
    return "<" + " ".join(parts) + (" />" if closed else ">")


class _Pieces(HTMLParser):
    """The document as a list of pieces: markup strings and text nodes (marked by index)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str | int] = []  # str: markup written as is; int: index into texts
        self.texts: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.pieces.append(_start_tag(tag, attrs))
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.pieces.append(_start_tag(tag, attrs, closed=True))

    def handle_endtag(self, tag):
        if tag in self.open:  # an end tag nobody opened is dropped
            while self.open:
                inner = self.open.pop()
                self.pieces.append(f"</{inner}>")
                if inner == tag:
                    break

    def handle_data(self, data):
        if not data.strip() or any(tag in UNTRANSLATED for tag in self.open):
            self.pieces.append(html.escape(data, quote=False))
        else:
            self.pieces.append(len(self.texts))
            self.texts.append(data)

    def handle_comment(self, data):
        self.pieces.append(f"<!--{data.replace('--', '- -')}-->")

    def handle_decl(self, decl):
        self.pieces.append(f"<!{html.escape(decl, quote=False)}>")

    def close(self):
        super().close()
        while self.open:  # close what the input left open
            self.pieces.append(f"</{self.open.pop()}>")


def text_of(markup: str) -> str:
    """The translatable text of an HTML fragment (for telling its language), nodes joined."""
    parser = _Pieces()
    parser.feed(markup)
    parser.close()
    return " ".join(parser.texts)


def _keep_space(original: str, translated: str) -> str:
    """The translation with the original's leading and trailing white space."""
    lead = original[: len(original) - len(original.lstrip())]
    trail = original[len(original.rstrip()) :]
    return lead + translated.strip() + trail


async def translate_html(text: str, translate: Translate) -> str:
    """``text`` with every text node translated by ``translate`` (all in one call)."""
    parser = _Pieces()
    parser.feed(text)
    parser.close()
    translated = await translate([t.strip() for t in parser.texts]) if parser.texts else []
    out = []
    for piece in parser.pieces:
        if isinstance(piece, int):
            out.append(html.escape(_keep_space(parser.texts[piece], translated[piece]), quote=False))
        else:
            out.append(piece)
    return "".join(out)


_MARKER = re.compile(r"^(\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)*)(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")


async def translate_markdown(text: str, translate: Translate) -> str:
    """``text`` with each prose line translated, block markers and code blocks kept."""
    lines = text.split("\n")
    jobs: list[tuple[int, str]] = []  # (line index, marker)
    prose: list[str] = []
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or not line.strip():
            continue
        marker, body = _MARKER.match(line).groups()
        if body.strip():
            jobs.append((index, marker))
            prose.append(body)
    translated = await translate(prose) if prose else []
    for (index, marker), body in zip(jobs, translated):
        lines[index] = marker + body.strip()
    return "\n".join(lines)

"""Translating marked-up text: HTML sentence by sentence across inline tags, and Markdown lines.

HTML is read with the standard library's forgiving parser and written back from what it
parsed, never from the input's raw bytes: tags are rebuilt with their attributes quoted and
escaped, text is escaped, end tags are written only where the input had them. So the output's
markup is well formed whatever the input held.

What is translated, and as what:

* a block's **inline run** (its text with the inline elements inside it: ``b``, ``i``, ``a``,
  ``span``, … see :data:`INLINE`) is one text, so ``<p>He met <b>탈북자</b> in Seoul.</p>`` is
  translated as one sentence. Each inline element is carried through the engine as a pair of
  markers (``[x1]…[/x1]``) and its tags are put back around the words the markers enclose. An
  element whose markers the engine lost, doubled or crossed is placed around its own text where
  the translation has it unchanged (a name, a number), and otherwise left out, its words kept:
  a tag is never written unbalanced. Inline elements with no text of their own (``img``, an
  empty ``span``) and inline code (``code``, ``kbd``, ``samp``, ``var``) travel as one marker
  (``[x2/]``) and are written back whole, at the end of the run if the engine lost the marker.
  An element that wraps the whole run, or one a block tag interrupts, stays outside the text;
* the values of ``alt``, ``title``, ``placeholder`` and ``aria-label``, each on its own;
* never ``script``, ``style``, ``pre``, ``textarea`` or inline code.

Markdown is translated line by line, keeping each line's block marker (``#``, ``>``, ``-``,
``1.``) and leaving fenced code blocks and blank lines as they are.
"""

from __future__ import annotations

import asyncio
import collections
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import takewhile
from typing import Awaitable, Callable, Union

Translate = Callable[[list[str]], Awaitable[list[str]]]

UNTRANSLATED = {"script", "style", "code", "pre", "textarea", "kbd", "samp", "var"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements that sit inside a sentence: a run of text and these is translated as one text.
INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
}
TRANSLATED_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")
# Past these an inline element is read as block markup (its run ends there): what one run carries
# through the engine stays a sentence's worth, and the work of placing markers stays linear in the
# input's length (an inline element nested in 10,000 others, or 20,000 in one paragraph, once took
# minutes or ran out of stack).
MAX_INLINE_DEPTH = 32  # inline elements open inside one another
MAX_RUN_MARKERS = 100  # inline elements and atoms in one run
# What the engine sees for an inline element: [x1] and [/x1] around its text, [x1/] for a whole one.
# Unlike the glossary's placeholders (ZXQ1, [1], #1#), they hold a letter, so neither is taken for the other.
_MARKER = re.compile(r"\[\s*(/?)\s*x\s*(\d+)\s*(/?)\s*\]", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")


def _collapsed(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@dataclass
class _Start:
    """A start tag, written back with its translatable attribute values translated."""

    tag: str
    attrs: list[tuple[str, str | None]]
    closed: bool = False
    units: dict[int, int] = field(default_factory=dict)  # attribute position → unit index

    def render(self, translations: list[str]) -> str:
        parts = [self.tag]
        for position, (name, value) in enumerate(self.attrs):
            if not re.fullmatch(r"[^\s\"'>/=\x00-\x1f]+", name):
                continue  # a name that cannot be written back safely is dropped
            if position in self.units:
                value = translations[self.units[position]].strip()
            parts.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
        return "<" + " ".join(parts) + (" />" if self.closed else ">")


@dataclass(eq=False)
class _Element:
    """An inline element inside a run, carried as a pair of markers."""

    start: _Start
    closed: bool = False

    @property
    def end(self) -> str:
        return f"</{self.start.tag}>"


@dataclass(eq=False)
class _Open:
    element: _Element


@dataclass(eq=False)
class _Close:
    element: _Element


@dataclass(eq=False)
class _Atom:
    """Markup carried whole through the engine as one marker: an image, inline code, an empty element."""

    parts: list = field(default_factory=list)  # str (markup or escaped text), _Start, _Atom

    def render(self, translations: list[str]) -> str:
        return "".join(p if isinstance(p, str) else p.render(translations) for p in self.parts)


_Item = Union[str, _Open, _Close, _Atom]  # str: text as read (unescaped)


@dataclass(eq=False)
class _Run:
    """The text of a block and the inline elements inside it, translated as one unit."""

    items: list[_Item]
    unit: int = -1  # its index among the units; -1: nothing to translate

    def parts(self) -> tuple[str, dict[int, object]]:
        """The engine's text (white space collapsed, markers in place of the elements) and what
        each marker number stands for (an :class:`_Element` or an :class:`_Atom`)."""
        numbers: dict[int, object] = {}
        ids: dict[int, int] = {}
        out = []
        taken = {int(m.group(2)) for m in _MARKER.finditer(self.text())}  # look-alikes in the text stay text
        for item in self.items:
            if isinstance(item, str):
                out.append(_collapsed(item))
                continue
            thing = item.element if isinstance(item, (_Open, _Close)) else item
            if id(thing) not in ids:
                n = max(ids.values(), default=0) + 1
                while n in taken:
                    n += 1
                ids[id(thing)] = n
                numbers[n] = thing
            n = ids[id(thing)]
            out.append(f"[x{n}]" if isinstance(item, _Open) else f"[/x{n}]" if isinstance(item, _Close) else f"[x{n}/]")
        return _collapsed("".join(out)).strip(), numbers

    def text(self) -> str:
        return "".join(i for i in self.items if isinstance(i, str))

    def edges(self) -> tuple[str, str]:
        """The run's leading and trailing white space, kept around its translation."""
        head = "".join(takewhile(lambda i: isinstance(i, str), self.items))
        tail = "".join(reversed(list(takewhile(lambda i: isinstance(i, str), reversed(self.items)))))
        return head[: len(head) - len(head.lstrip())], tail[len(tail.rstrip()) :]

    def render(self, translations: list[str]) -> str:
        if self.unit < 0:
            return "".join(_render_item(i, translations) for i in self.items)
        lead, trail = self.edges()
        _source, numbers = self.parts()
        return lead + _place(translations[self.unit].strip(), numbers, self, translations) + trail


def _render_item(item: _Item, translations: list[str]) -> str:
    if isinstance(item, str):
        return html.escape(item, quote=False)
    if isinstance(item, _Open):
        return item.element.start.render(translations)
    if isinstance(item, _Close):
        return item.element.end
    return item.render(translations)


def _inner_text(run: _Run, element: _Element) -> str:
    """The text between an element's markers in the source, white space collapsed."""
    inside, out = False, []
    for item in run.items:
        if isinstance(item, _Open) and item.element is element:
            inside = True
        elif isinstance(item, _Close) and item.element is element:
            break
        elif inside and isinstance(item, str):
            out.append(item)
    return _collapsed("".join(out)).strip()


def _place(translated: str, numbers: dict[int, object], run: _Run, translations: list[str]) -> str:
    """The translated run as HTML: its text escaped, each element's tags where its markers are."""
    translated = _collapsed(translated)
    plain: list[str] = []
    found: dict[int, list[tuple[str, int, int]]] = {}  # number → (kind, position in plain, order)
    cursor, length = 0, 0

    kind = ""

    def take(chunk: str) -> int:
        # A tag's marker taken out between two spaces leaves one; an atom keeps a space each side.
        if plain and plain[-1][-1:].isspace() and kind != "atom":
            chunk = chunk.lstrip()
        if chunk:
            plain.append(chunk)
        return len(chunk)

    for order, match in enumerate(_MARKER.finditer(translated)):
        number = int(match.group(2))
        if number not in numbers:  # no marker of this run: text that looks like one, kept
            continue
        length += take(translated[cursor : match.start()])
        cursor = match.end()
        kind = "close" if match.group(1) else "atom" if match.group(3) else "open"
        found.setdefault(number, []).append((kind, length, order))
    take(translated[cursor:])
    text = "".join(plain)

    inserts: list[tuple[int, int, int, str, str]] = []  # position, rank, order, kind, markup
    spans: list[tuple[int, int]] = []  # elements placed, in plain positions
    orders: dict[int, tuple[int, int]] = {}
    for number, thing in numbers.items():
        marks = found.get(number, [])
        if isinstance(thing, _Atom):
            atoms = [m for m in marks if m[0] == "atom"]
            if atoms:
                inserts.append((atoms[0][1], 1, atoms[0][2], "atom", thing.render(translations)))
            else:  # lost by the engine: written after the run's text, so nothing of it is lost
                gap = " " if text and not text[-1].isspace() else ""
                inserts.append((len(text), 1, 10**6 + number, "atom", gap + thing.render(translations)))
            continue
        opens = [m for m in marks if m[0] == "open"]
        closes = [m for m in marks if m[0] == "close"]
        if len(opens) == 1 and len(closes) == 1 and opens[0][2] < closes[0][2]:
            orders[number] = (opens[0][2], closes[0][2])
    # Two elements whose markers cross cannot both be written: the later one is placed otherwise.
    for number in sorted(orders):
        first, last = orders[number]
        if any(o < first < c < last or first < o < last < c for n, (o, c) in orders.items() if n < number):
            del orders[number]
    for number, (first, last) in orders.items():
        element = numbers[number]
        start = next(m[1] for m in found[number] if m[0] == "open")
        end = next(m[1] for m in found[number] if m[0] == "close")
        inserts.append((start, 1, first, "open", element.start.render(translations)))
        inserts.append((end, 1, last, "close", element.end))
        spans.append((start, end))
    for number, thing in sorted(numbers.items()):
        if isinstance(thing, _Atom) or number in orders:
            continue
        inner = _inner_text(run, thing)
        start = text.find(inner) if inner else -1
        end = start + len(inner)
        # Written around its own words where they are unchanged, inside or beside what is placed.
        if start >= 0 and all(e <= start or s >= end or (s <= start and end <= e) for s, e in spans):
            # At one position an outer element opens first and closes last (earlier numbers are outer).
            inserts.append((start, 2, number, "open", thing.start.render(translations)))
            inserts.append((end, 0, -number, "close", thing.end))
            spans.append((start, end))
    return _weave(text, sorted(inserts))


def _weave(text: str, inserts: list[tuple[int, int, int, str, str]]) -> str:
    """``text`` escaped, with the markup of ``inserts`` at their positions. White space beside a
    group of tags goes outside them: before opening tags, after closing ones."""
    out, cursor, index = [], 0, 0
    while index < len(inserts):
        position = inserts[index][0]
        group = []
        while index < len(inserts) and inserts[index][0] == position:
            group.append(inserts[index])
            index += 1
        before = text[cursor:position]
        after_start = position
        if all(kind != "atom" for _p, _r, _o, kind, _m in group):
            spaced = before != before.rstrip() or text[position : position + 1].isspace()
            before = before.rstrip()
            while after_start < len(text) and text[after_start].isspace():
                after_start += 1
            closes = 0
            while closes < len(group) and group[closes][3] == "close":
                closes += 1
            tags = [g[4] for g in group]
            if spaced and 0 < position and after_start < len(text):  # at the run's edges the run keeps its own
                tags.insert(closes, " ")
        else:
            tags = [g[4] for g in group]
        out.append(html.escape(before, quote=False))
        out.append("".join(tags))
        cursor = after_start
    out.append(html.escape(text[cursor:], quote=False))
    return "".join(out)


class _Pieces(HTMLParser):
    """The document as pieces (markup strings, start tags and runs) and the units to translate."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str | _Start | _Run] = []
        self.units: list[str] = []
        self.open: list[tuple[str, object]] = []  # (tag, its _Element, _Atom, or None for fixed markup)
        self.items: list[_Item] = []  # the run being read
        self.atom: _Atom | None = None  # the atom being read (inline code, its content kept)
        # Counts kept as self.open changes, so that no event looks through the whole stack.
        self._tags: collections.Counter[str] = collections.Counter()  # open elements by tag
        self._untranslated_open = 0  # open elements whose text is never translated
        self._inline_open = 0  # open inline elements (markers) and atoms
        self._atom_base = 0  # len(self.open) when the atom being read was opened
        self._markers = 0  # markers in self.items

    # -- the stack of open elements -------------------------------------------------------

    def _push(self, tag: str, thing: object) -> None:
        self.open.append((tag, thing))
        self._tags[tag] += 1
        self._untranslated_open += tag in UNTRANSLATED
        self._inline_open += isinstance(thing, (_Element, _Atom))

    def _pop(self) -> tuple[str, object]:
        tag, thing = self.open.pop()
        self._tags[tag] -= 1
        self._untranslated_open -= tag in UNTRANSLATED
        self._inline_open -= isinstance(thing, (_Element, _Atom))
        return tag, thing

    def _inline(self, tag: str) -> bool:
        """Whether ``tag`` is read as part of the run (else as block markup)."""
        return (tag in INLINE and not self._untranslated() and self._inline_open < MAX_INLINE_DEPTH
                and self._markers < MAX_RUN_MARKERS)

    def _add_marker(self, item: _Item) -> None:
        self.items.append(item)
        self._markers += 1

    # -- where things go ------------------------------------------------------------------

    def _untranslated(self) -> bool:
        return self._untranslated_open > 0

    def _start(self, tag: str, attrs, closed: bool = False) -> _Start:
        start = _Start(tag, list(attrs), closed)
        if not self._untranslated():
            for position, (name, value) in enumerate(start.attrs):
                if name in TRANSLATED_ATTRIBUTES and value and _LETTER.search(value):
                    start.units[position] = len(self.units)
                    self.units.append(_collapsed(value).strip())
        return start

    def _fixed(self, piece: str | _Start) -> None:
        """Markup outside any run: the run before it ends here."""
        self._flush()
        self.pieces.append(piece)

    def _flush(self) -> None:
        items, self.items = self.items, []
        self._markers = 0
        # Every _Open here was read in this run, so its element is open unless it was closed since.
        still_open = {id(item.element) for item in items if isinstance(item, _Open) and not item.element.closed}
        # An element a block interrupts, or one around the whole run, stays outside the text.
        while items:
            opened = [i for i, item in enumerate(items) if isinstance(item, _Open) and id(item.element) in still_open]
            if opened:
                first = opened[0]
                self._emit_run(items[:first])
                self.pieces.append(items[first].element.start)
                for index in range(len(self.open) - 1, -1, -1):  # most often at the top
                    tag, thing = self.open[index]
                    if thing is items[first].element:
                        self.open[index] = (tag, None)
                        self._inline_open -= 1
                        break
                still_open.discard(id(items[first].element))
                items = items[first + 1 :]
                continue
            body = [i for i, item in enumerate(items) if not (isinstance(item, str) and not item.strip())]
            if body and isinstance(items[body[0]], _Open) and isinstance(items[body[-1]], _Close) \
                    and items[body[0]].element is items[body[-1]].element:
                self._emit_run(items[: body[0]])
                self.pieces.append(items[body[0]].element.start)
                self._flush_inner(items[body[0] + 1 : body[-1]])
                self.pieces.append(items[body[-1]].element.end)
                items = items[body[-1] + 1 :]
                continue
            self._emit_run(items)
            break

    def _flush_inner(self, items: list[_Item]) -> None:
        saved, self.items = self.items, items
        self._flush()
        self.items = saved

    def _emit_run(self, items: list[_Item]) -> None:
        if not items:
            return
        run = _Run(items)
        if _LETTER.search(run.text()) or any(c.isdigit() for c in run.text()):
            run.unit = len(self.units)
            self.units.append(run.parts()[0])
        self.pieces.append(run)

    # -- the parser's events --------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        if self.atom is not None:
            self.atom.parts.append(self._start(tag, attrs))
            if tag not in VOID:
                self._push(tag, self.atom)
            return
        start = self._start(tag, attrs)
        if self._inline(tag):
            if tag in VOID:
                self._add_marker(_Atom([start]))
            elif tag in UNTRANSLATED:  # inline code: its text is kept as it is
                self.atom = _Atom([start])
                self._add_marker(self.atom)
                self._atom_base = len(self.open)
                self._push(tag, self.atom)
            else:
                element = _Element(start)
                self._add_marker(_Open(element))
                self._push(tag, element)
            return
        self._fixed(start)
        if tag not in VOID:
            self._push(tag, None)

    def handle_startendtag(self, tag, attrs):
        if self.atom is not None:
            self.atom.parts.append(self._start(tag, attrs, closed=True))
        elif self._inline(tag):
            self._add_marker(_Atom([self._start(tag, attrs, closed=True)]))
        else:
            self._fixed(self._start(tag, attrs, closed=True))

    def handle_endtag(self, tag):
        if not self._tags[tag]:
            return  # an end tag nobody opened is dropped
        while self.open:
            inner, thing = self._pop()
            self._close(inner, thing)
            if inner == tag:
                break

    def _close(self, tag: str, thing: object) -> None:
        end = f"</{tag}>"
        if isinstance(thing, _Atom):
            thing.parts.append(end)
            if self.atom is thing and len(self.open) <= self._atom_base:  # its own tag closed
                self.atom = None
        elif isinstance(thing, _Element):
            thing.closed = True
            opened = next(i for i in range(len(self.items) - 1, -1, -1)  # most often just before
                          if isinstance(self.items[i], _Open) and self.items[i].element is thing)
            inside = self.items[opened + 1 :]
            if any(isinstance(i, str) and i.strip() for i in inside):
                self.items.append(_Close(thing))
            else:  # no text of its own: carried whole
                parts = [html.escape(i, quote=False) if isinstance(i, str) else i for i in inside]
                self.items[opened:] = [_Atom([thing.start, *parts, end])]
        else:
            self._fixed(end)

    def handle_data(self, data):
        if self.atom is not None:
            self.atom.parts.append(html.escape(data, quote=False))
        elif self._untranslated():
            self._fixed(html.escape(data, quote=False))
        else:
            self.items.append(data)

    def handle_comment(self, data):
        comment = f"<!--{data.replace('--', '- -')}-->"
        if self.atom is not None:
            self.atom.parts.append(comment)
        elif self.items and self._markers < MAX_RUN_MARKERS:
            self._add_marker(_Atom([comment]))
        else:
            self._fixed(comment)

    def handle_decl(self, decl):
        self._fixed(f"<!{html.escape(decl, quote=False)}>")

    def close(self):
        super().close()
        while self.open:  # close what the input left open
            tag, thing = self._pop()
            self._close(tag, thing)
        self._flush()


def parse_html(text: str) -> "_Pieces":
    parser = _Pieces()
    parser.feed(text)
    parser.close()
    return parser


class Markup:
    """An HTML text read for translation: :attr:`units` to translate (inline runs with their
    markers, attribute values), and :meth:`render` to write it back with their translations."""

    def __init__(self, text: str):
        self._parsed = parse_html(text)
        self.units: list[str] = self._parsed.units

    def render(self, translations: list[str]) -> str:
        return "".join(p if isinstance(p, str) else p.render(translations) for p in self._parsed.pieces)

    def text(self) -> str:
        """The translatable text, markers left out, runs joined by a space."""
        return " ".join(_collapsed(p.text()).strip() for p in self._parsed.pieces if isinstance(p, _Run) and p.unit >= 0)


def text_of(markup: str) -> str:
    """The translatable text of an HTML fragment (for telling its language), runs joined."""
    return Markup(markup).text()


async def translate_html(text: str, translate: Translate) -> str:
    """``text`` with its runs and attribute values translated by ``translate`` (all in one call).
    Parsing and writing run in a thread: for megabytes of HTML they take seconds."""
    markup = await asyncio.to_thread(Markup, text)
    translations = await translate(markup.units) if markup.units else []
    return await asyncio.to_thread(markup.render, translations)


_BLOCK_MARKER = re.compile(r"^(\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)*)(.*)$")
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
        marker, body = _BLOCK_MARKER.match(line).groups()
        if body.strip():
            jobs.append((index, marker))
            prose.append(body)
    translated = await translate(prose) if prose else []
    for (index, marker), body in zip(jobs, translated):
        lines[index] = marker + body.strip()
    return "\n".join(lines)

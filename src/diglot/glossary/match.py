"""Finding glossary mentions in text: the engine every other feature uses.

One Aho–Corasick automaton (pyahocorasick) per case policy holds every form of every entry.
Text is searched in a *view* with whitespace and hyphens removed, so spacing and hyphen
variants match (``강제 북송`` = ``강제북송``, ``Kim Jong il`` = ``Kim Jong-il``); offsets are
mapped back to the text, and word boundaries are checked there:

* a form that starts with Hangul must not follow a Hangul letter (``난민`` not in ``피난민``);
  anything may follow it (particles and suffixes: ``탈북자들은``), kept as the mention's suffix;
* a form that starts or ends with a Latin letter or digit must not touch another one, except
  for English plural and possessive endings (``defectors``, ``defector's``, ``defectors'``).

Where candidates overlap, the longest wins (``북한난민구호위원회`` over ``북한``).
Spans are offsets into the NFC form of the text (the form :func:`diglot.textio.read_text` gives).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import ahocorasick
import numpy as np

from diglot.glossary.model import FORBIDDEN, PREFERRED, VARIANT, Glossary

_REMOVED = re.compile(r"[\s\-\u2010\u2011]+")  # whitespace and hyphens (not dashes between numbers)
_REMOVED_CODEPOINTS = np.array(
    sorted({ord(c) for c in "-\u2010\u2011\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"} | set(range(0x2000, 0x200B))),
    dtype=np.uint32,
)
_ENGLISH_INFLECTION = re.compile(r"(?:'s|\u2019s|s'|s\u2019|es|s|'|\u2019)(?![A-Za-z0-9])")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
_KIND_ORDER = {PREFERRED: 0, VARIANT: 1, FORBIDDEN: 2}


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e"


def is_latin_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or ("\u00c0" <= ch <= "\u024f")


@dataclass(frozen=True)
class Mention:
    """One place where a glossary entry is mentioned."""

    start: int
    end: int  # the term itself; ``suffix`` follows it
    entry: str  # entry id
    lang: str  # language of the form found
    kind: str  # "preferred" | "variant" | "forbidden"
    form: str  # the glossary form that matched
    text: str  # the text as written
    suffix: str = ""  # an English inflection (s, 's) or the Hangul after a Korean term (particle)
    short: bool = False  # the entry's short form or acronym

    @property
    def is_preferred(self) -> bool:
        return self.kind == PREFERRED


@dataclass(frozen=True)
class _Form:
    entry: str
    lang: str
    kind: str
    form: str
    short: bool
    length: int  # length of the key in the view


def search_key(form: str) -> str:
    """A form as it is looked up: NFC, without whitespace and hyphens."""
    return _REMOVED.sub("", unicodedata.normalize("NFC", form))


class Matcher:
    """Finds mentions of a glossary's entries in text of any of its languages."""

    def __init__(self, glossary: Glossary, languages: list[str] | None = None):
        self.glossary = glossary
        self._automata = {True: ahocorasick.Automaton(), False: ahocorasick.Automaton()}  # case-sensitive?
        keys: dict[tuple[bool, str], list[_Form]] = {}
        for entry in glossary:
            for lang, terms in entry.langs.items():
                if languages and lang not in languages:
                    continue
                for form, kind, short in terms.forms():
                    sensitive = terms.is_case_sensitive(form)
                    key = search_key(form) if sensitive else search_key(form).lower()
                    if key:
                        keys.setdefault((sensitive, key), []).append(_Form(entry.id, lang, kind, form, short, len(key)))
        for (sensitive, key), forms in keys.items():
            if len(forms) > 1:
                forms.sort(key=lambda f: _KIND_ORDER[f.kind])
            self._automata[sensitive].add_word(key, (key, tuple(forms)))
        for automaton in self._automata.values():
            if len(automaton):
                automaton.make_automaton()

    def find(self, text: str, lang: str | None = None) -> list[Mention]:
        """Every mention in ``text`` (of forms in ``lang``, or of any language), in text order."""
        text = unicodedata.normalize("NFC", text)
        view, offsets = _view(text)
        candidates = []
        for sensitive, automaton in self._automata.items():
            if not len(automaton):
                continue
            haystack = view if sensitive else _lower_same_length(view)
            for end, (key, forms) in automaton.iter(haystack):
                form = forms[0] if lang is None else next((f for f in forms if f.lang == lang), None)
                if form is None:
                    continue
                start = int(offsets[end - len(key) + 1])
                stop = int(offsets[end]) + 1
                suffix = _boundary_suffix(text, start, stop, form.lang)
                if suffix is not None:
                    candidates.append((start, stop, suffix, form))
        return _longest_first(text, candidates)


def _view(text: str) -> tuple[str, np.ndarray]:
    """The text without whitespace and hyphens, and each view character's offset in the text."""
    codepoints = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    offsets = np.flatnonzero(~np.isin(codepoints, _REMOVED_CODEPOINTS))
    view = _REMOVED.sub("", text)
    if len(view) != len(offsets):  # a space character the array does not list; be exact instead
        offsets = np.array([i for i, ch in enumerate(text) if not _REMOVED.match(ch)], dtype=np.int64)
        view = "".join(text[i] for i in offsets)
    return view, offsets


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _boundary_suffix(text: str, start: int, stop: int, lang: str) -> str | None:
    """The suffix after a candidate at ``text[start:stop]``, or ``None`` if it is not on a word boundary."""
    first, last = text[start], text[stop - 1]
    before = text[start - 1] if start > 0 else " "
    if is_hangul(first) and is_hangul(before):
        return None
    if is_latin_word_char(first) and is_latin_word_char(before):
        return None
    if is_hangul(last):
        run = _HANGUL_RUN.match(text, stop)
        return run.group() if run else ""
    after = text[stop] if stop < len(text) else " "
    if is_latin_word_char(last) and is_latin_word_char(after):
        if lang == "ko":
            return None
        inflection = _ENGLISH_INFLECTION.match(text, stop)
        return inflection.group() if inflection else None
    if last.isalnum() and is_latin_word_char(after):
        return None
    if after in "'\u2019" and lang != "ko":  # possessive after an acronym or a plural: CNKR's, defectors'
        inflection = _ENGLISH_INFLECTION.match(text, stop)
        return inflection.group() if inflection else ""
    return ""


def _longest_first(text: str, candidates: list[tuple[int, int, str, _Form]]) -> list[Mention]:
    """Keep the longest of overlapping candidates (then the leftmost), in text order."""
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = bytearray(len(text))
    mentions = []
    for start, stop, suffix, form in candidates:
        if any(taken[start:stop]):
            continue
        taken[start:stop] = b"\x01" * (stop - start)
        mentions.append(
            Mention(start, stop, form.entry, form.lang, form.kind, form.form, text[start:stop], suffix, form.short)
        )
    mentions.sort(key=lambda m: m.start)
    return mentions

"""The base class of edition writers, and the wording they share for terms and findings."""

from __future__ import annotations

import re
from typing import Callable

from diglot.doc import Finding
from diglot.edition.model import Edition
from diglot.errors import InputError
from diglot.glossary import Glossary, Mention
from diglot.i18n import _
from diglot.registry import Member

# What XML 1.0 cannot hold, not even as a character reference: the C0 controls but tab, LF and
# CR (a form feed, a vertical tab), and U+FFFE, U+FFFF. Text files may carry a few of them.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class EditionWriter(Member):
    """One output format of an edition, a member of :data:`diglot.edition.writers.WRITERS`.

    Subclasses set :attr:`name`, :attr:`suffixes` and :attr:`description` (see
    :class:`diglot.registry.Member`) and implement :meth:`render`, which returns the whole file
    as text (UTF-8 when written).
    """

    def render(self, edition: Edition) -> str:
        raise NotImplementedError


def refuse_what_xml_cannot_hold(edition: Edition, format_name: str) -> None:
    """Raise an :class:`InputError` naming the first bead (or the document id) holding a character
    XML cannot carry: ``format_name`` (TMX, XLIFF) cannot be written for it. lxml refused such
    text with a traceback; dropping the character would change the translation unannounced."""
    places = [(edition.doc.id, _("the document id"))]
    for row in edition.rows:
        places += [(text, _("bead {number}").format(number=row.index + 1)) for text in (row.source, row.target)]
    for text, where in places:
        found = _NOT_IN_XML.search(text)
        if found:
            raise InputError(
                _("{format} cannot hold the control character U+{code:04X} in {where}; remove it from the text").format(
                    format=format_name, code=ord(found.group()), where=where
                )
            )


def weave(text: str, pieces: list[tuple[int, int, str]], escape: Callable[[str], str]) -> str:
    """``text`` with each ``(start, end, markup)`` piece put in place of its span and the rest escaped.

    The pieces must not overlap; they may come in any order.
    """
    out, pos = [], 0
    for start, end, markup in sorted(pieces):
        out.append(escape(text[pos:start]))
        out.append(markup)
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def term_note(mention: Mention, glossary: Glossary | None) -> str:
    """One line about a glossary term: its entry, preferred forms, what was found and the entry's note.

    For example ``cnkr: ko 북한난민구호위원회 · en Commission to Help North Korean Refugees — Seoul-based…``.
    """
    entry = glossary.get(mention.entry) if glossary is not None else None
    parts = [mention.entry]
    if entry is not None:
        parts[0] += ": " + " · ".join(f"{lang} {terms.preferred}" for lang, terms in entry.langs.items())
    if mention.kind != "preferred":
        parts.append(_("{kind} form “{form}”").format(kind=_kind_label(mention.kind), form=mention.form))
    if entry is not None and entry.note:
        parts.append(entry.note)
    return " — ".join(parts)


def term_notes(mentions: tuple[Mention, ...], glossary: Glossary | None) -> list[str]:
    """One :func:`term_note` per entry mentioned, in order of first mention.

    Where an entry is mentioned in several forms, the note names the one that most needs a look
    (a forbidden form, then a variant).
    """
    severity = {"forbidden": 2, "variant": 1}
    chosen: dict[str, Mention] = {}
    for m in mentions:
        if m.entry not in chosen or severity.get(m.kind, 0) > severity.get(chosen[m.entry].kind, 0):
            chosen[m.entry] = m
    return [term_note(m, glossary) for m in chosen.values()]


def _kind_label(kind: str) -> str:
    return {"variant": _("variant"), "forbidden": _("forbidden")}.get(kind, kind)


def finding_text(finding: Finding) -> str:
    """A finding in one line: its status, then its message or what was expected and found."""
    if finding.message:
        detail = finding.message
    else:
        bits = [finding.entry or ""]
        if finding.expected:
            bits.append(_("expected “{text}”").format(text=finding.expected))
        if finding.found:
            bits.append(_("found “{text}”").format(text=finding.found))
        detail = ", ".join(b for b in bits if b)
    return f"{finding.status}: {detail}" if detail else finding.status

"""The base class of edition writers, and the wording they share for terms and findings."""

from __future__ import annotations

from typing import Callable

from diglot.doc import Finding
from diglot.edition.model import Edition
from diglot.glossary import Glossary, Mention
from diglot.i18n import _
from diglot.registry import Member


class EditionWriter(Member):
    """One output format of an edition, a member of :data:`diglot.edition.writers.WRITERS`.

    Subclasses set :attr:`name`, :attr:`suffixes` and :attr:`description` (see
    :class:`diglot.registry.Member`) and implement :meth:`render`, which returns the whole file
    as text (UTF-8 when written).
    """

    def render(self, edition: Edition) -> str:
        raise NotImplementedError


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

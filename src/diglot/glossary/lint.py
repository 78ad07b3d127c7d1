"""Glossary lint: the checks that keep a glossary consistent.

Problems within one entry are found while it is read (:func:`~diglot.glossary.model.entry_from_dict`);
this module adds the checks across entries.
"""

from __future__ import annotations

from diglot.glossary.match import search_key
from diglot.glossary.model import ACCEPTED, REQUIRED_LANGUAGES, Entry, Glossary, Origin, Problem
from diglot.i18n import _


def lint(glossary: Glossary) -> list[Problem]:
    """Every problem of ``glossary``: those found while reading it, then the cross-entry ones."""
    problems = list(glossary.problems)
    first_seen: dict[str, Origin] = {}
    claimed: dict[tuple[str, str, bool], str] = {}  # (lang, key, accepted?) → entry id
    for entry in glossary:
        origin = entry.origin or Origin("?")

        def add(severity: str, message: str) -> None:
            problems.append(Problem(severity, message, origin))  # noqa: B023 - used at once

        if entry.id in first_seen:
            add("error", _("duplicate id {id} (first at {where})").format(id=entry.id, where=first_seen[entry.id]))
            continue
        first_seen[entry.id] = origin
        for lang in REQUIRED_LANGUAGES:
            if lang not in entry.langs:
                add("error", _("entry {id} has no {lang} form").format(id=entry.id, lang=lang))
        if not entry.source and entry.status == "approved":
            add("warning", _("entry {id} has no source").format(id=entry.id))
        if entry.valid_from and entry.valid_until and entry.valid_from > entry.valid_until:
            add("error", _("entry {id}: valid_from is after valid_until").format(id=entry.id))
        for lang, terms in entry.langs.items():
            if terms.preferred in terms.forbidden:
                add(
                    "error",
                    _("entry {id}: {lang} preferred form {form!r} is also forbidden").format(
                        id=entry.id, lang=lang, form=terms.preferred
                    ),
                )
            if terms.preferred in terms.variants:
                add(
                    "error",
                    _("entry {id}: {lang} variant {form!r} is the preferred form").format(
                        id=entry.id, lang=lang, form=terms.preferred
                    ),
                )
            own: set[str] = set()
            for form, kind, _short in terms.forms():
                key = search_key(form).casefold()
                if key in own:
                    if form != terms.preferred:
                        add(
                            "warning",
                            _("entry {id}: {lang} form {form!r} is listed twice").format(id=entry.id, lang=lang, form=form),
                        )
                    continue
                own.add(key)
                # An accepted form may be another entry's own (Seoul: the city, and the government
                # it stands for); two entries' forms of the same use may not.
                other = claimed.setdefault((lang, key, kind == ACCEPTED), entry.id)
                if other != entry.id:
                    add(
                        "error",
                        _("entry {id}: {lang} form {form!r} is also claimed by entry {other}").format(
                            id=entry.id, lang=lang, form=form, other=other
                        ),
                    )
    return problems


def lint_addition(glossary: Glossary, entry: Entry) -> list[Problem]:
    """The problems adding ``entry`` to ``glossary`` would bring (those it has already are left out)."""
    before = {str(p) for p in lint(glossary)}
    return [p for p in lint(Glossary([*glossary, entry])) if str(p) not in before]

"""The glossary's data model: entries, their per-language forms, and the collection.

An :class:`Entry` is one concept (a person, an agency, a term) with a :class:`Terms` block per
language code. Entries are built from plain dicts (the YAML schema documented in
``glossaries/README.md``) by :func:`entry_from_dict`, which reports every problem it sees
instead of stopping at the first, so ``diglot glossary lint`` can list them all.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from diglot.i18n import _

TYPES = ("person", "organization", "place", "term", "title", "event", "publication", "document")
STATUSES = ("approved", "proposed")
CASE_POLICIES = ("sensitive", "insensitive")
ENTRY_FIELDS = ("id", "type", "status", "source", "note", "valid_from", "valid_until", "evidence")
TERM_FIELDS = (
    "preferred",
    "variants",
    "forbidden",
    "adjective",
    "accepted",
    "references",
    "short",
    "first_mention",
    "plural",
    "case",
    "not_after",
    "not_before",
)
# What no form can hold and still match a text: control characters (line breaks, NUL, escape;
# a tab is kept), lone surrogates and bidirectional overrides (which reorder what is shown).
_UNMATCHABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def _shown(form: str) -> str:
    """``form`` quoted, its unmatchable characters written as escapes (\\u001b) so they show."""
    return '"' + _UNMATCHABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", form) + '"'


LIST_FIELDS = ("variants", "forbidden", "adjective", "accepted", "references", "not_after", "not_before")
SCALAR_FIELDS = ("short", "first_mention", "plural", "case")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$")
ENTRY_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
REQUIRED_LANGUAGES = ("ko", "en")

# How a form relates to its entry. Translation writes only the preferred form (or its short form
# and plural); the others are found in text and judged by ``check``.
PREFERRED, VARIANT, FORBIDDEN = "preferred", "variant", "forbidden"
ADJECTIVE = "adjective"  # an adjective or demonym, fine anywhere: Chinese for 중국
ACCEPTED = "accepted"  # a rendering editors accept but translation never writes: Seoul for the government
REFERENCE = "reference"  # a short reference, fine after the first full mention: the North
KINDS = (PREFERRED, VARIANT, ADJECTIVE, ACCEPTED, REFERENCE, FORBIDDEN)


@dataclass(frozen=True)
class Origin:
    """Where an entry or a problem comes from, for messages."""

    file: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Problem:
    """One lint finding."""

    severity: str  # "error" | "warning"
    message: str
    origin: Origin

    def __str__(self) -> str:
        return f"{self.origin}: {self.severity}: {self.message}"


@dataclass
class Terms:
    """The forms of one entry in one language."""

    preferred: str
    variants: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    adjective: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    short: str | None = None
    first_mention: str | None = None
    plural: str | None = None
    case: str | None = None  # None: acronyms sensitive, the rest insensitive
    not_after: list[str] = field(default_factory=list)  # qualifiers that make it another entity: 미 국방부
    not_before: list[str] = field(default_factory=list)  # continuations that do: 서울대, 외교부 장관

    def forms(self) -> Iterator[tuple[str, str, bool]]:
        """Every form to look for: ``(form, kind, is_short)``."""
        yield self.preferred, PREFERRED, False
        if self.plural:
            yield self.plural, PREFERRED, False
        if self.short:
            yield self.short, PREFERRED, True
        for kind, forms in (
            (VARIANT, self.variants),
            (ADJECTIVE, self.adjective),
            (ACCEPTED, self.accepted),
            (REFERENCE, self.references),
            (FORBIDDEN, self.forbidden),
        ):
            for form in forms:
                yield form, kind, False

    def first_mention_text(self) -> str:
        """How the first mention in a document should read."""
        if not self.short:
            return self.preferred
        template = self.first_mention or "{long} ({short})"
        return template.format(long=self.preferred, short=self.short)

    def is_case_sensitive(self, form: str, kind: str | None = None) -> bool:
        """Whether ``form`` must match with its case: the ``case`` policy if set, else acronyms
        are, and so are references with a capital after their first letter (``the North``, not
        the north of a province; the first letter may still be a capital at a sentence start)."""
        if self.case is not None:
            return self.case == "sensitive"
        return is_acronym(form) or (kind == REFERENCE and form[1:] != form[1:].lower())

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"preferred": self.preferred}
        for name in TERM_FIELDS[1:]:
            value = getattr(self, name)
            if value:
                out[name] = list(value) if isinstance(value, list) else value
        return out


@dataclass
class Entry:
    """One concept of the glossary."""

    id: str
    type: str
    langs: dict[str, Terms]
    status: str = "approved"
    source: str = ""
    note: str = ""
    valid_from: str | None = None
    valid_until: str | None = None
    evidence: dict[str, Any] | None = None  # mined proposals: score, frequency, examples
    origin: Origin | None = field(default=None, compare=False, repr=False)

    def preferred(self, lang: str) -> str | None:
        terms = self.langs.get(lang)
        return terms.preferred if terms else None

    def valid_during(self, first: str, last: str) -> bool:
        """Whether the entry was in force at some time from day ``first`` to day ``last`` (YYYY-MM-DD).

        An entry without dates is always in force; ``valid_until: 2013-03`` includes all of March.
        """
        return (self.valid_from is None or period(self.valid_from)[0] <= last) and (
            self.valid_until is None or first <= period(self.valid_until)[1]
        )

    def as_dict(self) -> dict[str, Any]:
        """The entry as the YAML schema writes it (field order fixed, empty fields left out)."""
        out: dict[str, Any] = {"id": self.id, "type": self.type, "status": self.status}
        for name in ("source", "note", "valid_from", "valid_until"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        for lang in sorted(self.langs, key=_language_order):
            out[lang] = self.langs[lang].as_dict()
        if self.evidence:
            out["evidence"] = self.evidence
        return out


def _language_order(code: str) -> tuple[int, str]:
    return (REQUIRED_LANGUAGES.index(code) if code in REQUIRED_LANGUAGES else len(REQUIRED_LANGUAGES), code)


_ACRONYM = re.compile(r"[^a-z\u00c0-\uffff]*[A-Z][^a-z\u00c0-\uffff]*[A-Z][^a-z\u00c0-\uffff]*")


def is_acronym(form: str) -> bool:
    """Two or more capitals and no lower-case or non-Latin letter: CNKR, UNHCR, N.K."""
    return _ACRONYM.fullmatch(form) is not None


class Glossary:
    """An ordered collection of entries with lookup by id and a content fingerprint."""

    def __init__(self, entries: list[Entry] | None = None, problems: list[Problem] | None = None):
        self.entries: list[Entry] = list(entries or [])
        self.problems: list[Problem] = list(problems or [])
        self._by_id = {e.id: e for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    @property
    def languages(self) -> list[str]:
        return sorted({lang for e in self.entries for lang in e.langs}, key=_language_order)

    def valid_on(self, when: str) -> "Glossary":
        """The entries in force at ``when`` (YYYY, YYYY-MM or YYYY-MM-DD: any time in that year,
        month or day), for a text of that date: 외교부 was not yet the ministry's name in 2011."""
        if not is_date(when):
            raise ValueError(when)
        first, last = period(when)
        return Glossary([e for e in self.entries if e.valid_during(first, last)], self.problems)

    @property
    def fingerprint(self) -> str:
        """A short hash of the content: equal glossaries, equal fingerprint, whatever the file layout."""
        canonical = json.dumps(
            sorted((e.as_dict() for e in self.entries), key=lambda d: d["id"]), ensure_ascii=False, sort_keys=True
        )
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def unique_id(base: str, taken: set[str] | dict[str, object]) -> str:
    """``base``, or ``base-2``, ``base-3`` … whichever is not ``taken``: the one way diglot names
    an entry whose id is already used (imports, mined proposals)."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def is_date(value: str) -> bool:
    """A real date written YYYY, YYYY-MM or YYYY-MM-DD (not 2013-13, not 2013-02-30)."""
    if not _DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(period(value)[0])  # the day itself, or the first of the month
    except ValueError:
        return False
    return True


def period(date: str) -> tuple[str, str]:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD date covers, as YYYY-MM-DD strings
    (which compare in date order; the last day of a month is written 31 whatever the month)."""
    parts = date.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts))), "-".join(parts + ["12", "31"][len(parts) - 1 :])


def _as_str_list(value: Any) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


# Where each field of an entry was written: its path (("en", "variants")) → (line, column), 1-based.
Positions = dict[tuple[Any, ...], tuple[int, int]]


def _field_origin(origin: Origin, positions: Positions | None, path: tuple[Any, ...]) -> Origin:
    """The place of the field at ``path``, or of its nearest enclosing field, or the entry's."""
    while positions and path:
        if path in positions:
            line, column = positions[path]
            return Origin(origin.file, line, column)
        path = path[:-1]
    return origin


def _terms_from_dict(
    raw: Any, lang: str, entry_id: str, origin: Origin, problems: list[Problem], positions: Positions | None = None
) -> Terms | None:
    def error(message: str, *field_name: str) -> None:
        problems.append(Problem("error", message, _field_origin(origin, positions, (lang, *field_name))))

    if isinstance(raw, str):  # shorthand: `en: Pyongyang`
        raw = {"preferred": raw}
    if not isinstance(raw, dict):
        error(_("entry {id}: language block {lang} must be a mapping").format(id=entry_id, lang=lang))
        return None
    for key in raw:
        if key not in TERM_FIELDS:
            error(_("entry {id}: unknown field {field} in {lang}").format(id=entry_id, field=key, lang=lang), key)
    preferred = raw.get("preferred")
    if not isinstance(preferred, str) or not preferred.strip():
        error(_("entry {id}: {lang} has no preferred form").format(id=entry_id, lang=lang), "preferred")
        return None
    lists = {}
    for name in LIST_FIELDS:
        values = _as_str_list(raw.get(name))
        if values is None:
            message = _("entry {id}: {lang}.{field} must be a list of strings").format(id=entry_id, lang=lang, field=name)
            error(message, name)
            values = []
        lists[name] = [v.strip() for v in values if v.strip()]
    scalars = {}
    for name in SCALAR_FIELDS:
        value = raw.get(name)
        if value is not None and not isinstance(value, str):
            error(_("entry {id}: {lang}.{field} must be a string").format(id=entry_id, lang=lang, field=name), name)
            value = None
        scalars[name] = value.strip() if value else None
    if scalars["case"] and scalars["case"] not in CASE_POLICIES:
        error(
            _("entry {id}: {lang}.case must be one of {choices}").format(
                id=entry_id, lang=lang, choices=", ".join(CASE_POLICIES)
            ),
            "case",
        )
        scalars["case"] = None
    forms = [("preferred", preferred)] + [(name, v) for name in LIST_FIELDS for v in lists[name]]
    forms += [(name, scalars[name]) for name in ("short", "first_mention", "plural") if scalars[name]]
    for name, form in forms:
        if _UNMATCHABLE.search(form):
            error(
                _("entry {id}: {lang}.{field} {form} holds a control or line-break character: "
                  "no text matches it").format(id=entry_id, lang=lang, field=name, form=_shown(form)),
                name,
            )
    if scalars["first_mention"] and not scalars["short"]:
        error(_("entry {id}: {lang}.first_mention needs a short form").format(id=entry_id, lang=lang), "first_mention")
    return Terms(preferred=preferred.strip(), **lists, **scalars)


def entry_from_dict(raw: Any, origin: Origin, problems: list[Problem], positions: Positions | None = None) -> Entry | None:
    """Build an :class:`Entry` from the YAML schema, appending every problem found to ``problems``.

    ``positions`` (where each field was written, as the YAML reader records it) lets each
    problem name the line and column of its field rather than of the entry.
    """

    def error(message: str, *path: Any) -> None:
        problems.append(Problem("error", message, _field_origin(origin, positions, path)))

    if not isinstance(raw, dict):
        error(_("an entry must be a mapping with an id"))
        return None
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not ENTRY_ID.match(entry_id):
        error(_("entry id {id!r} must be lowercase letters, digits and hyphens").format(id=entry_id), "id")
        return None
    entry_type = raw.get("type")
    if not isinstance(entry_type, str) or entry_type not in TYPES:
        error(
            _("entry {id}: unknown type {type!r} (one of {choices})").format(
                id=entry_id, type=entry_type, choices=", ".join(TYPES)
            ),
            "type",
        )
    status = raw.get("status", "approved")
    if not isinstance(status, str) or status not in STATUSES:
        error(_("entry {id}: unknown status {status!r}").format(id=entry_id, status=status), "status")
    dates = {}
    for name in ("valid_from", "valid_until"):
        value = raw.get(name)
        if isinstance(value, (datetime.date, int)) and not isinstance(value, bool):
            value = str(value)  # a loader that reads 2010-10-08 as a date, or 2011 as a number
        if value is not None and not (isinstance(value, str) and is_date(value)):
            error(_("entry {id}: {field} must be YYYY, YYYY-MM or YYYY-MM-DD").format(id=entry_id, field=name), name)
            value = None
        dates[name] = value
    langs: dict[str, Terms] = {}
    for key, value in raw.items():
        if key in ENTRY_FIELDS:
            continue
        if not isinstance(key, str) or not LANGUAGE_CODE.match(key):
            error(_("entry {id}: unknown field {field}").format(id=entry_id, field=key), key)
            continue
        terms = _terms_from_dict(value, key, entry_id, origin, problems, positions)
        if terms:
            langs[key] = terms
    for field_name in ("source", "note"):
        if raw.get(field_name) is not None and not isinstance(raw.get(field_name), str):
            error(_("entry {id}: {field} must be a string").format(id=entry_id, field=field_name), field_name)
    if raw.get("evidence") is not None and not isinstance(raw.get("evidence"), dict):
        error(_("entry {id}: evidence must be a mapping").format(id=entry_id), "evidence")
    evidence = raw.get("evidence")
    return Entry(
        id=entry_id,
        type=entry_type if entry_type in TYPES else "term",
        langs=langs,
        status=status if status in STATUSES else "proposed",
        source=str(raw.get("source") or ""),
        note=str(raw.get("note") or ""),
        valid_from=dates["valid_from"],
        valid_until=dates["valid_until"],
        evidence=evidence if isinstance(evidence, dict) else None,
        origin=origin,
    )

"""TBX (ISO 30042): write TBX-Basic, read TBX-Basic 2008 and TBX 2019 as CAT tools export them.

Export writes a TBX-Basic file (``martif`` root, one ``termEntry`` per entry, one ``langSet`` per
language, one ``tig`` per form) that translators' tools import. Every diglot field has a place,
so YAML → TBX → YAML gives back the same entries; the fields TBX-Basic has no data category for
are written as ``note`` elements in the form ``diglot-FIELD: value``, which stay valid TBX-Basic
and readable in any tool. The mapping is documented in ``docs/glossary-formats.md``.

Import reads TBX-Basic 2008 (``martif``/``termEntry``/``langSet``/``tig`` or ``ntig``) and
TBX 2019 (``tbx``/``conceptEntry``/``langSec``/``termSec``, DCA or DCT style), in any language
order, ignoring the data categories diglot has no use for. Parsing is safe: no network, no DTD,
no entity expansion.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from diglot import __version__
from diglot.errors import DiglotError, InputError, MalformedInput
from diglot.glossary.formats.base import EntryIds, GlossaryFormat, language_code, working_language
from diglot.glossary.model import (
    ACCEPTED,
    ADJECTIVE,
    FORBIDDEN,
    PREFERRED,
    REFERENCE,
    VARIANT,
    Entry,
    Glossary,
    Origin,
    Problem,
    Terms,
    is_acronym,
)
from diglot.i18n import N_, _
from diglot.provenance import Signature
from diglot.textio import read_text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_SPACES = " \t\r\n"  # what XML calls white space; a no-break space is part of the text
LINE_BREAK = re.compile(r"[ \t]*\n[ \t\n]*")  # where a pretty-printer wrapped a term

# administrativeStatus values written for each kind of form.
STATUS_OUT = {PREFERRED: "preferredTerm-admn-sts", VARIANT: "admittedTerm-admn-sts", FORBIDDEN: "deprecatedTerm-admn-sts"}
# Admitted forms with a use of their own, told apart by a note "diglot-form: adjective" (its usage note).
ROLES = {ADJECTIVE: "adjective", ACCEPTED: "accepted", REFERENCE: "references"}  # kind → Terms field

# administrativeStatus (TBX-Basic), normativeAuthorization (older files) and the bare values some
# tools write, lower-cased → the kind of form diglot makes of them.
STATUS_IN = {
    **{value: PREFERRED for value in ("preferredterm-admn-sts", "preferredterm", "preferred", "standardizedterm", "legalterm", "regulatedterm")},
    **{value: VARIANT for value in ("admittedterm-admn-sts", "admittedterm", "admitted")},
    **{
        value: FORBIDDEN
        for value in (
            "deprecatedterm-admn-sts",
            "supersededterm-admn-sts",
            "deprecatedterm",
            "supersededterm",
            "deprecated",
            "superseded",
            "obsolete",
            "forbidden",
        )
    },
}
STATUS_CATEGORIES = ("administrativestatus", "normativeauthorization")

# termType values that mark a short form.
SHORT_TYPES = {"acronym", "abbreviation", "shortform", "initialism", "clippedterm", "abbreviatedform"}

# Entry-level diglot fields with no TBX-Basic data category: written as `note`s "diglot-KEY: value".
ENTRY_NOTES = {"type": "type", "status": "status", "valid-from": "valid_from", "valid-until": "valid_until"}
LANGUAGE_NOTES = {"first-mention": "first_mention", "case": "case"}
LANGUAGE_LIST_NOTES = {"not-after": "not_after", "not-before": "not_before"}  # JSON lists
NOTE_PREFIX = re.compile(r"^diglot-([a-z-]+):\s?(.*)$", re.DOTALL)

# Elements that group data categories: the first element is the category, the rest qualify it.
GROUPS = ("descripGrp", "adminGrp", "termNoteGrp")
# Elements that carry their data category in a `type` attribute (DCA style).
TYPED = ("descrip", "admin", "termNote", "transac", "ref", "xref", "adminNote", "descripNote", "transacNote")
TERM_CONTAINERS = ("tig", "ntig", "termSec")
LANGUAGE_CONTAINERS = ("langSet", "langSec")
ENTRY_CONTAINERS = ("termEntry", "conceptEntry")


def _local(element: Any) -> str:
    from lxml import etree  # here, not at the top: lxml costs a tenth of a second to import

    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _term_text(element: Any) -> str:
    """A term: inline markup flattened, line breaks with the spaces around them made one space."""
    return LINE_BREAK.sub(" ", "".join(element.itertext())).strip(XML_SPACES)


def _plain_text(element: Any) -> str:
    """A note or other text: inline markup flattened, each line stripped, line breaks kept."""
    text = "".join(element.itertext()).strip(XML_SPACES)
    return "\n".join(line.strip(XML_SPACES) for line in text.split("\n"))


# ---------------------------------------------------------------------------------------- export


def _sub(parent: Any, tag: str, text: str | None = None, **attrib: str) -> Any:
    from lxml import etree

    element = etree.SubElement(parent, tag, attrib)
    try:
        element.text = text
    except ValueError:  # lxml refuses what XML 1.0 cannot hold
        raise DiglotError(_("{text!r} holds a control character, which XML cannot carry").format(text=text)) from None
    return element


def _note(parent: Any, key: str, value: str) -> None:
    _sub(parent, "note", f"diglot-{key}: {value}")


def _xml_id(entry_id: str) -> str:
    """An XML ID must not start with a digit; reading strips the underscore again (see EntryIds)."""
    return entry_id if entry_id[0].isalpha() else f"_{entry_id}"


def _tig(lang_set: Any, form: str, kind: str, term_type: str | None = None, role: str | None = None) -> None:
    """One term; ``role`` (plural, adjective, accepted, reference) is written as its usage note."""
    tig = _sub(lang_set, "tig")
    _sub(tig, "term", form)
    if term_type:
        _sub(tig, "termNote", term_type, type="termType")
    _sub(tig, "termNote", STATUS_OUT.get(kind, STATUS_OUT[VARIANT]), type="administrativeStatus")
    if role:
        _note(tig, "form", role)


def _lang_set(entry_element: Any, lang: str, terms: Terms) -> None:
    from lxml import etree

    lang_set = etree.SubElement(entry_element, "langSet", {XML_LANG: lang})
    if terms.first_mention:
        _note(lang_set, "first-mention", terms.first_mention)
    if terms.case:
        _note(lang_set, "case", terms.case)
    for key, name in LANGUAGE_LIST_NOTES.items():
        if getattr(terms, name):
            _note(lang_set, key, json.dumps(getattr(terms, name), ensure_ascii=False))
    _tig(lang_set, terms.preferred, PREFERRED, "fullForm" if terms.short else None)
    if terms.plural:
        _tig(lang_set, terms.plural, PREFERRED, role="plural")
    if terms.short:
        _tig(lang_set, terms.short, PREFERRED, "acronym" if is_acronym(terms.short) else "abbreviation")
    for form in terms.variants:
        _tig(lang_set, form, VARIANT)
    for kind, name in ROLES.items():
        for form in getattr(terms, name):
            _tig(lang_set, form, kind, role=kind)
    for form in terms.forbidden:
        _tig(lang_set, form, FORBIDDEN)


def _term_entry(body: Any, entry: Entry) -> None:
    element = _sub(body, "termEntry", id=_xml_id(entry.id))
    if entry.source:
        _sub(element, "admin", entry.source, type="source")
    if entry.note:
        _sub(element, "note", entry.note)
    for key, name in ENTRY_NOTES.items():
        if getattr(entry, name):
            _note(element, key, getattr(entry, name))
    if entry.evidence:
        _note(element, "evidence", json.dumps(entry.evidence, ensure_ascii=False, sort_keys=True, default=str))
    for lang, terms in entry.langs.items():
        _lang_set(element, lang, terms)


def dumps_tbx(entries: list[Entry]) -> str:
    """A TBX-Basic document holding ``entries``."""
    from lxml import etree

    martif = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    header = _sub(martif, "martifHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", "diglot glossary")
    signature = Signature.make(glossary=Glossary(entries).fingerprint)
    _sub(_sub(file_desc, "sourceDesc"), "p", f"Exported by diglot {__version__} ({signature})")
    _sub(_sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = _sub(_sub(martif, "text"), "body")
    for entry in entries:
        _term_entry(body, entry)
    etree.indent(martif, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(martif, encoding="unicode") + "\n"


# ---------------------------------------------------------------------------------------- import


@dataclass
class _Form:
    text: str
    kind: str | None  # PREFERRED / VARIANT / FORBIDDEN, None when the file gives no status
    short: bool
    plural: bool
    role: str | None = None  # ADJECTIVE / ACCEPTED / REFERENCE, from diglot's usage note


def _categories(element: Any) -> Iterator[tuple[str, str]]:
    """``(data category, text)`` for the data categories directly inside ``element``.

    Categories are lower-cased: tools write ``Definition`` as well as ``definition``.

    DCA style (``<termNote type="termType">``) and DCT style (``<basic:termType>``) alike;
    a ``*Grp`` counts as its first member; ``termGrp`` (inside ``ntig``) is looked into.
    """
    for child in element:
        name = _local(child)
        if not name or name in ("term", "transacGrp") or name in TERM_CONTAINERS + LANGUAGE_CONTAINERS:
            continue
        if name == "termGrp":
            yield from _categories(child)
        elif name in GROUPS:
            first = next((c for c in child if _local(c)), None)
            if first is not None:
                yield from _categories_of(first)
        else:
            yield from _categories_of(child)


def _categories_of(element: Any) -> Iterator[tuple[str, str]]:
    name = _local(element)
    category = element.get("type", "") if name in TYPED else name
    if category:
        yield category.lower(), _plain_text(element)


def _parse(path: Path) -> Any:
    """The root element of a TBX file, parsed without network, DTD or entity expansion."""
    from lxml import etree

    text = read_text(path, utf16_bom=True)  # some CAT tools export UTF-16 with a BOM
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        encoding="utf-8",  # the text is decoded already, whatever the declaration says
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as err:
        # The parser's own log: the exception's may hold errors of earlier parses in this thread.
        log = parser.error_log
        first = log[0] if len(log) else None  # later errors follow from the first
        message, line, column = (first.message, first.line, first.column) if first else (str(err), *err.position)
        raise MalformedInput(str(path), line, column, _("malformed XML: {problem}").format(problem=message)) from None
    entity = next((e for e in root.iter(etree.Entity)), None)
    if entity is not None:
        raise MalformedInput(
            str(path),
            entity.sourceline,
            None,
            _("the XML entity {entity} is not expanded: diglot reads no DTD entities (write its text instead)").format(
                entity=entity.text
            ),
        )
    if _local(root) not in ("martif", "tbx"):
        raise InputError(
            _("{name}: not a TBX file (the root element is <{root}>, expected <martif> or <tbx>)").format(
                name=path, root=_local(root)
            )
        )
    return root


def _language_codes(given: list[str]) -> list[str | None]:
    """diglot's code for each ``xml:lang`` of one entry's language sections (None: not a language).

    A regional Korean or English (``en-US``) is plain ``en`` unless the entry has a plain one too.
    """
    codes = [language_code(tag) for tag in given]
    return [working_language(c) if c and working_language(c) not in codes else c for c in codes]


def _form_of(container: Any) -> _Form | None:
    term = next((t for t in container.iter() if _local(t) == "term"), None)
    if term is None or not _term_text(term):
        return None
    kind, short, plural, role = None, False, False, None
    for category, value in _categories(container):
        if category in STATUS_CATEGORIES and kind is None:
            kind = STATUS_IN.get(value.lower())
        elif category == "termtype":
            short = value.replace(" ", "").lower() in SHORT_TYPES
        elif (category == "grammaticalnumber" and value.lower() == "plural") or (
            category == "note" and value == "diglot-form: plural"
        ):
            plural = True
        elif category == "note" and value.startswith("diglot-form: ") and value[len("diglot-form: ") :] in ROLES:
            role = value[len("diglot-form: ") :]
    return _Form(_term_text(term), kind, short, plural, role)


def _terms_dict(forms: list[_Form]) -> dict[str, Any]:
    """The language block: the first preferred full form (else the first allowed form) is preferred."""
    roles = {name: [f.text for f in forms if f.role == kind and f.kind != FORBIDDEN] for kind, name in ROLES.items()}
    forms = [f for f in forms if f.role is None or f.kind == FORBIDDEN]
    allowed = [f for f in forms if f.kind != FORBIDDEN]
    plural = next((f for f in allowed if f.plural), None) if len(allowed) > 1 else None
    full = [f for f in allowed if not f.short and f is not plural]
    short = next((f for f in allowed if f.short), None) if full else None
    candidates = full or allowed
    preferred = next((f for f in candidates if f.kind == PREFERRED), candidates[0] if candidates else None)
    block: dict[str, Any] = {"preferred": preferred.text if preferred else None}
    if plural:
        block["plural"] = plural.text
    if short:
        block["short"] = short.text
    seen = {f.text for f in (preferred, plural, short) if f}
    for name, group in (("variants", allowed), ("forbidden", [f for f in forms if f.kind == FORBIDDEN])):
        values = [f.text for f in group if f.text not in seen]
        seen.update(values)
        if values:
            block[name] = list(dict.fromkeys(values))
    block.update({name: list(dict.fromkeys(values)) for name, values in roles.items() if values})
    return block


def _diglot_note(value: str) -> tuple[str, str] | None:
    """``("type", "person")`` for a note ``diglot-type: person``; None for any other note."""
    match = NOTE_PREFIX.match(value)
    return (match.group(1), match.group(2)) if match else None


class _EntryReader:
    """Collects one termEntry/conceptEntry into the YAML schema's dict."""

    def __init__(self, element: Any, name: str, problems: list[Problem]):
        self.name, self.problems = name, problems
        self.raw: dict[str, Any] = {}
        self.notes: list[str] = []
        self.entry_sources: list[str] = []
        self.other_sources: list[str] = []  # of languages and terms, used if the entry has none
        self.forms: dict[str, list[_Form]] = {}
        self.lang_fields: dict[str, dict[str, Any]] = {}
        self._read_entry_level(element)
        lang_sets = [c for c in element if _local(c) in LANGUAGE_CONTAINERS]
        given = [lang_set.get(XML_LANG) or lang_set.get("lang") or "" for lang_set in lang_sets]
        for lang_set, raw_code, lang in zip(lang_sets, given, _language_codes(given)):
            self._read_language(lang_set, raw_code, lang)

    def _read_entry_level(self, element: Any) -> None:
        for category, value in _categories(element):
            note = _diglot_note(value) if category == "note" else None
            if note and note[0] in ENTRY_NOTES:
                self.raw[ENTRY_NOTES[note[0]]] = note[1]
            elif note and note[0] == "evidence":
                try:
                    self.raw["evidence"] = json.loads(note[1])
                except json.JSONDecodeError:
                    self.notes.append(value)
            elif category in ("note", "definition") and value:
                self.notes.append(value)
            elif category == "source" and value:
                self.entry_sources.append(value)

    def _read_language(self, lang_set: Any, given: str, lang: str | None) -> None:
        if lang is None:
            self.problems.append(
                Problem(
                    "warning",
                    _("language {lang!r} is not a language code; its terms are left out").format(lang=given),
                    Origin(self.name, lang_set.sourceline),
                )
            )
            return
        fields = self.lang_fields.setdefault(lang, {})
        for category, value in _categories(lang_set):
            note = _diglot_note(value) if category == "note" else None
            if note and note[0] in LANGUAGE_NOTES:
                fields[LANGUAGE_NOTES[note[0]]] = note[1]
            elif note and note[0] in LANGUAGE_LIST_NOTES:
                try:
                    fields[LANGUAGE_LIST_NOTES[note[0]]] = json.loads(note[1])
                except json.JSONDecodeError:
                    self.notes.append(value)
            elif category in ("note", "definition") and value:
                self.notes.append(value)
            elif category == "source" and value:
                self.other_sources.append(value)
        for container in (c for c in lang_set if _local(c) in TERM_CONTAINERS):
            form = _form_of(container)
            if form is None:
                continue
            self.forms.setdefault(lang, []).append(form)
            for category, value in _categories(container):
                if category == "source" and value:
                    self.other_sources.append(value)
                elif category in ("note", "definition") and value and not _diglot_note(value):
                    self.notes.append(f"{form.text}: {value}")

    def result(self, origin: Origin) -> tuple[dict[str, Any], dict[str, str]]:
        """The entry's dict (without id) and its preferred form per language."""
        preferred: dict[str, str] = {}
        for lang, forms in self.forms.items():
            block = _terms_dict(forms)
            if block["preferred"] is None:
                message = _("{lang} has only deprecated terms and no form to prefer; left out").format(lang=lang)
                self.problems.append(Problem("warning", message, origin))
                continue
            block.update(self.lang_fields.get(lang, {}))
            self.raw[lang] = block
            preferred[lang] = block["preferred"]
        self.raw["source"] = "; ".join(dict.fromkeys(self.entry_sources or self.other_sources))
        self.raw["note"] = "\n".join(dict.fromkeys(self.notes))
        self.raw.setdefault("type", "term")
        return self.raw, preferred


def read_tbx(path: Path, problems: list[Problem]) -> list[Entry]:
    """Entries of a TBX-Basic 2008 or TBX 2019 file, any language order; problems appended."""
    root = _parse(path)
    name = str(path)
    ids = EntryIds()
    entries = []
    for element in (e for e in root.iter() if _local(e) in ENTRY_CONTAINERS):
        origin = Origin(name, element.sourceline)
        raw, preferred = _EntryReader(element, name, problems).result(origin)
        if not preferred:
            problems.append(Problem("warning", _("an entry without terms was left out"), origin))
            continue
        entry = ids.build(raw, element.get("id") or element.get(XML_ID), origin, problems)
        if entry is not None:
            entries.append(entry)
    return entries


class TbxFormat(GlossaryFormat):
    """TBX-Basic out; TBX-Basic 2008 and TBX 2019 in."""

    name = "tbx"
    suffixes = (".tbx", ".xml")
    description = N_("TBX (ISO 30042): TBX-Basic out, TBX-Basic 2008 and TBX 2019 in, every field")

    def read(self, path: Path, problems: list[Problem]) -> list[Entry]:
        return read_tbx(Path(path), problems)

    def dumps(self, entries: list[Entry]) -> str:
        return dumps_tbx(entries)

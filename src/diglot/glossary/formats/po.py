"""gettext PO, via polib: one message per entry, for translators' PO editors and Weblate-like tools.

``msgctxt`` is the entry id, ``msgid`` the source language's preferred form (Korean by default),
``msgstr`` the target's (English). Everything else travels in extracted comments (``#.``), one
``key: value`` line each, so the file reads back into the entries it came from::

    #. type: organization
    #. source: The organisation's own English name
    #. en.short: CNKR
    #. en.variants: ["N.K. defector", "defector"]
    msgctxt "cnkr"
    msgid "북한난민구호위원회"
    msgstr "Commission to Help North Korean Refugees"

Lists are JSON; a value with line breaks takes one line per line of text. Reading someone
else's catalogue, extracted comments that are not ``key: value`` lines and translator comments
(``#``) become the entry's note, a fuzzy message becomes a ``proposed`` entry, and a message
without ``msgctxt`` is named after its English form.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diglot import __version__
from diglot.errors import DiglotError, MalformedInput
from diglot.glossary.formats.base import EntryIds, GlossaryFormat, language_code, working_language
from diglot.glossary.model import LIST_FIELDS, TERM_FIELDS, Entry, Glossary, Origin, Problem
from diglot.i18n import N_, _
from diglot.provenance import Signature
from diglot.textio import read_text

if TYPE_CHECKING:
    import polib

ENTRY_KEYS = ("type", "status", "source", "note", "valid_from", "valid_until", "evidence")
# "key: value" or "lang.key: value"; polib drops the space of an empty value ("note:").
COMMENT_LINE = re.compile(r"^(?:(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]+)?)\.)?(?P<key>[a-z_]+):(?: (?P<value>.*))?$")
SYNTAX_LINE = re.compile(r"\(line (\d+)\)")
# A line of a PO file that holds a string: keyword (or none: a continuation) and one quoted string.
STRING_LINE = re.compile(r'^(?:#[~|]\s*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*$')
KEYWORD_LINE = re.compile(r"^(?:#[~|]\s*)?(?:msgctxt|msgid|msgid_plural|msgstr)\b|^\s*\"")


def _lines(key: str, value: Any) -> list[str]:
    if isinstance(value, (list, dict)):
        return [f"{key}: {json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)}"]
    return [f"{key}: {line}" for line in str(value).split("\n")]


def _comment(entry: Entry, source_lang: str, target_lang: str) -> str:
    lines: list[str] = []
    data = entry.as_dict()
    for key in ENTRY_KEYS:
        if key in data:
            lines += _lines(key, data[key])
    for lang, terms in entry.langs.items():
        for name, value in terms.as_dict().items():
            if name != "preferred" or lang not in (source_lang, target_lang):
                lines += _lines(f"{lang}.{name}", value)
    return "\n".join(lines)


def dumps_po(entries: list[Entry], source_lang: str = "ko", target_lang: str = "en") -> str:
    """A PO catalogue of ``entries``: msgctxt = id, msgid = source form, msgstr = target form."""
    import polib  # here, not at the top: loading a YAML glossary should not pay for it

    po = polib.POFile(wrapwidth=0)
    signature = Signature.make(glossary=Glossary(entries).fingerprint)
    po.header = f"diglot glossary, {source_lang} → {target_lang}\nExported by diglot {__version__} ({signature})"
    po.metadata = {
        "Project-Id-Version": "diglot glossary",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": target_lang.replace("-", "_"),  # gettext writes pt_BR
        "X-Source-Language": source_lang.replace("-", "_"),
        "X-Generator": f"diglot {__version__}",
    }
    for entry in entries:
        source = entry.langs.get(source_lang)
        if source is None:
            raise DiglotError(
                _("entry {id} has no {lang} form, which a PO file needs as its msgid").format(id=entry.id, lang=source_lang)
            )
        target = entry.langs.get(target_lang)
        po.append(
            polib.POEntry(
                msgctxt=entry.id,
                msgid=source.preferred,
                msgstr=target.preferred if target else "",
                comment=_comment(entry, source_lang, target_lang),
            )
        )
    return str(po) + "\n"


def _check_strings(text: str, name: str) -> None:
    """Refuse a string polib would read wrongly: it takes ``msgid "abc`` (unterminated) as ``ab``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if KEYWORD_LINE.match(line) and not STRING_LINE.match(line):
            raise MalformedInput(name, number, None, _("malformed PO: expected one quoted string on this line"))


def _parse(path: Path) -> polib.POFile:
    import polib

    text = read_text(path)
    _check_strings(text, str(path))
    try:
        # polib opens its argument as a file if it names one: a leading line break makes sure the
        # text is never taken for a path (a one-line "/etc/passwd" is text here). Lines shift by one.
        po = polib.pofile("\n" + text, wrapwidth=0)
    except (OSError, ValueError) as err:
        match = SYNTAX_LINE.search(str(err))
        line = int(match.group(1)) - 1 if match else None
        problem = _("malformed PO: {problem}").format(problem=SYNTAX_LINE.sub("", str(err)).strip())
        raise MalformedInput(str(path), line, None, problem) from None
    for message in po:
        message.linenum = max(message.linenum - 1, 0)
    return po


def _language(header: str | None, default: str) -> str:
    code = language_code(header or "")
    return working_language(code) if code else default


def _entry_dict(message: polib.POEntry, source_lang: str, target_lang: str, origin: Origin, problems: list[Problem]) -> dict[str, Any]:
    raw: dict[str, Any] = {"type": "term"}
    notes: list[str] = []
    scalars: dict[tuple[str | None, str], list[str]] = {}
    for line in (message.comment or "").split("\n"):
        match = COMMENT_LINE.match(line)
        lang, key = (match.group("lang"), match.group("key")) if match else (None, "")
        known = key in ENTRY_KEYS if lang is None else key in TERM_FIELDS
        if not match or not known:
            if line.strip():
                notes.append(line.strip())
            continue
        value = match.group("value") or ""
        if key in LIST_FIELDS or key == "evidence":
            try:
                parsed = json.loads(value)
            except json.JSONDecodeError as err:
                problems.append(Problem("error", _("{key}: not valid JSON ({problem})").format(key=line.split(":")[0], problem=err.msg), origin))
                continue
            (raw.setdefault(lang, {}) if lang else raw)[key] = parsed
        else:
            scalars.setdefault((lang, key), []).append(value)
    for (lang, key), values in scalars.items():
        (raw.setdefault(lang, {}) if lang else raw)[key] = "\n".join(values)
    target = message.msgstr or (message.msgstr_plural or {}).get(0, "")
    for lang, form in ((source_lang, message.msgid), (target_lang, target)):
        if form.strip():
            block = raw.setdefault(lang, {})
            if isinstance(block, dict):
                block["preferred"] = form
    notes += [line.strip() for line in (message.tcomment or "").split("\n") if line.strip()]
    if notes:
        raw["note"] = "\n".join(filter(None, [raw.get("note"), *notes]))
    if message.fuzzy:
        raw.setdefault("status", "proposed")
    return raw


def read_po(path: Path, problems: list[Problem], source_lang: str = "ko", target_lang: str = "en") -> list[Entry]:
    """Entries of a PO file; the header's ``X-Source-Language`` and ``Language`` override the pair."""
    po = _parse(path)
    source_lang = _language(po.metadata.get("X-Source-Language"), source_lang)
    target_lang = _language(po.metadata.get("Language"), target_lang)
    name = str(path)
    ids = EntryIds()
    entries = []
    for message in po:
        if message.obsolete or not message.msgid:
            continue
        origin = Origin(name, message.linenum or 1)  # polib gives 0 for a first message without header
        raw = _entry_dict(message, source_lang, target_lang, origin, problems)
        entry = ids.build(raw, message.msgctxt, origin, problems)
        if entry is not None:
            entries.append(entry)
    return entries


class PoFormat(GlossaryFormat):
    """gettext PO: msgctxt = entry id, msgid = source form, msgstr = target form."""

    name = "po"
    suffixes = (".po",)
    description = N_("gettext PO: msgctxt = entry id, msgid = source form, msgstr = target form, every field")

    def read(self, path: Path, problems: list[Problem]) -> list[Entry]:
        return read_po(Path(path), problems, self.source_lang, self.target_lang)

    def dumps(self, entries: list[Entry]) -> str:
        return dumps_po(entries, self.source_lang, self.target_lang)

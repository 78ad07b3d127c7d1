"""The base class of glossary file formats, and what the formats that read other tools' files share:
reading their language tags (:func:`language_code`, :func:`working_language`) and naming their
entries (:class:`EntryIds`)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from diglot.glossary.model import ENTRY_ID, LANGUAGE_CODE, REQUIRED_LANGUAGES, Entry, Origin, Problem, entry_from_dict, unique_id
from diglot.i18n import _
from diglot.registry import Member


class GlossaryFormat(Member):
    """One file format a glossary can be read from or written to.

    Subclasses set :attr:`name`, :attr:`suffixes` and :attr:`description` (what
    :mod:`diglot.registry` reads) and implement :meth:`read` and :meth:`dumps`.

    ``source_lang`` and ``target_lang`` are the language pair of the formats that hold two
    languages (CSV, TSV, PO: source column or msgid, target column or msgstr); the formats that
    hold every language (YAML, TBX) ignore them.
    """

    def __init__(self, source_lang: str = "ko", target_lang: str = "en"):
        self.source_lang = source_lang
        self.target_lang = target_lang

    def read(self, path: Path, problems: list[Problem]) -> list[Entry]:
        """Read entries from ``path``; append problems to ``problems``; raise ``InputError`` if unreadable."""
        raise NotImplementedError

    def dumps(self, entries: list[Entry]) -> str:
        """Serialise ``entries`` to the text of a file in this format."""
        raise NotImplementedError


def language_code(tag: str) -> str | None:
    """diglot's code for a language tag of another tool: ``ko_KR`` → ``ko-KR``, ``zh-Hant-TW`` →
    ``zh-Hant``, ``EN`` → ``en``; None if it is not a language tag."""
    parts = tag.strip().replace("_", "-").split("-")
    parts[0] = parts[0].lower()
    for code in ("-".join(parts[:2]), parts[0]):
        if LANGUAGE_CODE.match(code):
            return code
    return None


def working_language(code: str) -> str:
    """``en-US`` → ``en``, ``ko-KR`` → ``ko``: regional Korean and English are read as the languages
    diglot works in; other languages keep their region (``pt-BR``)."""
    primary = code.split("-")[0]
    return primary if primary in REQUIRED_LANGUAGES else code


def slug(text: str, max_length: int = 60) -> str:
    """An entry id made from a form: ASCII lowercase words joined by hyphens ("" if none)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split()
    out = ""
    for word in words:  # cut at a word boundary so ids stay readable
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > max_length and out:
            break
        out = candidate[:max_length]
    return out


class EntryIds:
    """Names the entries read from another tool's file with unique ids.

    An id the file gives is kept if it is a valid diglot id, else turned into one with :func:`slug`;
    an entry without one is named after its English (else any) preferred form; a taken id gets
    ``-2``, ``-3``, …
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def base(self, given: str | None, forms: dict[str, str]) -> str:
        """The id ``given`` (the file's own, if any) or ``forms`` (language → preferred form) suggest."""
        base = given if given and ENTRY_ID.match(given) else slug(given or "")
        if not base:
            ordered = [forms["en"]] if "en" in forms else []
            base = next((s for s in map(slug, ordered + list(forms.values())) if s), "entry")
        return base

    def unique(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3``, … if taken; the id returned is taken from then on."""
        candidate = unique_id(base, self.taken)
        self.taken.add(candidate)
        return candidate

    def build(self, raw: dict[str, Any], given: str | None, origin: Origin, problems: list[Problem]) -> Entry | None:
        """The entry of ``raw`` (the YAML schema, without id) named with a fresh id; problems appended.

        ``given`` is the id the file gives, if any; one used twice is renamed with a warning.
        """
        forms = {k: v["preferred"] for k, v in raw.items() if isinstance(v, dict) and isinstance(v.get("preferred"), str)}
        wanted = self.base(given, forms)
        raw = {**raw, "id": self.unique(wanted)}
        if given and raw["id"] != wanted:
            message = _("entry id {given!r} is used twice; the second is read as {id}").format(given=given, id=raw["id"])
            problems.append(Problem("warning", message, origin))
        return entry_from_dict(raw, origin, problems)

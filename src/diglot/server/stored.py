"""Glossaries pushed to the server (DeepL's ``/v2/glossaries``), kept as real diglot glossaries.

Each one is a YAML glossary file, ``<id>.yaml``, beside a small ``<id>.json`` that holds what
DeepL's API reports about it (name, language pair, creation time). Both are written atomically
in the server's data folder, so a glossary survives restarts and a crash never leaves half of
one. The entries are read from DeepL's TSV or CSV with diglot's own importer, so rows that share
a form become one entry with a preferred form and variants, enforced like any curated entry.
"""

from __future__ import annotations

import datetime
import json
import os
import tempfile
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from diglot.errors import DiglotError
from diglot.glossary import Glossary, Origin, Problem, load_glossary
from diglot.i18n import _
from diglot.textio import atomic_write

# Rows one pushed or inline glossary may hold. Each entry costs about a millisecond to write,
# lint and read back, so 10,000 take seconds; 600,000 (10 MB of TSV) took many minutes.
MAX_ENTRIES = 10_000


@dataclass(frozen=True)
class StoredGlossary:
    id: str
    name: str
    source_lang: str
    target_lang: str
    creation_time: str
    entry_count: int
    path: Path

    def as_deepl(self) -> dict:
        return {
            "glossary_id": self.id,
            "name": self.name,
            "ready": True,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "creation_time": self.creation_time,
            "entry_count": self.entry_count,
        }


def parse_entries(
    text: str, entries_format: str, source_lang: str, target_lang: str, scratch: Path | None = None
) -> Glossary:
    """A glossary from DeepL-style TSV or CSV rows (source term, target term), at most
    :data:`MAX_ENTRIES` of them. The rows are read by diglot's importer from a file that lives
    only while they are read, in ``scratch`` (the server's data folder) if given."""
    from diglot.glossary.formats import get_format

    if entries_format not in ("tsv", "csv"):
        raise DiglotError(_("entries_format must be tsv or csv, not {value}").format(value=entries_format))
    rows = sum(1 for line in text.splitlines() if line.strip())
    if rows > MAX_ENTRIES:
        raise DiglotError(_("{count} rows, more than the {limit} a glossary sent to the server may hold").format(
            count=rows, limit=MAX_ENTRIES))
    fmt = get_format(entries_format, source_lang=source_lang, target_lang=target_lang)
    if scratch is not None:
        scratch.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".entries-", dir=scratch) as folder:
        path = Path(folder) / f"entries.{entries_format}"
        path.write_text(text, encoding="utf-8")
        problems: list[Problem] = []
        try:
            entries = fmt.read(path, problems)
        except DiglotError as err:  # the file is the server's own: its path means nothing to the client
            raise DiglotError(str(err).replace(str(path), "entries")) from None
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DiglotError(_("line {line}: {problem}").format(
            line=errors[0].origin.line, problem=str(errors[0].message).replace(str(path), "entries")))
    if not entries:
        raise DiglotError(_("the glossary has no entries"))
    return Glossary(entries)


def inline_glossary(value, source_lang: str, target_lang: str, scratch: Path | None = None) -> Glossary:
    """Entries given with a request: ``{"탈북자": "North Korean defector"}`` (source term →
    target term), or a list of entries in diglot's YAML schema (``{"id": …, "ko": {…}, …}``);
    at most :data:`MAX_ENTRIES` either way. ``scratch``: as for :func:`parse_entries`."""
    from diglot.glossary.lint import lint
    from diglot.glossary.model import entry_from_dict

    if isinstance(value, dict):
        if not all(isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in value.items()):
            raise DiglotError(_("inline glossary entries must map a source term to a target term"))
        if any(c in form for pair in value.items() for form in pair for c in "\t\n"):
            raise DiglotError(_("a glossary term may not hold a tab or a line break"))
        rows = "".join(f"{k.strip()}\t{v.strip()}\n" for k, v in value.items())
        return parse_entries(rows, "tsv", source_lang, target_lang, scratch)
    if isinstance(value, list) and len(value) > MAX_ENTRIES:
        raise DiglotError(_("{count} rows, more than the {limit} a glossary sent to the server may hold").format(
            count=len(value), limit=MAX_ENTRIES))
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        problems: list[Problem] = []
        entries = [entry_from_dict(item, Origin("request", i + 1), problems) for i, item in enumerate(value)]
        glossary = Glossary([e for e in entries if e is not None], problems)
        errors = [p for p in lint(glossary) if p.severity == "error"]
        if errors:
            raise DiglotError(_("glossary entry {n}: {problem}").format(n=errors[0].origin.line, problem=errors[0].message))
        return glossary
    raise DiglotError(_("glossary must be a glossary name, a map of source to target terms, or a list of entries"))


class StoredGlossaries:
    """The pushed glossaries of one data folder."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, Glossary]] = {}

    def _info(self, path: Path) -> StoredGlossary | None:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return StoredGlossary(**{**raw, "path": path.with_suffix(".yaml")})
        except (OSError, ValueError, TypeError):
            return None

    def list(self) -> list[StoredGlossary]:
        if not self.folder.is_dir():
            return []
        found = (self._info(p) for p in sorted(self.folder.glob("*.json")))
        return sorted((g for g in found if g and g.path.is_file()), key=lambda g: g.creation_time)

    def get(self, glossary_id: str) -> StoredGlossary | None:
        try:
            uuid.UUID(glossary_id)
        except ValueError:
            return None  # ids are UUIDs; anything else never names a file
        info = self._info(self.folder / f"{glossary_id}.json")
        return info if info and info.path.is_file() else None

    def find(self, name_or_id: str) -> StoredGlossary | None:
        """By id, else by name (the newest of that name)."""
        by_id = self.get(name_or_id)
        if by_id:
            return by_id
        named = [g for g in self.list() if g.name == name_or_id]
        return named[-1] if named else None

    def glossary(self, stored: StoredGlossary) -> Glossary:
        """The entries of a stored glossary, read once per change of its file."""
        mtime = os.stat(stored.path).st_mtime
        with self._lock:
            cached = self._cache.get(stored.id)
            if cached is None or cached[0] != mtime:
                cached = (mtime, load_glossary([stored.path]))
                self._cache[stored.id] = cached
            return cached[1]

    def create(self, name: str, source_lang: str, target_lang: str, glossary: Glossary) -> StoredGlossary:
        from diglot.glossary.formats import get_format
        from diglot.glossary.lint import lint

        errors = [p for p in lint(glossary) if p.severity == "error"]
        if errors:  # linted before anything is written, as `diglot glossary add` does
            raise DiglotError(str(errors[0].message))
        self.folder.mkdir(parents=True, exist_ok=True)
        glossary_id = str(uuid.uuid4())
        now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        stored = StoredGlossary(glossary_id, name, source_lang, target_lang, now, len(glossary),
                                self.folder / f"{glossary_id}.yaml")
        atomic_write(stored.path, get_format("yaml").dumps(list(glossary)))
        load_glossary([stored.path])  # what was written reads back as a valid glossary
        meta = {k: v for k, v in stored.__dict__.items() if k != "path"}
        atomic_write(stored.path.with_suffix(".json"), json.dumps(meta, ensure_ascii=False, indent=2) + "\n")
        return stored

    def delete(self, glossary_id: str) -> bool:
        stored = self.get(glossary_id)
        if stored is None:
            return False
        stored.path.with_suffix(".json").unlink(missing_ok=True)  # the record first: no half-listed glossary
        stored.path.unlink(missing_ok=True)
        with self._lock:
            self._cache.pop(glossary_id, None)
        return True

    def entries_tsv(self, stored: StoredGlossary) -> str:
        """The entries as DeepL returns them: ``source<TAB>target`` rows."""
        from diglot.glossary.formats import get_format

        fmt = get_format("tsv", source_lang=stored.source_lang, target_lang=stored.target_lang)
        return fmt.dumps(list(self.glossary(stored)))

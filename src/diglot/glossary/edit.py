"""Editing glossary YAML files in place: add and remove entries, safely.

Edits work on the file's text, not on a re-dump of the parsed data, so comments and layout
survive. Each edit takes the file's edit lock (a second editor is refused), checks that the
result still parses to exactly the expected entries, and replaces the file atomically, so a
crash leaves the old file intact.
"""

from __future__ import annotations

import os
from pathlib import Path

from diglot.errors import DiglotError
from diglot.glossary.formats.yaml import dump_entries, entries_with_lines
from diglot.glossary.model import Entry, Problem
from diglot.i18n import _
from diglot.textio import atomic_write, edit_lock, read_text

_EMPTY_FILE = "entries:\n"


def _parse(text: str, name: str) -> list[tuple[Entry, int, int]]:
    problems: list[Problem] = []
    parsed = entries_with_lines(text, name, problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DiglotError(_("{name} has errors; fix them first: {first}").format(name=name, first=errors[0]))
    return parsed


def add_entries(path: str | os.PathLike[str], new: list[Entry]) -> None:
    """Append ``new`` entries to the glossary file ``path`` (created if missing)."""
    p = Path(path)
    with edit_lock(p):
        text = read_text(p) if p.exists() else _EMPTY_FILE
        existing = _parse(text, str(p))
        ids = {entry.id for entry, _line, _column in existing}
        for entry in new:
            if entry.id in ids:
                raise DiglotError(_("{name} already has an entry {id}").format(name=p, id=entry.id))
            ids.add(entry.id)
        _require_block_list(p, text, existing)
        indent = max(existing[0][2] - 3, 0) if existing else 2  # the column of `id:` less "- "
        updated = text.rstrip("\n") + "\n" + dump_entries(new, indent)
        if not existing and "entries:" not in text:
            updated = _EMPTY_FILE + dump_entries(new, indent)
        _replace(p, updated, [e.id for e, _l, _c in existing] + [e.id for e in new])


def remove_entry(path: str | os.PathLike[str], entry_id: str) -> Entry:
    """Remove the entry ``entry_id`` from ``path``, keeping every other line as it was."""
    p = Path(path)
    with edit_lock(p):
        text = read_text(p)
        existing = _parse(text, str(p))
        index = next((i for i, (entry, _l, _c) in enumerate(existing) if entry.id == entry_id), None)
        if index is None:
            raise DiglotError(_("{name} has no entry {id}").format(name=p, id=entry_id))
        _require_block_list(p, text, existing)
        lines = text.splitlines(keepends=True)
        first = existing[index][1] - 1
        stop = existing[index + 1][1] - 1 if index + 1 < len(existing) else len(lines)
        # Comments just above the next entry describe it: keep them.
        while stop - 1 > first and index + 1 < len(existing) and lines[stop - 1].lstrip().startswith("#"):
            stop -= 1
        updated = "".join(lines[:first] + lines[stop:])
        _replace(p, updated, [e.id for i, (e, _l, _c) in enumerate(existing) if i != index])
        return existing[index][0]


def _require_block_list(path: Path, text: str, existing: list[tuple[Entry, int, int]]) -> None:
    """Text edits need one entry per ``- `` item; an inline list (``entries: [...]``) is refused."""
    lines = text.splitlines()
    if any(not lines[line - 1][: column - 1].rstrip().endswith("-") for _entry, line, column in existing):
        raise DiglotError(_("{name} writes its entries inline; only block lists can be edited").format(name=path))


def _replace(path: Path, text: str, expected_ids: list[str]) -> None:
    """Write ``text`` over ``path`` atomically, after checking it holds exactly ``expected_ids``."""
    ids = [entry.id for entry, _line, _column in _parse(text, str(path))]
    if ids != expected_ids:  # an edit that would lose or garble an entry is never written
        raise DiglotError(_("{name}: the edit would change other entries; the file was left as it was").format(name=path))
    atomic_write(path, text)

"""Editing glossary YAML files in place: add and remove entries, safely.

Edits work on the file's text, not on a re-dump of the parsed data, so comments and layout
survive. Each edit

* edits the file a symbolic link points to (the link stays), keeping its owner and mode;
* takes the file's edit lock (a second editor is refused at once);
* checks the result before writing it: the file still parses to exactly the expected entries,
  and, for an addition, the whole glossary it belongs to (``context``: the entries of the other
  files) stays free of errors: no id used twice, no form claimed by two entries;
* replaces the file atomically, so a crash leaves the old file intact.

Only YAML files are edited; a TBX, CSV or PO glossary is converted first (``diglot glossary import``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable

from diglot.errors import DiglotError
from diglot.glossary.formats.yaml import YamlFormat, dump_entries, entries_with_lines
from diglot.glossary.lint import lint
from diglot.glossary.model import Entry, Glossary, Problem
from diglot.i18n import _
from diglot.textio import atomic_write, check_output_path, edit_lock, read_text

_EMPTY_FILE = "entries:\n"
_EMPTY_FLOW_LIST = re.compile(r"^entries:[ \t]*\[[ \t]*\][ \t]*(#.*)?$", re.MULTILINE)  # entries: []


def _parse(text: str, name: str) -> list[tuple[Entry, int, int]]:
    problems: list[Problem] = []
    parsed = entries_with_lines(text, name, problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DiglotError(_("{name} has errors; fix them first: {first}").format(name=name, first=errors[0]))
    return parsed


def editable_path(path: str | os.PathLike[str]) -> Path:
    """The file an edit of ``path`` writes: the target of a symbolic link, a regular file (or none
    yet) in a folder that exists and can be written; YAML only."""
    given = Path(path)
    if given.suffix.lower() not in YamlFormat.suffixes:
        raise DiglotError(
            _("{name}: only YAML glossaries can be edited; convert it first: diglot glossary import {name} -o FILE.yaml").format(
                name=given
            )
        )
    # A link is followed; what it names must be a file (or none yet) in a folder we may write.
    return check_output_path(os.path.realpath(given), force=True)


def rest_of_glossary(path: str | os.PathLike[str]) -> list[Entry]:
    """The entries of the glossary ``path`` belongs to, but for its own: those of the other YAML
    files in its folder (the curated glossaries are one folder). The ``context`` of :func:`add_entries`."""
    from diglot.glossary.load import read_glossary

    own = Path(os.path.realpath(path))
    if not own.parent.is_dir():
        return []
    others = [
        p
        for p in sorted(own.parent.iterdir())
        if p.suffix.lower() in YamlFormat.suffixes and p.is_file() and Path(os.path.realpath(p)) != own
    ]
    return read_glossary(others).entries if others else []


def add_entries(path: str | os.PathLike[str], new: list[Entry], context: Iterable[Entry] = ()) -> None:
    """Append ``new`` entries to the glossary file ``path`` (created if missing).

    ``context`` is the rest of the glossary the file belongs to (the entries of its other
    files): an addition that would give it an error (an id or a form another entry already
    has) is refused with lint's message, and nothing is written.
    """
    p = editable_path(path)
    with edit_lock(p):
        text = read_text(p) if p.exists() else _EMPTY_FILE
        existing = _parse(text, str(path))
        _require_block_list(Path(path), text, existing)
        if not existing:
            text = _EMPTY_FLOW_LIST.sub("entries:", text, count=1) if "entries:" in text else _EMPTY_FILE
        indent = max(existing[0][2] - 3, 0) if existing else 2  # the column of `id:` less "- "
        updated = text.rstrip("\n") + "\n" + dump_entries(new, indent)
        result = _check(updated, str(path), [e.id for e, _l, _c in existing] + [e.id for e in new])
        _refuse_new_errors(list(context), [e for e, _l, _c in existing], result)
        atomic_write(p, updated)


def remove_entry(path: str | os.PathLike[str], entry_id: str) -> Entry:
    """Remove the entry ``entry_id`` from ``path``, keeping every other line (and comment) as it was."""
    p = editable_path(path)
    with edit_lock(p):
        text = read_text(p)
        existing = _parse(text, str(path))
        index = next((i for i, (entry, _l, _c) in enumerate(existing) if entry.id == entry_id), None)
        if index is None:
            raise DiglotError(_("{name} has no entry {id}").format(name=path, id=entry_id))
        _require_block_list(Path(path), text, existing)
        lines = text.splitlines(keepends=True)
        first = existing[index][1] - 1
        if index + 1 < len(existing):
            stop = existing[index + 1][1] - 1
            # Comments just above the next entry describe it: keep them.
            while stop - 1 > first and lines[stop - 1].lstrip().startswith("#"):
                stop -= 1
        else:
            # The last entry ends at its last line of its own: blank lines and comments no more
            # indented than its `- ` after it belong to the file (a closing remark), not to it.
            dash = existing[index][2] - 3
            stop = len(lines)
            while stop - 1 > first and _outside(lines[stop - 1], dash):
                stop -= 1
        updated = "".join(lines[:first] + lines[stop:])
        _check(updated, str(path), [e.id for i, (e, _l, _c) in enumerate(existing) if i != index])
        atomic_write(p, updated)
        return existing[index][0]


def _outside(line: str, dash: int) -> bool:
    stripped = line.lstrip()
    return not stripped or (stripped.startswith("#") and len(line) - len(stripped) <= dash)


def _require_block_list(path: Path, text: str, existing: list[tuple[Entry, int, int]]) -> None:
    """Text edits need one entry per ``- `` item; an inline list (``entries: [...]``) is refused."""
    lines = text.splitlines()
    if any(not lines[line - 1][: column - 1].rstrip().endswith("-") for _entry, line, column in existing):
        raise DiglotError(_("{name} writes its entries inline; only block lists can be edited").format(name=path))


def _check(text: str, name: str, expected_ids: list[str]) -> list[Entry]:
    """The entries of ``text``, after checking they are exactly ``expected_ids``."""
    entries = [entry for entry, _line, _column in _parse(text, name)]
    if [e.id for e in entries] != expected_ids:  # an edit that would lose or garble an entry is never written
        raise DiglotError(_("{name}: the edit would change other entries; the file was left as it was").format(name=name))
    return entries


def _refuse_new_errors(context: list[Entry], before: list[Entry], after: list[Entry]) -> None:
    """Refuse an edit that gives the whole glossary an error it did not have (lint's message)."""
    known = {str(p) for p in lint(Glossary(context + before)) if p.severity == "error"}
    new = [p for p in lint(Glossary(context + after)) if p.severity == "error" and str(p) not in known]
    if new:
        raise DiglotError(_("the entry was not added: {problem}").format(problem=new[0]))

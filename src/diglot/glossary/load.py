"""Loading glossaries from files and folders of any supported format."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from diglot.errors import DiglotError, InputError
from diglot.glossary.cache import read_cached
from diglot.glossary.formats import format_for_path
from diglot.glossary.model import Glossary, Origin, Problem
from diglot.i18n import _
from diglot.paths import data_dir


def default_glossary_dir() -> Path:
    """The curated glossaries shipped with diglot (inside a wheel, else the repo's ``glossaries/``)."""
    return data_dir("glossaries")


def glossary_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand folders into the YAML files they hold (sorted); keep files as they are. A file met
    twice (``-g g.yaml -g ./g.yaml``, or a file and its folder) is read once: read twice, every
    entry of it was refused as a duplicate id of itself."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file())
            if not found:
                raise InputError(_("{name}: no glossary files (*.yaml) in this folder").format(name=path))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError(_("{name}: no such file").format(name=path))
    unique: dict[str, Path] = {}
    for path in files:
        unique.setdefault(os.path.realpath(path), path)
    return list(unique.values())


def read_glossary(paths: Iterable[str | os.PathLike[str]] | None = None) -> Glossary:
    """Read glossaries, collecting every problem (for lint) rather than stopping at the first.

    File-level failures (unreadable, binary, malformed YAML) still raise ``InputError``.
    A file read before and unchanged since comes from the cache (:mod:`diglot.glossary.cache`).
    """
    files = glossary_files(paths if paths else [default_glossary_dir()])
    problems: list[Problem] = []
    entries = []
    for path in files:
        entries.extend(read_cached(path, format_for_path(path), problems))
    return Glossary(entries, problems)


def load_glossary(paths: Iterable[str | os.PathLike[str]] | None = None) -> Glossary:
    """Read glossaries for use: any error in an entry, or an id used twice, stops with a message."""
    glossary = read_glossary(paths)
    errors = [p for p in glossary.problems if p.severity == "error"]
    seen: dict[str, Origin | None] = {}
    for entry in glossary:
        if entry.id in seen:
            errors.append(Problem("error", _("duplicate id {id}").format(id=entry.id), entry.origin or Origin("?")))
        seen[entry.id] = entry.origin
    if errors:
        raise DiglotError(
            _("{first} ({count} errors in all; run `diglot glossary lint` to see them)").format(
                first=errors[0], count=len(errors)
            )
        )
    return glossary

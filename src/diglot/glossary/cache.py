"""A cache of parsed glossary files: a large glossary is parsed once, not by every command.

Parsing 50,000 entries of YAML takes seconds; reading them back from the cache (JSON, built
straight into entries without checking them again) takes a fraction of that. Each file has its
own cache file in :func:`diglot.paths.cache_dir` (``glossaries``), named after the file's path,
its format, diglot's version and the language of messages, and holding the file's size,
``mtime_ns`` and SHA-256: any change to the file, or a different diglot, misses the cache.
A cache that cannot be read or written (damaged, a read-only home) is passed over silently:
the file is parsed as if there were none.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any, Iterator

from diglot import __version__
from diglot.glossary.formats.base import GlossaryFormat
from diglot.glossary.model import Entry, Origin, Problem, Terms
from diglot.i18n import current_language
from diglot.paths import cache_dir
from diglot.textio import atomic_write, max_input_bytes

CACHE_FORMAT = 1  # bump when what is cached changes shape
_ENTRY_FIELDS = ("id", "type", "status", "source", "note", "valid_from", "valid_until", "evidence")


def read_cached(path: Path, reader: GlossaryFormat, problems: list[Problem]) -> list[Entry]:
    """``reader.read(path, problems)``, from the cache when the file has not changed since."""
    try:
        status = path.stat()
        # A pipe would block and a file past the size limit is not read at all (not even to
        # hash it): the reader refuses both before reading.
        if not stat.S_ISREG(status.st_mode) or status.st_size > max_input_bytes():
            return reader.read(path, problems)
        data = path.read_bytes()
    except OSError:
        return reader.read(path, problems)  # the reader says why it cannot be read
    digest = hashlib.sha256(data).hexdigest()
    where = _cache_file(path, reader)
    cached = _load(where, status, digest)
    if cached is not None:
        entries, cached_problems = cached
        problems.extend(cached_problems)
        return entries
    own: list[Problem] = []
    entries = reader.read(path, own)
    problems.extend(own)
    _store(where, status, digest, entries, own)
    return entries


def _cache_file(path: Path, reader: GlossaryFormat) -> Path:
    key = "\0".join(
        [os.path.realpath(path), reader.name, reader.source_lang, reader.target_lang, current_language(), __version__, str(CACHE_FORMAT)]
    )
    return cache_dir("glossaries") / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}.json"


def _load(where: Path, status: os.stat_result, digest: str) -> tuple[list[Entry], list[Problem]] | None:
    try:
        cached = json.loads(where.read_bytes())
        if (cached["size"], cached["mtime_ns"], cached["sha256"]) != (status.st_size, status.st_mtime_ns, digest):
            return None
        with _no_cyclic_collection():
            entries = [_entry(raw) for raw in cached["entries"]]
        problems = [Problem(severity, message, Origin(*origin)) for severity, message, origin in cached["problems"]]
    except (OSError, ValueError, KeyError, TypeError):  # missing, damaged or of another shape: parse again
        return None
    return entries, problems


def _store(where: Path, status: os.stat_result, digest: str, entries: list[Entry], problems: list[Problem]) -> None:
    record = {
        "size": status.st_size,
        "mtime_ns": status.st_mtime_ns,
        "sha256": digest,
        "entries": [{**e.as_dict(), "origin": _origin(e.origin)} for e in entries],
        "problems": [[p.severity, p.message, _origin(p.origin)] for p in problems],
    }
    with contextlib.suppress(OSError, TypeError, ValueError):  # a cache we cannot write is no cache
        where.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(where, json.dumps(record, ensure_ascii=False, default=str))


@contextlib.contextmanager
def _no_cyclic_collection() -> Iterator[None]:
    """Building many small objects sets off the cyclic garbage collector again and again (four
    fifths of the time for 50,000 entries), though entries hold no cycles: pause it meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _origin(origin: Origin | None) -> list[Any]:
    return [origin.file, origin.line, origin.column] if origin else ["?", None, None]


def _entry(raw: dict[str, Any]) -> Entry:
    """The entry :meth:`Entry.as_dict` wrote (checked when it was parsed, so not checked again)."""
    raw = dict(raw)
    origin = Origin(*raw.pop("origin"))
    fields = {name: raw.pop(name) for name in _ENTRY_FIELDS if name in raw}
    return Entry(langs={lang: Terms(**block) for lang, block in raw.items()}, origin=origin, **fields)

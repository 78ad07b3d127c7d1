"""Translation memory: an SQLite cache of what the engine produced for each input sentence.

The key is a hash of the model id, the glossary fingerprint, the decoding settings that shape
the output and the engine input (the source sentence, NFC-normalised with whitespace collapsed,
after glossary protection). An unchanged sentence is therefore never decoded twice and always
gets the same output; changing the model, the glossary or the beam size misses the cache.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
import unicodedata
from pathlib import Path

from diglot.i18n import _

_SCHEMA = """
CREATE TABLE IF NOT EXISTS tm (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    glossary TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    created REAL NOT NULL
)
"""
_COLUMNS = ["key", "model", "glossary", "source", "target", "created"]
# Several runs may share one memory (translate --workers, a server beside the CLI): a writer waits
# this long for another's short transaction before the memory is given up for this run.
BUSY_TIMEOUT_S = 60.0


def normalise_sentence(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


class TranslationMemory:
    """A key–value store of engine outputs in one SQLite file.

    A memory that cannot serve never stops a translation: a damaged file or one of another
    layout is rebuilt empty, a read-only one is only read, and one that cannot be opened at all
    is bypassed. :attr:`problem` then says what happened, in one line, for a warning.
    """

    def __init__(self, path: Path):
        self.path = path
        self.problem: str | None = None
        self.read_only = False
        self._db: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except (OSError, sqlite3.Error) as err:
            self._db = None
            self.problem = _("the translation memory {path} cannot be used ({reason}); translating without it").format(
                path=path, reason=getattr(err, "strerror", None) or err
            )

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S)
        try:
            columns = [row[1] for row in db.execute("PRAGMA table_info(tm)")]
        except sqlite3.DatabaseError as err:  # not an SQLite file, or a damaged one
            db.close()
            return self._rebuild(str(err))
        if columns and columns != _COLUMNS:
            db.close()
            return self._rebuild(_("another table layout"))
        try:
            db.execute(_SCHEMA)
            db.execute("BEGIN IMMEDIATE")  # can we write? (a read-only file or folder says no)
            db.rollback()
        except sqlite3.OperationalError as err:
            if not columns:
                raise
            if "locked" in str(err):  # another run kept writing all that time: it is writable, only busy
                return db
            self.read_only = True
            self.problem = _("the translation memory {path} is read-only ({reason}); new translations are not kept").format(
                path=self.path, reason=err
            )
        return db

    def _rebuild(self, reason: str) -> sqlite3.Connection:
        self.path.unlink()
        for leftover in (self.path.with_name(self.path.name + "-journal"), self.path.with_name(self.path.name + "-wal")):
            leftover.unlink(missing_ok=True)
        db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S)
        db.execute(_SCHEMA)
        self.problem = _("the translation memory {path} was unusable ({reason}) and has been rebuilt empty").format(
            path=self.path, reason=reason
        )
        return db

    @staticmethod
    def key(model: str, glossary: str, settings: dict[str, object], source: str) -> str:
        payload = json.dumps([model, glossary, sorted(settings.items()), normalise_sentence(source)], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        if self._db is None:
            return found
        try:
            for start in range(0, len(keys), 500):  # SQLite's limit on bound variables
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, target in self._db.execute(f"SELECT key, target FROM tm WHERE key IN ({marks})", chunk):
                    found[key] = target
        except sqlite3.Error as err:
            self._give_up(err)
            return {}
        return found

    def put_many(self, rows: list[tuple[str, str, str, str, str]]) -> None:
        """Store ``(key, model, glossary, source, target)`` rows."""
        if self._db is None or self.read_only:
            return
        now = time.time()
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO tm (key, model, glossary, source, target, created) VALUES (?, ?, ?, ?, ?, ?)",
                    [(*row, now) for row in rows],
                )
        except sqlite3.Error as err:
            self._give_up(err)

    def _give_up(self, err: sqlite3.Error) -> None:
        """A failure in use (disk full, damaged page): go on without the memory."""
        self.close()
        self.problem = _("the translation memory {path} cannot be used ({reason}); translating without it").format(
            path=self.path, reason=err
        )

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM tm").fetchone()[0] if self._db is not None else 0

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

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

from diglot.errors import DiglotError
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


def normalise_sentence(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


class TranslationMemory:
    """A key–value store of engine outputs in one SQLite file."""

    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path))
            self._db.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as err:
            raise DiglotError(_("cannot open the translation memory {path}: {reason}").format(path=path, reason=err)) from None

    @staticmethod
    def key(model: str, glossary: str, settings: dict[str, object], source: str) -> str:
        payload = json.dumps([model, glossary, sorted(settings.items()), normalise_sentence(source)], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(keys), 500):  # SQLite's limit on bound variables
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, target in self._db.execute(f"SELECT key, target FROM tm WHERE key IN ({marks})", chunk):
                found[key] = target
        return found

    def put_many(self, rows: list[tuple[str, str, str, str, str]]) -> None:
        """Store ``(key, model, glossary, source, target)`` rows."""
        now = time.time()
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO tm (key, model, glossary, source, target, created) VALUES (?, ?, ?, ?, ?, ?)",
                [(*row, now) for row in rows],
            )

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM tm").fetchone()[0]

    def close(self) -> None:
        self._db.close()

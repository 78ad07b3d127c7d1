"""API keys and rate limits.

:class:`ApiKeys` reads ``--api-keys FILE`` (one key a line, ``#`` starts a comment) and reads
it again whenever the file changes, so keys are added and revoked without a restart. With no
file, no key is needed. :class:`RateLimiter` allows ``limit`` requests in any 60 seconds per
client (its key, else its address).
"""

from __future__ import annotations

import collections
import os
import threading
import time
from pathlib import Path

from diglot.textio import read_text

WINDOW = 60.0  # seconds: --req-limit counts requests a minute


class ApiKeys:
    """The keys of one file, reread when it changes."""

    def __init__(self, path: Path | None):
        self.path = Path(path) if path else None
        self._stamp: tuple | None = None
        self._keys: frozenset[str] = frozenset()
        self._lock = threading.Lock()
        if self.path is not None:
            self.keys()  # an unreadable file stops the server before it starts

    @property
    def required(self) -> bool:
        return self.path is not None

    def keys(self) -> frozenset[str]:
        if self.path is None:
            return frozenset()
        with self._lock:
            try:
                info = os.stat(self.path)
                stamp = (info.st_mtime_ns, info.st_size)
            except OSError:
                stamp = None  # a file removed revokes every key
            if stamp != self._stamp:
                text = read_text(self.path) if stamp else ""
                lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
                self._keys = frozenset(line for line in lines if line)
                self._stamp = stamp
            return self._keys

    def allows(self, key: str | None) -> bool:
        return not self.required or (bool(key) and key in self.keys())


class RateLimiter:
    """At most ``limit`` requests in any ``WINDOW`` seconds per client; ``None``: no limit."""

    def __init__(self, limit: int | None, clock=time.monotonic):
        self.limit, self.clock = limit, clock
        self._seen: dict[str, collections.deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        """Count one request of ``client``; ``False`` if it is over the limit."""
        if not self.limit:
            return True
        now = self.clock()
        with self._lock:
            times = self._seen.setdefault(client, collections.deque())
            while times and now - times[0] >= WINDOW:
                times.popleft()
            if len(times) >= self.limit:
                return False
            times.append(now)
            return True

"""The state every route shares: ``app.state.diglot``, one :class:`ServerState` per server.

The contract the routes (the APIs here and the web app in ``diglot.server.web``) rely on:

* ``state.settings``: the :class:`~diglot.server.settings.Settings` the server was started with;
* ``state.glossary()``: the merged glossary of ``state.glossary_paths``, reloaded when one of
  its files changes (a file that stops loading keeps the last good glossary, with a warning in
  the log); ``state.matcher()``: its :class:`~diglot.glossary.Matcher`;
* ``await state.translate(texts, source, target, glossary=None, report=False, hypotheses=1)``:
  one :class:`~diglot.server.batching.Translated` per text (``.text``, ``.mentions``, the term
  report, empty unless ``report``; ``.signature``; ``.alternatives``, up to ``hypotheses - 1``
  next-best translations, glossary enforced), decoded together with the other requests in
  flight, through the shared translation memory; ``glossary=None`` enforces ``state.glossary()``;
* ``state.models()``: the installed models (empty without one: every route but translation
  still works);
* ``await state.edit(function, *args)``: ``function(*args)`` run in a worker thread under the
  lock held around glossary edits, so two requests never edit at once and the event loop never
  waits for the lock (edits themselves go through ``diglot.glossary.edit``, which writes
  atomically under its own file lock);
* ``state.stored``: glossaries pushed through the DeepL API
  (:class:`~diglot.server.stored.StoredGlossaries`);
* ``state.keys`` and ``state.limiter``: API keys and rate limits (:mod:`diglot.server.limits`).
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from pathlib import Path

from diglot.errors import DiglotError
from diglot.glossary import Glossary, Matcher, default_glossary_dir, load_glossary
from diglot.i18n import _
from diglot.server.batching import Batcher, Translated
from diglot.server.limits import ApiKeys, RateLimiter
from diglot.server.settings import Settings
from diglot.server.stored import StoredGlossaries, inline_glossary

log = logging.getLogger("diglot.server")


def _stamp(paths: list[Path]) -> tuple:
    """What changes when a glossary file is edited, added or removed."""
    from diglot.glossary.load import glossary_files

    stamp = []
    for path in glossary_files(paths):
        info = os.stat(path)
        stamp.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(stamp)


class ServerState:
    """Models, glossaries, keys and limits shared by every request of one server."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.glossary_paths: list[Path] = [Path(p) for p in settings.glossary_paths] or [default_glossary_dir()]
        self._glossary_lock = threading.Lock()
        self._edit_lock = threading.Lock()
        self._stamp: tuple | None = None
        self._glossary: Glossary = Glossary()
        self._fingerprint = self._glossary.fingerprint
        self._matcher: Matcher | None = None
        self.keys = ApiKeys(settings.api_keys_file)
        self.limiter = RateLimiter(settings.req_limit)
        self.stored = StoredGlossaries(settings.data_folder() / "glossaries")
        self.batcher = Batcher(self._make_translator, wait=settings.batch_wait)
        self._engines: dict[tuple[str, str], object] = {}
        self.characters = 0  # characters translated since start (DeepL's /v2/usage)
        self.glossary()  # a glossary that does not load stops the server before it listens

    # -- glossaries -------------------------------------------------------------------------

    def glossary(self) -> Glossary:
        """The merged glossary, reloaded when its files changed since the last call."""
        with self._glossary_lock:
            try:
                stamp = _stamp(self.glossary_paths)
                if stamp != self._stamp:
                    self._glossary = load_glossary(self.glossary_paths)
                    self._fingerprint = self._glossary.fingerprint
                    self._matcher = None
                    self._stamp = stamp
            except Exception as err:
                if self._stamp is None:
                    raise
                log.warning("glossary not reloaded, keeping the last good one: %s", err)
            return self._glossary

    def matcher(self) -> Matcher:
        glossary = self.glossary()
        with self._glossary_lock:
            if self._matcher is None or self._matcher.glossary is not glossary:
                self._matcher = Matcher(glossary, ["ko", "en"])
            return self._matcher

    def glossary_names(self) -> dict[str, Path]:
        """The server's glossary files by name (file name without suffix): ``politics``."""
        from diglot.glossary.load import glossary_files

        return {path.stem: path for path in glossary_files(self.glossary_paths)}

    def find_glossary(self, value, source: str, target: str) -> Glossary | None:
        """The glossary a request names: ``None`` (the server's), ``"none"`` (no glossary), a
        server glossary's name, a pushed glossary's id or name, or inline entries (see
        :func:`~diglot.server.stored.inline_glossary`)."""
        if value is None or value == "":
            return None
        if isinstance(value, str):
            if value == "none":
                return Glossary()
            named = self.glossary_names().get(value)
            if named is not None:
                return load_glossary([named])
            stored = self.stored.find(value)
            if stored is not None:
                if (stored.source_lang, stored.target_lang) != (source, target):
                    raise DiglotError(
                        _("glossary {name} is for {src} to {tgt}, not {source} to {target}").format(
                            name=value, src=stored.source_lang, tgt=stored.target_lang, source=source, target=target
                        )
                    )
                return self.stored.glossary(stored)
            raise DiglotError(_("no glossary {name} on this server").format(name=value))
        return inline_glossary(value, source, target, self.settings.data_folder())

    async def edit(self, function, *args):
        """``function(*args)`` in a worker thread, holding the edit lock, so two requests never
        edit at once. The lock is taken in that thread: a request that held it on the event loop
        while it awaited its edit blocked the loop as soon as a second edit came, and the server
        never answered again."""
        def locked():
            with self._edit_lock:
                return function(*args)

        return await asyncio.to_thread(locked)

    # -- models and translation -------------------------------------------------------------

    def models(self) -> list:
        from diglot.translate import installed_packages

        return installed_packages()

    def language_pairs(self) -> set[tuple[str, str]]:
        """Every (source, target) the installed models translate, directly or through English."""
        direct = {(m.from_code, m.to_code) for m in self.models()}
        pivots = {(a, d) for a, b in direct for c, d in direct if b == c == "en" and a != d}
        return direct | pivots

    def languages(self) -> set[str]:
        """Every language code the server knows: Korean, English and those of the installed models."""
        from diglot.languages import LANGS

        return {code for pair in self.language_pairs() for code in pair} | set(LANGS)

    def _engine(self, source: str, target: str):
        """One engine (one loaded model) per language pair, shared by every glossary."""
        from diglot.translate import ENGINES, EngineOptions, route

        key = (source, target)
        if key not in self._engines:
            options = EngineOptions(threads=self.settings.threads)
            self._engines[key] = ENGINES.get("ctranslate2")(route(source, target), options)
        return self._engines[key]

    def _make_translator(self, source: str, target: str, glossary: Glossary):
        from diglot.translate import DocumentTranslator

        return DocumentTranslator(source, target, glossary, engine=self._engine(source, target))

    async def translate(
        self, texts: list[str], source: str, target: str, *, glossary: Glossary | None = None, report: bool = False,
        hypotheses: int = 1,
    ) -> list[Translated]:
        """Translate ``texts`` from ``source`` to ``target``, glossary enforced (see module doc)."""
        if glossary is None:
            glossary = self.glossary()
            fingerprint = self._fingerprint  # the merged glossary's, computed once per reload
        else:
            fingerprint = glossary.fingerprint
        results = await self.batcher.translate(texts, source, target, glossary, fingerprint, hypotheses)
        self.characters += sum(len(t) for t in texts)
        if not report:
            results = [Translated(r.text, [], r.signature, r.alternatives) for r in results]
        return results

    def warm(self) -> None:
        """Load what the first translation would otherwise wait for (the Korean analyser)."""
        from diglot.segment import segment

        segment("서울에서 회담이 열렸다.", "ko")
        segment("Talks were held in Seoul.", "en")

    def close(self) -> None:
        self.batcher.close()

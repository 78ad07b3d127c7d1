"""Dynamic batching: concurrent translation requests share one CTranslate2 call.

Every request puts its texts in a queue and awaits a future. One consumer task takes what is
queued, waits ``wait`` seconds for more to arrive (so that requests landing together decode
together), groups the texts by language pair, glossary and number of hypotheses (a request for
alternatives decodes with a wider beam), and runs each group as one
``DocumentTranslator.translate`` call: one batched decode, sentences sorted by length inside
the engine, the translation memory consulted first. Decoding runs in a single worker thread,
so one model serves every request and its SQLite memory stays on one thread; while it works,
new requests queue up for the next batch.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable

from diglot.glossary import Glossary

MAX_TRANSLATORS = 16  # language pair × glossary combinations kept ready


@dataclass
class Translated:
    """One text's translation; ``mentions`` is the term report (``diglot translate --report``)."""

    text: str
    mentions: list[dict] = field(default_factory=list)
    signature: dict = field(default_factory=dict)
    alternatives: list[str] = field(default_factory=list)  # next-best translations, glossary enforced


@dataclass
class _Job:
    texts: list[str]
    source: str
    target: str
    glossary: Glossary
    fingerprint: str
    future: asyncio.Future
    hypotheses: int = 1

    @property
    def group(self) -> tuple[str, str, str, int]:
        return (self.source, self.target, self.fingerprint, self.hypotheses)


class Batcher:
    """Queues translation jobs and decodes them in batches, one worker thread for the model.

    ``make_translator(source, target, glossary)`` builds a ``DocumentTranslator``; it is called
    on the worker thread, and translators are kept (a few) for the next batches.
    """

    def __init__(self, make_translator: Callable, wait: float = 0.005, max_texts: int = 256):
        self.make_translator = make_translator
        self.wait, self.max_texts = wait, max_texts
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="diglot-model")
        self.queue: asyncio.Queue[_Job] | None = None
        self.consumer: asyncio.Task | None = None
        self.translators: OrderedDict[tuple, object] = OrderedDict()
        self.calls = 0  # decoding calls made (batches), for tests and the load benchmark

    async def translate(
        self, texts: list[str], source: str, target: str, glossary: Glossary, fingerprint: str | None = None,
        hypotheses: int = 1,
    ) -> list[Translated]:
        """Translate ``texts`` in the next batch; ``fingerprint`` is the glossary's, when known
        (computing it costs a pass over every entry). ``hypotheses`` above 1 fills each result's
        ``alternatives`` with up to that many less one."""
        loop = asyncio.get_running_loop()
        if self.queue is None or self.consumer is None or self.consumer.done():
            self.queue = asyncio.Queue()
            self.consumer = loop.create_task(self._consume())
        job = _Job(list(texts), source, target, glossary, fingerprint or glossary.fingerprint, loop.create_future(),
                   hypotheses)
        await self.queue.put(job)
        return await job.future

    async def _consume(self) -> None:
        assert self.queue is not None
        loop = asyncio.get_running_loop()
        while True:
            jobs = [await self.queue.get()]
            await asyncio.sleep(self.wait)
            while not self.queue.empty() and sum(len(j.texts) for j in jobs) < self.max_texts:
                jobs.append(self.queue.get_nowait())
            groups: dict[tuple, list[_Job]] = {}
            for job in jobs:
                groups.setdefault(job.group, []).append(job)
            for group in groups.values():
                try:
                    results = await loop.run_in_executor(self.executor, self._run, group)
                except Exception as err:  # noqa: BLE001 - handed to each waiting request
                    for job in group:
                        if not job.future.done():
                            job.future.set_exception(err)
                    continue
                for job, result in zip(group, results):
                    if not job.future.done():
                        job.future.set_result(result)

    def _translator(self, source: str, target: str, glossary: Glossary, fingerprint: str):
        key = (source, target, fingerprint)
        if key not in self.translators:
            self.translators[key] = self.make_translator(source, target, glossary)
            while len(self.translators) > MAX_TRANSLATORS:
                _key, old = self.translators.popitem(last=False)
                if old.memory is not None:
                    old.memory.close()
        self.translators.move_to_end(key)
        return self.translators[key]

    def _run(self, group: list[_Job]) -> list[list[Translated]]:
        """On the worker thread: every text of every job of one group, in one decoding call."""
        first = group[0]
        translator = self._translator(first.source, first.target, first.glossary, first.fingerprint)
        documents = [(f"text-{i}", text) for job in group for i, text in enumerate(job.texts)]
        run = translator.translate(documents, hypotheses=first.hypotheses) if first.hypotheses > 1 else \
            translator.translate(documents)
        self.calls += 1
        signature = run.signature.as_dict()
        out, docs = [], iter(run.documents)
        for job in group:
            results = []
            for text in job.texts:
                doc = next(docs)
                translation, others = doc.text(), doc.alternative_texts()
                if not text.endswith("\n"):
                    translation, others = translation.rstrip("\n"), [o.rstrip("\n") for o in others]
                results.append(Translated(translation, [m.as_dict() for m in doc.mentions], signature, others))
            out.append(results)
        return out

    def close(self) -> None:
        if self.consumer is not None:
            self.consumer.cancel()
        self.executor.shutdown(wait=False, cancel_futures=True)

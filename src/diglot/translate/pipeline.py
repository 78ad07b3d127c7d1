"""From documents to translations: segment, protect, decode (cached, batched), enforce.

:class:`DocumentTranslator` is the Python API behind ``diglot translate``; what it returns is
plain data (:class:`TranslatedDocument`, :class:`TranslationRun`) that renderers such as
``diglot.edition`` can use directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from diglot.doc import Progress, Segment
from diglot.glossary import Glossary, Matcher
from diglot.paths import cache_dir
from diglot.provenance import Signature
from diglot.segment import segment
from diglot.translate.cache import TranslationMemory
from diglot.translate.engines import ENGINES, Decoded, Engine, EngineOptions
from diglot.translate.enforce import FAILED, FirstMentions, MentionReport, Plan, finish, plan
from diglot.translate.protect import INLINE, Protection, protection_for
from diglot.translate.store import InstalledPackage, route

# A segment of more characters than this with no space in it is no sentence (an encoded blob, a
# hash, page junk): it is passed through as it is, like boilerplate, rather than decoded piece
# by piece for minutes into nonsense.
MAX_UNSPACED = 300


@dataclass
class TranslatedDocument:
    """One input document and its translation, segment by segment."""

    name: str
    src_lang: str
    tgt_lang: str
    segments: list[Segment]  # the source, as segmented (boilerplate included)
    translations: list[str]  # one per segment; boilerplate is passed through unchanged
    mentions: list[MentionReport] = field(default_factory=list)
    # Per segment, its next-best translations, glossary enforced (only when asked for).
    alternatives: list[list[str]] = field(default_factory=list)

    def text(self) -> str:
        """The translation with the source's paragraphs: sentences joined by a space."""
        return self._joined(self.translations)

    def alternative_texts(self) -> list[str]:
        """The document's next-best translations, best first. The k-th joins each sentence's k-th
        alternative (its translation where it has fewer), as Argos Translate joins hypotheses."""
        count = max((len(a) for a in self.alternatives), default=0)
        return [
            self._joined([alts[k] if k < len(alts) else text for text, alts in zip(self.translations, self.alternatives)])
            for k in range(count)
        ]

    def _joined(self, translations: list[str]) -> str:
        paragraphs: dict[int, list[str]] = {}
        for seg, translated in zip(self.segments, translations):
            paragraphs.setdefault(seg.paragraph, []).append(translated)
        return "\n\n".join(" ".join(p for p in parts if p) for _, parts in sorted(paragraphs.items())) + "\n"


@dataclass
class TranslationRun:
    """Every document of one ``translate`` call, with how it was made."""

    documents: list[TranslatedDocument]
    signature: Signature
    decoded: int = 0  # sentences the engine decoded
    cached: int = 0  # sentences taken from the translation memory
    warnings: list[str] = field(default_factory=list)  # one line each, e.g. a translation memory rebuilt

    @property
    def mentions(self) -> list[MentionReport]:
        return [m for d in self.documents for m in d.mentions]

    @property
    def failed(self) -> list[MentionReport]:
        return [m for m in self.mentions if m.status == FAILED]

    def report(self) -> dict:
        """The ``--report`` JSON: every mention, per-status counts and the signature."""
        mentions = [{"document": doc.name, **m.as_dict()} for doc in self.documents for m in doc.mentions]
        return term_report(mentions, self.decoded, self.cached, self.signature)


def term_report(mentions: list[dict], decoded: int, cached: int, signature: Signature) -> dict:
    """The ``--report`` JSON of ``mentions`` (each a mention's dict with its ``"document"``): them,
    their counts by status, the sentences decoded and read from memory, and the signature."""
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
    return {
        "mentions": mentions,
        "counts": counts,
        "sentences": {"decoded": decoded, "cached": cached},
        "signature": signature.as_dict(),
    }


class DocumentTranslator:
    """Translates documents from ``src_lang`` to ``tgt_lang`` with glossary enforcement.

    >>> translator = DocumentTranslator("ko", "en", glossary=load_glossary())  # doctest: +SKIP
    >>> run = translator.translate([("article.txt", "탈북자들은 강제 북송을 우려한다.")])  # doctest: +SKIP
    >>> run.documents[0].text()  # doctest: +SKIP
    """

    def __init__(
        self,
        src_lang: str,
        tgt_lang: str,
        glossary: Glossary | None = None,
        engine: str | Engine = "ctranslate2",
        options: EngineOptions | None = None,
        use_cache: bool = True,
        packages: Sequence[InstalledPackage] | None = None,
        protection: Protection | None = None,
    ):
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        self.glossary = glossary if glossary is not None and len(glossary) else None
        if isinstance(engine, Engine):
            self.engine = engine
        else:
            self.engine = ENGINES.get(engine)(list(packages) if packages else route(src_lang, tgt_lang), options)
        self.matcher = Matcher(self.glossary, [src_lang, tgt_lang]) if self.glossary else None
        if protection is not None:
            self.protection = protection
        elif self.matcher is None or not self.engine.route:
            self.protection = Protection(INLINE)
        else:
            self.protection = protection_for(self.engine.route)
        self.memory = TranslationMemory(cache_dir("translations") / "tm.sqlite") if use_cache else None

    @property
    def signature(self) -> Signature:
        return Signature.make(
            glossary=self.glossary.fingerprint if self.glossary else "none",
            model=self.engine.model_id,
            engine=self.engine.name,
            protection=self.protection.method if self.glossary else "none",
            **self.engine.options.output_settings(),
        )

    def _settings(self) -> dict[str, object]:
        return {"engine": self.engine.name, "protection": self.protection.method, **self.engine.options.output_settings()}

    def translate(
        self, texts: Sequence[tuple[str, str]], progress: Progress | None = None, hypotheses: int = 1
    ) -> TranslationRun:
        """Translate ``(name, text)`` documents; all their sentences are decoded in one batch.

        ``hypotheses`` above 1 also gives each document its next-best translations
        (:meth:`TranslatedDocument.alternative_texts`): each hypothesis of a sentence is enforced
        with the sentence's own plan, as the best one is. They are decoded afresh, past the
        translation memory, which keeps one translation a sentence."""
        documents: list[TranslatedDocument] = []
        jobs: list[tuple[int, int, Plan]] = []  # (document, segment, plan)
        for name, text in texts:
            segments = segment(text, self.src_lang)
            doc = TranslatedDocument(name, self.src_lang, self.tgt_lang, segments, [s.text for s in segments],
                                     alternatives=[[] for _s in segments])
            documents.append(doc)
            first = FirstMentions()
            for index, seg in enumerate(segments):
                if _translatable(seg):
                    jobs.append((len(documents) - 1, index, plan(seg.text, self.matcher, self.protection,
                                                               self.src_lang, self.tgt_lang, first)))
        decoded, cached = self._decode([p.engine_input for _, _, p in jobs], progress, hypotheses)
        finished = [
            finish(result, plan_, self.protection, self.matcher, self.src_lang, self.tgt_lang, seg_index)
            for (_, seg_index, plan_), result in zip(jobs, decoded)
        ]
        # A cached output has no attention: decode the sentences that lost a term again, in one
        # batch, so the lost term can be located exactly as on the first run.
        again = [
            i for i, (_, reports) in enumerate(finished)
            if decoded[i].attention is None and any(r.status == FAILED for r in reports)
        ]
        if again and self.engine.supports_attention:
            redone = self.engine.translate([jobs[i][2].engine_input for i in again], attention=True)
            for i, result in zip(again, redone):
                _, seg_index, plan_ = jobs[i]
                finished[i] = finish(result, plan_, self.protection, self.matcher, self.src_lang, self.tgt_lang, seg_index)
        for (doc_index, seg_index, plan_), (text, reports), result in zip(jobs, finished, decoded):
            documents[doc_index].translations[seg_index] = text
            documents[doc_index].mentions.extend(reports)
            documents[doc_index].alternatives[seg_index] = [
                finish(other, plan_, self.protection, self.matcher, self.src_lang, self.tgt_lang, seg_index)[0]
                for other in result.alternatives
            ]
        warnings = [self.memory.problem] if self.memory is not None and self.memory.problem else []
        return TranslationRun(documents, self.signature, decoded=len(jobs) - cached, cached=cached, warnings=warnings)

    def _decode(self, inputs: list[str], progress: Progress | None, hypotheses: int = 1) -> tuple[list[Decoded], int]:
        """Engine outputs for ``inputs``: from the translation memory, else one batched decode
        (always decoded, and not remembered, when more than one hypothesis is wanted)."""
        model, glossary = self.engine.model_id, self.glossary.fingerprint if self.glossary else "none"
        settings = self._settings()
        keys = [TranslationMemory.key(model, glossary, settings, text) for text in inputs]
        memory = self.memory if hypotheses == 1 else None
        hits = memory.get_many(keys) if memory is not None else {}
        outputs: list[Decoded | None] = [Decoded(hits[k]) if k in hits else None for k in keys]
        todo = sorted({text for text, out in zip(inputs, outputs) if out is None})  # each sentence once
        # Progress counts the sentences read from memory, then each one the engine decodes.
        from_memory = sum(1 for o in outputs if o is not None)
        total = from_memory + len(todo)
        if progress and from_memory:
            progress(from_memory, total)
        decoding = (lambda done, _total: progress(from_memory + done, total)) if progress else None
        if todo:
            wants_attention = self.matcher is not None and self.engine.supports_attention
            more = {"hypotheses": hypotheses} if hypotheses > 1 else {}  # engine doubles need not know it
            fresh = dict(zip(todo, self.engine.translate(todo, attention=wants_attention, progress=decoding, **more)))
            rows = []
            for i, (text, key) in enumerate(zip(inputs, keys)):
                if outputs[i] is None:
                    outputs[i] = fresh[text]
                    rows.append((key, model, glossary, text, fresh[text].text))
            if memory is not None:
                memory.put_many(rows)
        return [o for o in outputs if o is not None], sum(1 for k in keys if k in hits)


class PlainTranslator:
    """A ``translate(list[str]) -> list[str]`` callable over the installed packages, without
    glossary enforcement or translation memory: the model's own words, as the aligner's
    machine-translation hook wants them (the glossary is one of its anchors already).

    >>> translate = translator_for("ko", "en")  # doctest: +SKIP
    >>> translate(["탈북자들은 떠났다."]), translate.model_id  # doctest: +SKIP
    (['Defectors left.'], 'argos:ko-en@1.1')
    """

    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def model_id(self) -> str:
        """The package id (``argos:ko-en@1.1``), for the caller's signature."""
        return self.engine.model_id

    def __call__(self, sentences: Sequence[str]) -> list[str]:
        return [decoded.text for decoded in self.engine.translate(list(sentences))] if sentences else []


def translator_for(
    src_lang: str, tgt_lang: str, engine: str = "ctranslate2", options: EngineOptions | None = None
) -> PlainTranslator:
    """A :class:`PlainTranslator` for a pair; :class:`~diglot.errors.DiglotError` with what to
    install when no package (or pivot) serves it."""
    return PlainTranslator(ENGINES.get(engine)(route(src_lang, tgt_lang), options))


def _translatable(seg: Segment) -> bool:
    """Whether a segment goes to the engine: not boilerplate, and not one unspaced run longer than
    :data:`MAX_UNSPACED` characters."""
    return not seg.boilerplate and (len(seg.text) <= MAX_UNSPACED or any(ch.isspace() for ch in seg.text))

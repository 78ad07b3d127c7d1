"""The default engine: SentencePiece and ``ctranslate2.Translator``, batched.

All sentences go to CTranslate2 in one ``translate_batch`` call, sorted by length so batches
hold sentences of similar length (less padding), then put back in order. A pivot route runs
the same way once per step.
"""

from __future__ import annotations

from functools import cached_property
from typing import Sequence

import ctranslate2
import sentencepiece

from diglot.translate.engines.base import Decoded, Engine, Progress
from diglot.translate.models import InstalledModel, read_metadata


class _Step:
    """One loaded model: its tokenizer and translator."""

    def __init__(self, model: InstalledModel, threads: int, compute_type: str, device: str):
        self.tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(model.sp_model))
        self.translator = ctranslate2.Translator(
            str(model.model_dir), device=device, compute_type=compute_type, intra_threads=threads
        )
        self.target_prefix = read_metadata(model.path).get("target_prefix") or None  # multilingual models


class CTranslate2Engine(Engine):
    name = "ctranslate2"
    supports_attention = True

    @cached_property
    def _steps(self) -> list[_Step]:
        o = self.options
        return [_Step(m, o.threads, o.compute_type, o.device) for m in self.route]

    def tokenize(self, sentences: Sequence[str], step: int = 0) -> list[list[str]]:
        return [self._steps[step].tokenizer.encode(s, out_type=str) for s in sentences]

    def translate(
        self,
        sentences: Sequence[str],
        attention: bool = False,
        suppress: Sequence[Sequence[str]] | None = None,
        progress: Progress | None = None,
    ) -> list[Decoded]:
        texts = list(sentences)
        decoded: list[Decoded] = []
        for index, step in enumerate(self._steps):
            last = index == len(self._steps) - 1
            decoded = self._run(step, texts, attention and len(self._steps) == 1, suppress if last else None,
                                progress if last else None)
            texts = [d.text for d in decoded]
        return decoded

    def _run(self, step: _Step, texts: list[str], attention: bool, suppress, progress: Progress | None) -> list[Decoded]:
        tokens = [step.tokenizer.encode(t, out_type=str) for t in texts]
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        o = self.options
        kwargs = dict(
            beam_size=o.beam_size,
            max_batch_size=o.batch_size,
            max_decoding_length=o.max_decoding_length,
            return_attention=attention,
        )
        if step.target_prefix:
            kwargs["target_prefix"] = [[step.target_prefix]] * len(tokens)
        if suppress:
            kwargs["suppress_sequences"] = [step.tokenizer.encode(s, out_type=str) for s in suppress if s]
        results: list[Decoded | None] = [None] * len(tokens)
        # translate_iterable keeps the one batched call while reporting progress as batches finish.
        batch = [tokens[i] for i in order]
        outputs = step.translator.translate_iterable(iter(batch), **kwargs) if progress else iter(
            step.translator.translate_batch(batch, **kwargs)
        )
        for position, result in zip(order, outputs):
            pieces = result.hypotheses[0]
            if step.target_prefix and pieces[:1] == [step.target_prefix]:
                pieces = pieces[1:]
            results[position] = Decoded(
                text=step.tokenizer.decode(pieces).strip(),
                source_tokens=tokens[position],
                target_tokens=pieces,
                attention=result.attention[0] if attention else None,
            )
            if progress:
                progress(1)
        return [r for r in results if r is not None]


ENGINE = CTranslate2Engine

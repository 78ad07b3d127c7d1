"""The default engine: SentencePiece and ``ctranslate2.Translator``, batched.

All sentences go to CTranslate2 in one ``translate_batch`` call, sorted by length so batches
hold sentences of similar length (less padding), then put back in order. A pivot route runs
the same way once per step. A sentence longer than :data:`MAX_SOURCE_TOKENS` pieces (a paragraph
the splitter could not split) is decoded in pieces of at most that length, cut after
punctuation where possible, and joined: CTranslate2 would otherwise drop its end without a
word, or fail past the model's position encodings. A package is checked cheaply before it is
loaded (its files are there, see :meth:`~diglot.translate.store.InstalledPackage.check_files`);
a file that does not load is reported in one line.
"""

from __future__ import annotations

from functools import cached_property
from typing import Sequence

from diglot.errors import DiglotError
from diglot.i18n import N_, _
from diglot.translate.engines.base import Decoded, Engine, EngineOptions, Progress
from diglot.translate.store import InstalledPackage, decoding_failed

MAX_SOURCE_TOKENS = 200  # longer than a sentence a model was trained on; small models have 256 positions
_BREAKS = (".", "?", "!", ",", ";", ":", "。", ")", "\"", "”")
# The widest sentence whose pieces' attention is joined into one matrix: it is dense (target ×
# source tokens), so a paragraph of 12,000 pieces took gigabytes and was killed; past this a
# sentence has no attention, and a glossary term the model dropped is not located by it.
MAX_JOINED_ATTENTION = 4096


def _pieces(tokens: list[str], limit: int = MAX_SOURCE_TOKENS) -> list[list[str]]:
    """``tokens`` cut into runs of at most ``limit``: after punctuation in a run's second half,
    else before a word start, else anywhere."""
    runs = []
    while len(tokens) > limit:
        window = tokens[:limit]
        cut = next((i + 1 for i in range(limit - 1, limit // 2, -1) if window[i].endswith(_BREAKS)), 0)
        cut = cut or next((i for i in range(limit - 1, limit // 2, -1) if window[i].startswith("\u2581")), limit)
        runs.append(tokens[:cut])
        tokens = tokens[cut:]
    return runs + [tokens]


def _joined(parts: list["Decoded"]) -> "Decoded":
    """One sentence's decoded pieces as one :class:`Decoded`; attention is block-diagonal."""
    if len(parts) == 1:
        return parts[0]
    attention = None
    width = sum(len(p.source_tokens) for p in parts)
    if width <= MAX_JOINED_ATTENTION and all(p.attention is not None for p in parts):
        attention, offset = [], 0
        for p in parts:
            for row in p.attention:
                attention.append([0.0] * offset + list(row) + [0.0] * (width - offset - len(row)))
            offset += len(p.source_tokens)
    ranks = max(1 + len(p.alternatives) for p in parts)
    alternatives = [
        _joined([(p.alternatives[k - 1] if k <= len(p.alternatives) else p) for p in parts]) for k in range(1, ranks)
    ]
    return Decoded(
        text=" ".join(p.text for p in parts if p.text),
        source_tokens=[t for p in parts for t in p.source_tokens],
        target_tokens=[t for p in parts for t in p.target_tokens],
        attention=attention,
        alternatives=alternatives,
    )


class _Step:
    """One loaded package: its tokenizer and translator."""

    def __init__(self, package: InstalledPackage, options: EngineOptions):
        import ctranslate2
        import sentencepiece

        package.check_files()
        try:
            self.tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(package.sp_model))
            self.translator = ctranslate2.Translator(
                str(package.ct2_model_dir),
                device=options.device,
                compute_type=options.compute_type,
                intra_threads=options.threads,
            )
        except Exception as err:  # noqa: BLE001 - the loaders raise RuntimeError, OSError, IndexError...
            reason = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise DiglotError(
                _("the package {id} at {path} cannot be loaded: {reason}; reinstall it").format(
                    id=package.id, path=package.path, reason=reason
                )
            ) from None
        self.target_prefix = package.metadata().get("target_prefix") or None  # multilingual models


def check_compute_type(options: EngineOptions) -> None:
    """Refuse a compute type CTranslate2 cannot use on the device, before anything is loaded."""
    import ctranslate2

    try:
        supported = set(ctranslate2.get_supported_compute_types(options.device))
    except (RuntimeError, ValueError) as err:
        raise DiglotError(_("unknown device {device}: {reason}").format(device=options.device, reason=err)) from None
    supported |= {"default", "auto"}
    if options.compute_type not in supported:
        raise DiglotError(
            _("compute type {value} is not available on {device}; choose one of {choices}").format(
                value=options.compute_type, device=options.device, choices=", ".join(sorted(supported))
            )
        )


class CTranslate2Engine(Engine):
    name = "ctranslate2"
    description = N_("SentencePiece and CTranslate2, all sentences in one batched call (default)")
    supports_attention = True

    def __init__(self, route: Sequence[InstalledPackage], options: EngineOptions | None = None):
        super().__init__(route, options)
        check_compute_type(self.options)

    @cached_property
    def _steps(self) -> list[_Step]:
        return [_Step(m, self.options) for m in self.route]

    def translate(self, sentences: Sequence[str], attention: bool = False,
                  suppress: Sequence[Sequence[str]] | None = None, progress: Progress | None = None,
                  hypotheses: int = 1) -> list[Decoded]:
        texts = list(sentences)
        decoded: list[Decoded] = []
        for index, step in enumerate(self._steps):
            last = index == len(self._steps) - 1  # a pivot's alternatives come from its last step
            try:
                decoded = self._run(step, texts, attention and len(self._steps) == 1, suppress if last else None,
                                    progress if last else None, hypotheses if last else 1)
            except (RuntimeError, MemoryError) as err:  # raised while decoding, not loading
                raise decoding_failed([self.route[index]], err) from None
            texts = [d.text for d in decoded]
        return decoded

    def _run(self, step: _Step, texts: list[str], attention: bool, suppress, progress: Progress | None,
             hypotheses: int = 1) -> list[Decoded]:
        owners, tokens = [], []  # which text each run of tokens belongs to
        for owner, text in enumerate(texts):
            for run in _pieces(step.tokenizer.encode(text, out_type=str), MAX_SOURCE_TOKENS):
                owners.append(owner)
                tokens.append(run)
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        o = self.options
        kwargs = dict(
            beam_size=max(o.beam_size, hypotheses),  # a beam narrower than the hypotheses cannot hold them
            max_batch_size=o.batch_size,
            max_decoding_length=o.max_decoding_length,
            return_attention=attention,
            num_hypotheses=hypotheses,
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
        for done, (position, result) in enumerate(zip(order, outputs), 1):
            found = []
            for rank, pieces in enumerate(result.hypotheses):
                if step.target_prefix and pieces[:1] == [step.target_prefix]:
                    pieces = pieces[1:]
                found.append(Decoded(
                    text=step.tokenizer.decode(pieces).strip(),
                    source_tokens=tokens[position],
                    target_tokens=pieces,
                    attention=result.attention[rank] if attention else None,
                ))
            found[0].alternatives = found[1:]
            results[position] = found[0]
            if progress:
                progress(done, len(tokens))
        parts: list[list[Decoded]] = [[] for _ in texts]
        for owner, result in zip(owners, results):
            parts[owner].append(result)
        return [_joined(p) for p in parts]

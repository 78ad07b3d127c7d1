"""The interface every translation engine implements, and the decoding settings they take."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Sequence

from diglot.doc import Progress
from diglot.errors import DiglotError
from diglot.i18n import _
from diglot.registry import Member
from diglot.translate.store import InstalledPackage

# Limits on decoding settings (docs/translate.md): memory grows with beam × batch, and
# CTranslate2 crashes outright when asked for far more threads than the machine has.
MAX_BEAM_SIZE = 16
MAX_BATCH_SIZE = 256
MAX_DECODING_LENGTH = 1024


def _check_range(label: str, value: int, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise DiglotError(
            _("{option} must be a whole number from {low} to {high}, not {value}").format(
                option=label, low=low, high=high, value=value
            )
        )


@dataclass(frozen=True)
class EngineOptions:
    """Decoding settings, checked against their limits when made; the ones that change output
    are part of the cache key and signature."""

    beam_size: int = 4
    threads: int = 0  # 0: CTranslate2 picks (one per core)
    batch_size: int = 32  # sentences per batch inside the one batched call
    compute_type: str = "int8"
    device: str = "cpu"
    max_decoding_length: int = 256

    def __post_init__(self) -> None:
        _check_range("--beam-size", self.beam_size, 1, MAX_BEAM_SIZE)
        _check_range("--threads", self.threads, 0, max_threads())
        _check_range("--batch-size", self.batch_size, 1, MAX_BATCH_SIZE)
        _check_range("max_decoding_length", self.max_decoding_length, 1, MAX_DECODING_LENGTH)

    def output_settings(self) -> dict[str, object]:
        """The settings that shape the output (for the signature and the cache key)."""
        return {"beam": self.beam_size, "compute": self.compute_type, "maxlen": self.max_decoding_length}


def max_threads() -> int:
    """The most decoding threads allowed: the CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass
class Decoded:
    """One decoded sentence.

    ``attention[i][j]`` is the weight of source token ``j`` for target token ``i`` (only when
    asked for and the engine can give it); tokens are SentencePiece pieces. ``alternatives``
    holds the next-best hypotheses, best first, each a :class:`Decoded` of its own (only when
    more than one hypothesis was asked for).
    """

    text: str
    source_tokens: list[str] = field(default_factory=list)
    target_tokens: list[str] = field(default_factory=list)
    attention: list[list[float]] | None = None
    alternatives: list["Decoded"] = field(default_factory=list)


class Engine(Member):
    """Translates lists of sentences with one installed package (or a pivot chain of them).

    Subclasses set :attr:`name` and :attr:`description` (see :class:`diglot.registry.Member`),
    keep their runtime's imports inside their methods, and implement :meth:`translate`.
    """

    supports_attention = False

    def __init__(self, route: Sequence[InstalledPackage], options: EngineOptions | None = None):
        self.route = list(route)
        self.options = options or EngineOptions()

    @property
    def model_id(self) -> str:
        """``argos:ko-en@1.1``, or ``argos:ko-en@1.1>argos:en-ja@1.0`` for a pivot."""
        return ">".join(m.id for m in self.route)

    def translate(self, sentences: Sequence[str], attention: bool = False,
                  suppress: Sequence[Sequence[str]] | None = None, progress: Progress | None = None,
                  hypotheses: int = 1) -> list[Decoded]:
        """Translate ``sentences``; ``suppress`` lists texts that must not appear in the output.

        ``progress(done, total)`` is told as sentences finish (``total`` is ``len(sentences)``).
        ``hypotheses`` above 1 asks for that many renderings of each sentence: the best is the
        :class:`Decoded` itself, the others its ``alternatives`` (an engine may give fewer).
        Callers pass ``hypotheses`` only when they want more than one.
        """
        raise NotImplementedError

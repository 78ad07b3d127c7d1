"""The interface every translation engine implements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from diglot.translate.models import InstalledModel


@dataclass(frozen=True)
class EngineOptions:
    """Decoding settings; the ones that change output are part of the cache key and signature."""

    beam_size: int = 4
    threads: int = 0  # 0: CTranslate2 picks (one per core)
    batch_size: int = 32  # sentences per batch inside the one batched call
    compute_type: str = "int8"
    device: str = "cpu"
    max_decoding_length: int = 256

    def output_settings(self) -> dict[str, object]:
        """The settings that shape the output (for the signature and the cache key)."""
        return {"beam": self.beam_size, "compute": self.compute_type, "maxlen": self.max_decoding_length}


@dataclass
class Decoded:
    """One decoded sentence.

    ``attention[i][j]`` is the weight of source token ``j`` for target token ``i`` (only when
    asked for and the engine can give it); tokens are SentencePiece pieces.
    """

    text: str
    source_tokens: list[str] = field(default_factory=list)
    target_tokens: list[str] = field(default_factory=list)
    attention: list[list[float]] | None = None


Progress = Callable[[int], None]  # called with the number of sentences just finished


class Engine:
    """Translates lists of sentences with one installed model (or a pivot chain of them)."""

    name = ""
    supports_attention = False

    def __init__(self, route: Sequence[InstalledModel], options: EngineOptions | None = None):
        self.route = list(route)
        self.options = options or EngineOptions()

    @property
    def model_id(self) -> str:
        """``argos:ko-en@1.1``, or ``argos:ko-en@1.1>argos:en-ja@1.0`` for a pivot."""
        return ">".join(m.id for m in self.route)

    def translate(
        self,
        sentences: Sequence[str],
        attention: bool = False,
        suppress: Sequence[Sequence[str]] | None = None,
        progress: Progress | None = None,
    ) -> list[Decoded]:
        """Translate ``sentences``; ``suppress`` lists texts that must not appear in the output."""
        raise NotImplementedError

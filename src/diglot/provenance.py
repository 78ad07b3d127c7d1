"""Provenance: every output says how it was made, as sacrebleu's signature does.

Same inputs and same signature give the same output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diglot import __version__


@dataclass(frozen=True)
class Signature:
    """diglot version, model, glossary fingerprint and the settings that shape the output."""

    glossary: str = "none"  # Glossary.fingerprint
    model: str = "none"  # model id, e.g. "argos:ko-en@1.1", or "none" when no MT was used
    settings: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    version: str = __version__

    @classmethod
    def make(cls, glossary: str = "none", model: str = "none", **settings: object) -> "Signature":
        return cls(glossary=glossary, model=model, settings=tuple(sorted((k, str(v)) for k, v in settings.items())))

    def as_dict(self) -> dict[str, str]:
        return {"diglot": self.version, "model": self.model, "glossary": self.glossary, **dict(self.settings)}

    def __str__(self) -> str:
        return "|".join(f"{k}:{v}" for k, v in self.as_dict().items())

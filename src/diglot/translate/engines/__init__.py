"""Translation engines: one small base class, one module per engine, looked up by name.

* ``ctranslate2`` (default): SentencePiece + ``ctranslate2.Translator``, every sentence of every
  input in one batched call;
* ``argos``: Argos Translate's own ``translate()`` (needs ``pip install 'diglot[argos]'``), the
  compatibility path and the benchmark's reference.
"""

from __future__ import annotations

import importlib

from diglot.errors import DiglotError
from diglot.i18n import _
from diglot.translate.engines.base import Decoded, Engine, EngineOptions

ENGINES = ("ctranslate2", "argos")

__all__ = ["ENGINES", "Decoded", "Engine", "EngineOptions", "engine_class"]


def engine_class(name: str) -> type[Engine]:
    """The engine class registered under ``name``."""
    if name not in ENGINES:
        raise DiglotError(_("unknown engine {name}; choose one of {choices}").format(name=name, choices=", ".join(ENGINES)))
    return importlib.import_module(f"diglot.translate.engines.{name}").ENGINE

"""Translation engines, looked up by name in :data:`ENGINES` (see :mod:`diglot.registry`).

* ``ctranslate2`` (default): SentencePiece + ``ctranslate2.Translator``, every sentence of every
  input in one batched call;
* ``argos``: Argos Translate's own ``translate()`` (needs ``pip install 'diglot[argos]'``), the
  compatibility path and the benchmark's reference.

A new engine is a new module here with one :class:`Engine` subclass.

>>> ENGINES.get("ctranslate2").supports_attention
True
"""

from __future__ import annotations

from diglot.i18n import N_
from diglot.registry import Registry
from diglot.translate.engines.base import Decoded, Engine, EngineOptions

ENGINES: Registry[Engine] = Registry(__name__, Engine, N_("translation engine"))

__all__ = ["ENGINES", "Decoded", "Engine", "EngineOptions"]

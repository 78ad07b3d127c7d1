"""Offline translation: Argos packages run by CTranslate2, batched, cached, glossary-enforced.

>>> from diglot.translate import DocumentTranslator
>>> run = DocumentTranslator("ko", "en", glossary=load_glossary()).translate([("a.txt", text)])  # doctest: +SKIP

Parts: :mod:`~diglot.translate.models` (the package store), :mod:`~diglot.translate.engines`
(the engine family), :mod:`~diglot.translate.cache` (translation memory),
:mod:`~diglot.translate.protect` (per-model protection self-test) and
:mod:`~diglot.translate.enforce` (glossary enforcement).
"""

from diglot.translate.enforce import FAILED, KEPT, REPAIRED, RESTORED, MentionReport
from diglot.translate.engines import ENGINES, Decoded, Engine, EngineOptions, engine_class
from diglot.translate.models import InstalledModel, diglot_home, find_model, install, installed_models, remove, route
from diglot.translate.pipeline import DocumentTranslator, TranslatedDocument, TranslationRun
from diglot.translate.protect import Protection

__all__ = [
    "ENGINES",
    "FAILED",
    "KEPT",
    "REPAIRED",
    "RESTORED",
    "Decoded",
    "DocumentTranslator",
    "Engine",
    "EngineOptions",
    "InstalledModel",
    "MentionReport",
    "Protection",
    "TranslatedDocument",
    "TranslationRun",
    "diglot_home",
    "engine_class",
    "find_model",
    "install",
    "installed_models",
    "remove",
    "route",
]

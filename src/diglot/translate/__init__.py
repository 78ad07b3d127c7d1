"""Offline translation: Argos packages run by CTranslate2, batched, cached, glossary-enforced.

>>> from diglot.translate import DocumentTranslator
>>> run = DocumentTranslator("ko", "en", glossary=load_glossary()).translate([("a.txt", text)])  # doctest: +SKIP

Parts, from the bottom up: :mod:`~diglot.translate.store` (where packages live, what is
installed), :mod:`~diglot.translate.engines` (the engine family), :mod:`~diglot.translate.protect`
(per-package protection self-test), :mod:`~diglot.translate.installer` (validating and installing
packages), :mod:`~diglot.translate.cache` (translation memory), :mod:`~diglot.translate.enforce`
(glossary enforcement) and :mod:`~diglot.translate.pipeline` (documents in, translations out;
:func:`translator_for`, a plain ``translate(list[str])`` callable for the aligner).

The names below are imported on first use, so that importing a part (``diglot.translate.store``,
the engine registry) does not load the glossary matcher and the segmenter with it.
"""

from __future__ import annotations

import importlib

_HOMES = {
    "ENGINES": "engines",
    "Decoded": "engines",
    "Engine": "engines",
    "EngineOptions": "engines",
    "FAILED": "enforce",
    "KEPT": "enforce",
    "REPAIRED": "enforce",
    "RESTORED": "enforce",
    "MentionReport": "enforce",
    "BrokenPackage": "store",
    "InstalledPackage": "store",
    "find_package": "store",
    "installed_packages": "store",
    "remove": "store",
    "route": "store",
    "scan": "store",
    "download": "installer",
    "install": "installer",
    "DocumentTranslator": "pipeline",
    "PlainTranslator": "pipeline",
    "TranslatedDocument": "pipeline",
    "TranslationRun": "pipeline",
    "translator_for": "pipeline",
    "Protection": "protect",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)


def __dir__() -> list[str]:
    return __all__

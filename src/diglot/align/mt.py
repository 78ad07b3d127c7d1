"""The machine-translation hook of the aligner, wired to :mod:`diglot.translate`.

The aligner takes any callable ``translate(list[str]) -> list[str]`` that turns Korean
sentences into English ones (tests pass a fake one). :func:`installed_translator` makes one
from the installed ko→en model, run by CTranslate2 without glossary enforcement (the aligner
needs the model's plain words, and the glossary is already one of its anchors).
"""

from __future__ import annotations

from typing import Callable, Sequence


def installed_translator(engine: str = "ctranslate2") -> tuple[Callable[[list[str]], list[str]], str]:
    """A ko→en ``translate`` callable and its model id; a clear error when no model is installed."""
    from diglot.translate import engine_class, route

    runner = engine_class(engine)(route("ko", "en"))

    def translate(sentences: Sequence[str]) -> list[str]:
        return [decoded.text for decoded in runner.translate(list(sentences))] if sentences else []

    return translate, runner.model_id

"""The machine-translation hook of the aligner, wired to :mod:`diglot.translate`.

The aligner takes any callable ``translate(list[str]) -> list[str]`` that turns Korean
sentences into English ones (tests pass a fake one). :func:`installed_translator` makes one
from the installed ko→en model, run by CTranslate2 without glossary enforcement (the aligner
needs the model's plain words, and the glossary is already one of its anchors).
"""

from __future__ import annotations

from typing import Callable


def installed_translator(engine: str = "ctranslate2") -> tuple[Callable[[list[str]], list[str]], str]:
    """A ko→en ``translate`` callable and its model id; a clear error when no model is installed."""
    from diglot.translate import translator_for

    translate = translator_for("ko", "en", engine)
    return translate, translate.model_id

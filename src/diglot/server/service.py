"""Translating the texts of one API request, shared by the LibreTranslate and DeepL routes.

Both APIs take a list of texts, a source language or none (each text is then detected on its
own, unlike LibreTranslate, which detects one language for a whole batch), plain text or HTML,
and limits on texts and characters a request.
"""

from __future__ import annotations

import asyncio

from diglot.i18n import _
from diglot.server.batching import Translated
from diglot.server.detect import detect
from diglot.server.http import ApiError
from diglot.server.markup import translate_html

ENGLISH_NAMES = {"ko": "Korean", "en": "English"}  # both APIs' clients show languages by English name


def check_limits(state, texts: list[str]) -> None:
    """LibreTranslate's limits on texts a request and characters a request."""
    settings = state.settings
    if settings.batch_limit and len(texts) > settings.batch_limit:
        raise ApiError(
            400, _("Invalid request: request ({count}) exceeds text limit ({limit})").format(
                count=len(texts), limit=settings.batch_limit)
        )
    chars = sum(len(t) for t in texts)
    if settings.char_limit and chars > settings.char_limit:
        raise ApiError(
            400, _("Invalid request: request ({count}) exceeds character limit ({limit})").format(
                count=chars, limit=settings.char_limit)
        )


async def translate_texts(
    state, texts: list[str], source: str, target: str, fmt: str, glossary, report: bool
) -> tuple[list[Translated], list[str]]:
    """One :class:`~diglot.server.batching.Translated` per text (its translation, its term report
    when ``report``, its signature), and the language of each (detected one by one for
    ``auto``; a text already in ``target`` comes back as it was, with an empty signature). All
    texts go to the batcher at once, so they are decoded together."""
    languages = [detect(t)[0]["language"] if source == "auto" else source for t in texts]
    chosen = {lang: state.find_glossary(glossary, lang, target) for lang in set(languages) if lang != target}

    async def one(text: str, lang: str) -> Translated:
        if lang == target:
            return Translated(text)
        mentions: list = []
        signature: dict = {}

        async def run(pieces: list[str]) -> list[str]:
            results = await state.translate(pieces, lang, target, glossary=chosen[lang], report=report)
            for r in results:
                mentions.extend(r.mentions)
                signature.update(r.signature)
            return [r.text for r in results]

        translated = await translate_html(text, run) if fmt == "html" else (await run([text]))[0]
        return Translated(translated, mentions, signature)

    return list(await asyncio.gather(*(one(t, lang) for t, lang in zip(texts, languages)))), languages

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
from diglot.server.markup import Markup

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
    state, texts: list[str], source: str, target: str, fmt: str, glossary, report: bool, alternatives: int = 0
) -> tuple[list[Translated], list[str]]:
    """One :class:`~diglot.server.batching.Translated` per text (its translation, its term report
    when ``report``, its signature, up to ``alternatives`` next-best translations), and the
    language of each (detected one by one for ``auto``; a text already in ``target`` comes back
    as it was, with an empty signature). All texts go to the batcher at once, so they are
    decoded together. The k-th alternative of a text puts together the k-th hypothesis of each
    of its sentences (and, in HTML, of each of its runs), each hypothesis glossary-enforced."""
    # Reading the texts (detection, HTML parsing) takes seconds for megabytes: done in a thread,
    # so the server goes on answering other requests meanwhile.
    if source == "auto":
        languages = await asyncio.to_thread(lambda: [detect(t)[0]["language"] for t in texts])
    else:
        languages = [source] * len(texts)
    chosen = {lang: state.find_glossary(glossary, lang, target) for lang in set(languages) if lang != target}

    async def one(text: str, lang: str) -> Translated:
        if lang == target:
            return Translated(text)
        markup = await asyncio.to_thread(Markup, text) if fmt == "html" else None
        pieces = markup.units if markup is not None else [text]
        if not pieces:
            return Translated(markup.render([]) if markup is not None else text)
        results = await state.translate(pieces, lang, target, glossary=chosen[lang], report=report,
                                        hypotheses=alternatives + 1)
        mentions = [m for r in results for m in r.mentions]
        signature = {k: v for r in results for k, v in r.signature.items()}
        variants = [[r.text for r in results]]
        for k in range(max((len(r.alternatives) for r in results), default=0)):
            variants.append([r.alternatives[k] if k < len(r.alternatives) else r.text for r in results])
        if markup is not None:
            written = await asyncio.to_thread(lambda: [markup.render(v) for v in variants])
        else:
            written = [v[0] for v in variants]
        return Translated(written[0], mentions, signature, written[1:])

    return list(await asyncio.gather(*(one(t, lang) for t, lang in zip(texts, languages)))), languages

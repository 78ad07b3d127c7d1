"""DeepL's API v2, so that ``deepl.Translator(key, server_url=…)`` and Weblate's DeepL backend
work against diglot unchanged, glossaries included.

* ``POST /v2/translate``: ``text`` (repeated form fields or a JSON list), ``target_lang``
  (``EN``, ``EN-US``, ``EN-GB``, ``KO``), ``source_lang`` (else each text is detected),
  ``glossary_id``, ``tag_handling=html`` (or ``xml``: text nodes only). Answer:
  ``{"translations": [{"detected_source_language", "text", "billed_characters"}]}``.
* ``GET /v2/languages?type=source|target``, ``GET /v2/usage``, ``GET /v2/glossary-language-pairs``.
* ``/v2/glossaries``: ``POST`` (``name``, ``source_lang``, ``target_lang``, ``entries``,
  ``entries_format`` ``tsv`` or ``csv``), ``GET`` (list), ``GET /v2/glossaries/{id}``,
  ``GET /v2/glossaries/{id}/entries`` (TSV), ``DELETE /v2/glossaries/{id}``. A glossary pushed
  here is a diglot glossary (:mod:`diglot.server.stored`): its entries are enforced with
  particles, first mentions and the term report, like the curated ones.

A key is read from ``Authorization: DeepL-Auth-Key KEY`` (or the ``auth_key`` field). Errors are
DeepL's: ``{"message": …}`` with 400, 403, 404, 413, 429.
"""

from __future__ import annotations

import asyncio
import unicodedata

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from diglot.errors import DiglotError
from diglot.i18n import _
from diglot.server.http import ApiError, Fields, guard, read_fields
from diglot.server.service import ENGLISH_NAMES, check_limits, translate_texts

TARGET_VARIANTS = {"en": [("EN-GB", "English (British)"), ("EN-US", "English (American)")]}
GLOSSARY_LANGUAGES = ("ko", "en")  # a diglot entry has a Korean and an English side
CHARACTER_LIMIT = 10**12  # no quota: /v2/usage reports this as the limit
NAME_LIMIT = 1000  # characters in a glossary's name


def _key(request: Request, fields: Fields) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() == "deepl-auth-key" and value.strip():
        return value.strip()
    return fields.text("auth_key")


async def _guarded(request: Request) -> Fields:
    fields = await read_fields(request)
    guard(request, _key(request, fields))
    return fields


def _code(state, value: str | None, field: str, required: bool) -> str | None:
    """A DeepL language code (``EN-US``, ``ko``) as diglot's (``en``), checked against the models."""
    if not value:
        if required:
            raise ApiError(400, _("Value for '{field}' not supported.").format(field=field))
        return None
    code = value.strip().lower().split("-")[0]
    if code not in state.languages():
        raise ApiError(400, _("Value for '{field}' not supported.").format(field=field))
    return code


async def translate(request: Request) -> JSONResponse:
    """Translate text (DeepL's ``/v2/translate``)."""
    state = request.app.state.diglot
    fields = await _guarded(request)
    texts = fields.getlist("text")
    if not texts:
        raise ApiError(400, _("Parameter 'text' not specified."))
    if not all(isinstance(t, str) for t in texts):
        raise ApiError(400, _("Parameter 'text' must be a string or a list of strings."))
    target = _code(state, fields.text("target_lang"), "target_lang", required=True)
    source = _code(state, fields.text("source_lang"), "source_lang", required=False)
    glossary_id = fields.text("glossary_id")
    if glossary_id and not source:
        raise ApiError(400, _("Use of a glossary requires the source_lang parameter to be set."))
    if glossary_id and state.stored.get(glossary_id) is None:
        raise ApiError(400, _("Invalid glossary_id."))
    tags = (fields.text("tag_handling") or "").lower()
    if tags not in ("", "html", "xml"):
        raise ApiError(400, _("Value for 'tag_handling' not supported."))
    check_limits(state, texts)
    try:
        results, languages = await translate_texts(
            state, texts, source or "auto", target, "html" if tags else "text", glossary_id, report=False
        )
    except DiglotError as err:
        raise ApiError(400, str(err)) from None
    return JSONResponse({
        "translations": [
            {"detected_source_language": lang.upper(), "text": result.text, "billed_characters": len(original)}
            for result, lang, original in zip(results, languages, texts)
        ]
    })


async def languages(request: Request) -> JSONResponse:
    """Source or target languages (DeepL's ``/v2/languages``)."""
    state = request.app.state.diglot
    fields = await _guarded(request)
    pairs = state.language_pairs()
    if (fields.text("type") or "source").lower() == "target":
        out = []
        for code in sorted({t for _s, t in pairs}):
            for variant, name in TARGET_VARIANTS.get(code, [(code.upper(), ENGLISH_NAMES.get(code, code))]):
                out.append({"language": variant, "name": name, "supports_formality": False})
        return JSONResponse(out)
    return JSONResponse([{"language": s.upper(), "name": ENGLISH_NAMES.get(s, s)} for s in sorted({s for s, _t in pairs})])


async def usage(request: Request) -> JSONResponse:
    """Characters translated since the server started; there is no quota."""
    await _guarded(request)
    return JSONResponse({"character_count": request.app.state.diglot.characters, "character_limit": CHARACTER_LIMIT})


async def glossary_language_pairs(request: Request) -> JSONResponse:
    await _guarded(request)
    pairs = [{"source_lang": s, "target_lang": t} for s in GLOSSARY_LANGUAGES for t in GLOSSARY_LANGUAGES if s != t]
    return JSONResponse({"supported_languages": pairs})


def _stored(request: Request):
    stored = request.app.state.diglot.stored.get(request.path_params["glossary_id"])
    if stored is None:
        raise ApiError(404, _("Glossary not found"))
    return stored


async def glossaries(request: Request) -> Response:
    """List the glossaries (GET) or create one (POST)."""
    from diglot.server.stored import parse_entries

    state = request.app.state.diglot
    fields = await _guarded(request)
    if request.method == "GET":
        return JSONResponse({"glossaries": [g.as_deepl() for g in state.stored.list()]})
    name = fields.text("name")
    if not name or not name.strip():
        raise ApiError(400, _("Parameter 'name' not specified."))
    if len(name) > NAME_LIMIT or any(unicodedata.category(c) in ("Cc", "Cs") for c in name):
        raise ApiError(400, _("Invalid request: name must be one line of at most {limit} characters").format(
            limit=NAME_LIMIT))
    pair = []
    for field in ("source_lang", "target_lang"):
        code = (fields.text(field) or "").strip().lower()
        if code not in GLOSSARY_LANGUAGES:
            raise ApiError(400, _("Unsupported glossary language pair: glossaries translate between ko and en."))
        pair.append(code)
    if pair[0] == pair[1]:
        raise ApiError(400, _("Unsupported glossary language pair: glossaries translate between ko and en."))
    entries = fields.text("entries")
    if not entries or not entries.strip():
        raise ApiError(400, _("Parameter 'entries' not specified."))
    entries_format = (fields.text("entries_format") or "tsv").lower()

    try:  # seconds for thousands of entries: in a thread, so the server goes on answering
        glossary = await asyncio.to_thread(parse_entries, entries, entries_format, pair[0], pair[1],
                                           state.settings.data_folder())
        stored = await state.edit(state.stored.create, name.strip(), pair[0], pair[1], glossary)
    except DiglotError as err:
        raise ApiError(400, _("Invalid glossary entries: {reason}").format(reason=err)) from None
    return JSONResponse(stored.as_deepl(), status_code=201)


async def glossary(request: Request) -> Response:
    """One glossary's information (GET) or its removal (DELETE)."""
    state = request.app.state.diglot
    await _guarded(request)
    stored = _stored(request)
    if request.method == "DELETE":
        await state.edit(state.stored.delete, stored.id)
        return Response(status_code=204)
    return JSONResponse(stored.as_deepl())


async def glossary_entries(request: Request) -> PlainTextResponse:
    """A glossary's entries as DeepL gives them: ``source<TAB>target`` lines."""
    await _guarded(request)
    stored = _stored(request)
    return PlainTextResponse(request.app.state.diglot.stored.entries_tsv(stored), media_type="text/tab-separated-values")


def routes() -> list[Route]:
    return [
        Route("/v2/translate", translate, methods=["POST", "GET"]),
        Route("/v2/languages", languages, methods=["GET", "POST"]),
        Route("/v2/usage", usage, methods=["GET", "POST"]),
        Route("/v2/glossary-language-pairs", glossary_language_pairs, methods=["GET"]),
        Route("/v2/glossaries", glossaries, methods=["GET", "POST"]),
        Route("/v2/glossaries/{glossary_id:str}", glossary, methods=["GET", "DELETE"]),
        Route("/v2/glossaries/{glossary_id:str}/entries", glossary_entries, methods=["GET"]),
    ]

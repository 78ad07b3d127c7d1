"""LibreTranslate's API, so that its clients (Weblate, Discourse, Nextcloud, libretranslatepy)
work against diglot unchanged.

* ``POST /translate``: ``q`` (a string or a list), ``source`` (a code or ``auto``: each text is
  detected on its own), ``target``, ``format`` (``text`` or ``html``: only text nodes are
  translated), ``alternatives``, ``api_key``; as JSON or a form. The answer is
  ``{"translatedText": …}`` (a list for a list), with ``detectedLanguage`` for ``auto``.
  diglot adds two optional fields that other clients never send: ``glossary`` (a glossary name on
  the server, ``"none"``, or inline entries) and ``report`` (the term report of each text, as
  ``diglot translate --report`` writes it). ``alternatives`` (up to
  :data:`ALTERNATIVES_LIMIT`) are answered as LibreTranslate answers them: the next-best
  hypotheses of the model, here each one glossary-enforced like the translation, the k-th of
  every sentence joined per text, without repeats or the translation itself (a list per text
  for a list ``q``).
* ``POST /detect``, ``GET /languages``, ``POST /translate_file`` (``.txt``, ``.md``, ``.html``)
  then ``GET /download_file/…``, ``GET /frontend/settings``, ``GET /health``.

Errors are LibreTranslate's: ``{"error": …}`` with 400 (bad request, unsupported language, over
a limit), 403 (key), 429 (rate limit), 500.
"""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Route

from diglot import __version__
from diglot.errors import DiglotError
from diglot.i18n import _
from diglot.server.detect import detect
from diglot.server.http import ApiError, Fields, guard, read_fields
from diglot.server.markup import translate_html, translate_markdown
from diglot.server.service import ENGLISH_NAMES, check_limits, translate_texts

FILE_FORMATS = (".txt", ".md", ".html", ".htm")
FILE_LIFETIME = 3600.0  # seconds a translated file waits for its download
ALTERNATIVES_LIMIT = 3  # LibreTranslate's default --alternatives-limit
_FILE_NAME = re.compile(r"^[0-9a-f]{32}\.[\w\- .]{1,120}$")


def languages_list(state) -> list[dict]:
    """Every language the server translates from, with the languages it translates it into."""
    pairs = state.language_pairs()
    codes = sorted(state.languages())
    return [
        {"code": code, "name": ENGLISH_NAMES.get(code, code), "targets": sorted(t for s, t in pairs if s == code)}
        for code in codes
    ]


def _texts(fields: Fields) -> tuple[list[str], bool]:
    """The texts of ``q`` and whether ``q`` was a list."""
    q = fields.values.get("q")
    if not q:
        raise ApiError(400, _("Invalid request: missing q parameter"))
    as_list = len(q) > 1 or isinstance(q[0], list)
    texts = fields.getlist("q")
    if not all(isinstance(t, str) for t in texts):
        raise ApiError(400, _("Invalid request: q must be a string or a list of strings"))
    return texts, as_list


def _language(state, fields: Fields, name: str, allow_auto: bool = False) -> str:
    code = fields.text(name)
    if not code:
        raise ApiError(400, _("Invalid request: missing {field} parameter").format(field=name))
    code = code.strip().lower()
    if code == "auto" and allow_auto:
        return code
    if code not in state.languages():
        raise ApiError(400, _("{lang} is not supported").format(lang=code))
    return code


async def translate(request: Request) -> JSONResponse:
    """Translate text (LibreTranslate's ``/translate``)."""
    state = request.app.state.diglot
    fields = await read_fields(request)
    guard(request, fields.text("api_key"))
    texts, as_list = _texts(fields)
    source = _language(state, fields, "source", allow_auto=True)
    target = _language(state, fields, "target")
    fmt = (fields.text("format") or "text").lower()
    if fmt not in ("text", "html"):
        raise ApiError(400, _("Invalid request: format must be text or html"))
    alternatives = fields.integer("alternatives", 0)
    if not 0 <= alternatives <= ALTERNATIVES_LIMIT:
        raise ApiError(400, _("Invalid request: alternatives must be a whole number from 0 to {limit}").format(
            limit=ALTERNATIVES_LIMIT))
    check_limits(state, texts)
    report = fields.flag("report")
    results, languages = await translate_texts(
        state, texts, source, target, fmt, fields.get("glossary"), report, alternatives)
    body: dict = {"translatedText": [r.text for r in results] if as_list else results[0].text}
    if source == "auto":
        confidences = await asyncio.to_thread(lambda: [detect(t)[0]["confidence"] for t in texts])
        detected = [{"confidence": c, "language": lang} for c, lang in zip(confidences, languages)]
        body["detectedLanguage"] = detected if as_list else detected[0]
    if alternatives > 0:
        others = [_unique(r.alternatives, r.text) for r in results]
        body["alternatives"] = others if as_list else others[0]
    if report:
        reports, signatures = [r.mentions for r in results], [r.signature for r in results]
        body["report"] = reports if as_list else reports[0]
        body["signature"] = signatures if as_list else signatures[0]  # model, glossary, settings
    return JSONResponse(body)


def _unique(texts: list[str], translation: str) -> list[str]:
    """``texts`` in order, each once, without the translation itself or an empty one (LibreTranslate's filter)."""
    seen, out = {translation, ""}, []
    for text in texts:
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


async def detect_route(request: Request) -> JSONResponse:
    """Detect the language of a text (LibreTranslate's ``/detect``)."""
    fields = await read_fields(request)
    guard(request, fields.text("api_key"))
    texts, as_list = _texts(fields)
    check_limits(request.app.state.diglot, texts)
    found = await asyncio.to_thread(lambda: [detect(t) for t in texts])  # seconds for megabytes
    return JSONResponse(found if as_list else found[0])


async def languages(request: Request) -> JSONResponse:
    """The languages the server translates (LibreTranslate's ``/languages``)."""
    return JSONResponse(languages_list(request.app.state.diglot))


async def frontend_settings(request: Request) -> JSONResponse:
    """What LibreTranslate's front end and clients ask before their first request."""
    state = request.app.state.diglot
    return JSONResponse({
        "charLimit": state.settings.char_limit or -1,
        "frontendTimeout": 500,
        "apiKeys": state.keys.required,
        "keyRequired": state.keys.required,
        "suggestions": False,
        "filesTranslation": True,
        "supportedFilesFormat": list(FILE_FORMATS),
        "language": {
            "source": {"code": "auto", "name": "Auto Detect"},
            "target": {"code": "en", "name": ENGLISH_NAMES["en"]},
        },
    })


async def health(request: Request) -> JSONResponse:
    """Whether the server is up, with what it serves."""
    state = request.app.state.diglot
    return JSONResponse({
        "status": "ok",
        "version": __version__,
        "models": [m.id for m in state.models()],
        "glossary": state.glossary().fingerprint,
    })


def _files_folder(state) -> Path:
    folder = state.settings.data_folder() / "files"
    folder.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for old in folder.iterdir():  # translations never fetched do not pile up
        if old.is_file() and now - old.stat().st_mtime > FILE_LIFETIME:
            old.unlink(missing_ok=True)
    return folder


async def translate_file(request: Request) -> JSONResponse:
    """Translate an uploaded ``.txt``, ``.md`` or ``.html`` file; answer where to download it."""
    from diglot.textio import atomic_write, decode

    state = request.app.state.diglot
    fields = await read_fields(request)
    guard(request, fields.text("api_key"))
    upload = fields.files.get("file")
    if upload is None:
        raise ApiError(400, _("Invalid request: missing file parameter"))
    name = re.sub(r"[^\w\- .]", "_", Path(upload.filename or "file.txt").name)[-120:] or "file.txt"
    suffix = Path(name).suffix.lower()
    if suffix not in FILE_FORMATS:
        raise ApiError(400, _("Invalid request: {suffix} files are not supported (use {formats})").format(
            suffix=suffix or name, formats=", ".join(FILE_FORMATS)))
    try:
        text = decode(await upload.read(), name)
    except DiglotError as err:
        raise ApiError(400, str(err)) from None
    check_limits(state, [text])
    source = _language(state, fields, "source", allow_auto=True)
    target = _language(state, fields, "target")
    if source == "auto":
        source = (await asyncio.to_thread(detect, text))[0]["language"]
    glossary = state.find_glossary(fields.get("glossary"), source, target)

    async def run(pieces: list[str]) -> list[str]:
        return [r.text for r in await state.translate(pieces, source, target, glossary=glossary)]

    if suffix in (".html", ".htm"):
        translated = await translate_html(text, run)
    elif suffix == ".md":
        translated = await translate_markdown(text, run)
    else:
        translated = (await run([text]))[0]
    stored = f"{uuid.uuid4().hex}.{name}"
    atomic_write(_files_folder(state) / stored, translated)
    return JSONResponse({"translatedFileUrl": f"{str(request.base_url).rstrip('/')}/download_file/{stored}"})


async def download_file(request: Request):
    """A file ``/translate_file`` translated."""
    name = request.path_params["name"]
    path = request.app.state.diglot.settings.data_folder() / "files" / name
    if not _FILE_NAME.match(name) or not path.is_file():
        raise ApiError(404, _("Invalid request: no such file"))
    return FileResponse(path, filename=name.split(".", 1)[1])


def routes() -> list[Route]:
    return [
        Route("/translate", translate, methods=["POST"]),
        Route("/detect", detect_route, methods=["POST"]),
        Route("/languages", languages, methods=["GET", "POST"]),
        Route("/translate_file", translate_file, methods=["POST"]),
        Route("/download_file/{name:str}", download_file, methods=["GET"]),
        Route("/frontend/settings", frontend_settings, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
    ]

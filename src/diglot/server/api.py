"""diglot's own API, under ``/api/``: what the command line does, as JSON over HTTP.

* ``GET /api/models``: the installed translation packages.
* ``POST /api/check``: ``source``, ``target`` (texts), optional ``glossary``, ``presplit``
  (line *i* translates line *i*), ``waivers`` (the findings an editor accepted: a waivers file's
  text, as ``diglot check --waivers`` reads it, or the same as JSON, or an uploaded file) →
  ``{"records": […], "problems": N, "notes": N, "dismissed": N, "signature": …}``, the records
  exactly as ``diglot check --json`` writes them, the waived findings left out; ``problems``
  counts errors and warnings (what makes ``diglot check`` exit 1), ``notes`` the findings rated
  notes, ``dismissed`` the findings a waiver accepted.
* ``POST /api/align``: ``source``, ``target`` → ``{"beads": […]}``, each bead its segments
  (numbered from 1) and texts.
* ``POST /api/edition``: ``source``, ``target``, ``format`` (any edition writer: ``html``,
  ``md``, ``tmx``, ``xliff``, ``po``, ``tsv``, ``jsonl``) → the writer's output.
* ``GET /api/glossary?q=…``: entries found by id, form or part of a form;
  ``GET /api/glossary/lint``: the problems of the server's glossary files;
  ``GET /api/glossary/{id}``: one entry; ``POST /api/glossary`` (``file``, ``entry`` in the YAML
  schema) adds an entry, linted first, and ``DELETE /api/glossary/{id}`` removes one: both edit
  the YAML file in place, atomically and under the edit lock, as ``diglot glossary add|remove``.

The texts are analysed on the model's thread, one job at a time, like translations. Keys and
rate limits apply as for the translation APIs (``api_key``, or an ``Authorization`` header).
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from diglot.errors import DiglotError
from diglot.i18n import _
from diglot.server.http import ApiError, Fields, guard, read_fields
from diglot.server.service import check_limits

MEDIA_TYPES = {"html": "text/html", "md": "text/markdown", "tmx": "application/xml", "xliff": "application/xml",
               "po": "text/plain", "tsv": "text/tab-separated-values", "jsonl": "application/jsonl"}


def _key(request: Request, fields: Fields) -> str | None:
    scheme, _sep, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme and value.strip() else fields.text("api_key")


async def _fields(request: Request) -> Fields:
    fields = await read_fields(request)
    guard(request, _key(request, fields))
    return fields


def _texts(state, fields: Fields) -> tuple[str, str]:
    """``source`` and ``target``, together within ``--char-limit`` (aligning 100,000 characters
    takes the model's thread for half a minute)."""
    texts = []
    for name in ("source", "target"):
        value = fields.text(name)
        if not value or not value.strip():
            raise ApiError(400, _("Invalid request: missing {field} parameter").format(field=name))
        texts.append(value)
    check_limits(state, ["".join(texts)])  # one text: the limit on texts a request is for translations
    return texts[0], texts[1]


def _languages(source: str, target: str) -> tuple[str, str]:
    from diglot.languages import pair_languages

    return pair_languages(source, target, ("source", "target"))


async def _on_model_thread(request: Request, function, *args):
    """Run ``function`` where the translations run: one analysis at a time, the loop kept free."""
    import asyncio

    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(request.app.state.diglot.batcher.executor, function, *args)


async def models(request: Request) -> JSONResponse:
    """The installed translation packages."""
    await _fields(request)
    return JSONResponse({"models": [
        {"id": m.id, "from": m.from_code, "to": m.to_code, "version": m.version, "origin": m.origin}
        for m in request.app.state.diglot.models()
    ]})


async def _waivers(fields: Fields):
    """The waivers a request sends (``waivers``: text, JSON or a file), or None."""
    import json

    from diglot.check import Waivers
    from diglot.textio import decode

    upload = fields.files.get("waivers")
    value = fields.get("waivers")
    try:
        if upload is not None:
            name = Path(upload.filename or "waivers.yaml").name
            return Waivers.from_text(decode(await upload.read(), name), name)
        if value is None or value == "":
            return None
        if isinstance(value, list):
            value = {"waivers": value}
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        return Waivers.from_text(text, "waivers")
    except DiglotError as err:
        raise ApiError(400, str(err)) from None


async def check(request: Request) -> JSONResponse:
    """Glossary and number QA of a translation, as ``diglot check --json``, waivers honoured."""
    from diglot.check import check as check_document, check_presplit, fails, json_records
    from diglot.glossary import Matcher

    state = request.app.state.diglot
    fields = await _fields(request)
    source, target = _texts(state, fields)
    src_lang, tgt_lang = _languages(source, target)
    glossary = state.find_glossary(fields.get("glossary"), src_lang, tgt_lang) or state.glossary()
    presplit = fields.flag("presplit")
    waivers = await _waivers(fields)

    def run():
        matcher = Matcher(glossary, [src_lang, tgt_lang])
        if presplit:
            return check_presplit(source, target, src_lang, tgt_lang, matcher, waivers=waivers)
        from diglot.align import align_texts

        doc = align_texts(source, target, src_lang, tgt_lang, matcher=matcher, doc_id="target")
        return check_document(doc, matcher, waivers=waivers)

    report = await _on_model_thread(request, run)
    return JSONResponse({
        "records": json_records(report.doc, report.findings, presplit),
        "problems": sum(1 for f in report.problems if fails(f)),  # errors and warnings, as diglot check counts
        "notes": sum(1 for f in report.problems if not fails(f)),
        "dismissed": len(report.dismissed),
        "signature": report.signature.as_dict(),
    })


async def align(request: Request) -> JSONResponse:
    """Sentence alignment of a text and its translation."""
    from diglot.align import align_texts

    state = request.app.state.diglot
    fields = await _fields(request)
    source, target = _texts(state, fields)
    src_lang, tgt_lang = _languages(source, target)
    doc = await _on_model_thread(request, lambda: align_texts(source, target, src_lang, tgt_lang, matcher=state.matcher()))
    beads = []
    for bead in doc.beads:
        src_text, tgt_text = doc.bead_text(bead)
        beads.append({"source_segments": [i + 1 for i in bead.src], "target_segments": [j + 1 for j in bead.tgt],
                      "source": src_text, "target": tgt_text})
    return JSONResponse({"source_lang": src_lang, "target_lang": tgt_lang, "beads": beads})


async def edition(request: Request) -> Response:
    """A bilingual edition of a text and its translation, in any edition format."""
    from diglot.edition import FORMATS, build_edition, render_edition

    state = request.app.state.diglot
    fields = await _fields(request)
    source, target = _texts(state, fields)
    fmt = (fields.text("format") or "html").lower()
    if fmt not in FORMATS:
        raise ApiError(400, _("Invalid request: format must be one of {formats}").format(formats=", ".join(FORMATS)))
    src_lang, tgt_lang = _languages(source, target)
    glossary = state.find_glossary(fields.get("glossary"), src_lang, tgt_lang) or state.glossary()

    def run() -> str:
        return render_edition(build_edition(source, target, glossary, names=("source", "target")), fmt)

    text = await _on_model_thread(request, run)
    return Response(text, media_type=MEDIA_TYPES.get(fmt, "text/plain"))


def _entry_json(entry) -> dict:
    origin = entry.origin
    return {**entry.as_dict(), "file": origin.file if origin else None, "line": origin.line if origin else None}


async def glossary_search(request: Request) -> JSONResponse:
    """Entries for a query: the id, a whole form, a form with its particles, part of a form."""
    from diglot.glossary.search import search

    state = request.app.state.diglot
    fields = await _fields(request)
    query = fields.text("q") or ""
    return JSONResponse({"entries": [_entry_json(e) for e in search(state.glossary(), state.matcher(), query)]})


async def glossary_show(request: Request) -> JSONResponse:
    """One entry, by id."""
    await _fields(request)
    entry = request.app.state.diglot.glossary().get(request.path_params["entry"])
    if entry is None:
        raise ApiError(404, _("no entry has the id {id}").format(id=request.path_params["entry"]))
    return JSONResponse(_entry_json(entry))


async def glossary_lint(request: Request) -> JSONResponse:
    """The problems of the server's glossary files, as ``diglot glossary lint`` finds them."""
    from diglot.glossary import read_glossary
    from diglot.glossary.lint import lint

    state = request.app.state.diglot
    await _fields(request)
    problems = lint(read_glossary(state.glossary_paths))
    return JSONResponse({
        "errors": sum(1 for p in problems if p.severity == "error"),
        "problems": [{"severity": p.severity, "message": p.message, "where": str(p.origin)} for p in problems],
    })


def _editable_file(state, value) -> Path:
    """The server's YAML glossary file a request names (by name or by path): only those it was
    started with (``-g``), never the curated glossaries it serves when given none."""
    if not state.settings.glossary_paths:
        raise ApiError(403, _("this server edits no glossary: it was started without -g and serves the curated "
                              "glossaries shipped with diglot; start it with -g FILE.yaml to edit that file"))
    files = state.glossary_names()
    path = files.get(value) if isinstance(value, str) else None
    if path is None and isinstance(value, str):
        path = next((p for p in files.values() if str(p) == value), None)
    if path is None or path.suffix.lower() not in (".yaml", ".yml"):
        names = ", ".join(n for n, p in files.items() if p.suffix.lower() in (".yaml", ".yml"))
        raise ApiError(400, _("Invalid request: file must name one of the server's YAML glossaries ({names})").format(
            names=names))
    return path


async def glossary_add(request: Request) -> JSONResponse:
    """Add an entry to one of the server's YAML glossary files, linted first."""
    from diglot.glossary import Origin
    from diglot.glossary.edit import add_entries
    from diglot.glossary.lint import lint_addition
    from diglot.glossary.model import entry_from_dict

    state = request.app.state.diglot
    fields = await _fields(request)
    path = _editable_file(state, fields.get("file"))
    raw = fields.get("entry")
    if not isinstance(raw, dict):
        raise ApiError(400, _("Invalid request: entry must be an object in the glossary's YAML schema"))
    problems: list = []
    entry = entry_from_dict(raw, Origin(str(path)), problems)
    errors = [p for p in problems if p.severity == "error"]
    if entry is not None and not errors:
        errors = [p for p in lint_addition(state.glossary(), entry) if p.severity == "error"]
    if entry is None or errors:
        raise ApiError(400, errors[0].message if errors else _("invalid entry"))
    try:
        await state.edit(add_entries, path, [entry])
    except DiglotError as err:
        raise ApiError(400, str(err)) from None
    added = state.glossary().get(entry.id) or entry
    return JSONResponse(_entry_json(added), status_code=201)


async def glossary_remove(request: Request) -> Response:
    """Remove an entry from the YAML glossary file that holds it."""
    from diglot.glossary.edit import remove_entry

    state = request.app.state.diglot
    await _fields(request)
    entry = state.glossary().get(request.path_params["entry"])
    if entry is None:
        raise ApiError(404, _("no entry has the id {id}").format(id=request.path_params["entry"]))
    path = _editable_file(state, entry.origin.file if entry.origin else None)
    try:
        await state.edit(remove_entry, path, entry.id)
    except DiglotError as err:
        raise ApiError(400, str(err)) from None
    return Response(status_code=204)


async def openapi(request: Request) -> JSONResponse:
    """This server's OpenAPI 3 description."""
    from diglot.server.openapi import describe

    return JSONResponse(describe(request.app))


def routes() -> list[Route]:
    return [
        Route("/api/models", models, methods=["GET"]),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/align", align, methods=["POST"]),
        Route("/api/edition", edition, methods=["POST"]),
        Route("/api/glossary", glossary_search, methods=["GET"]),
        Route("/api/glossary", glossary_add, methods=["POST"]),
        Route("/api/glossary/lint", glossary_lint, methods=["GET"]),
        Route("/api/glossary/{entry:str}", glossary_show, methods=["GET"]),
        Route("/api/glossary/{entry:str}", glossary_remove, methods=["DELETE"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ]

"""What every page of the web app shares: the reader's language, the templates, errors as messages.

A page is an ``async`` function of the request; :func:`page` wraps it so that it speaks the
reader's language (:func:`reader_language`) and so that bad input shows as a message on the
page, never as a stack trace.
"""

from __future__ import annotations

import functools
import logging
from typing import Any, Awaitable, Callable

import jinja2
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from diglot import __version__
from diglot.errors import DiglotError
from diglot.i18n import SUPPORTED, _, current_language, gettext, ngettext, using_language
from diglot.languages import LANGUAGE_NAMES
from diglot.textio import decode

LANGUAGE_COOKIE = "diglot_lang"
_log = logging.getLogger(__name__)

# Templates write their messages as ``{{ _("English text") }}``; scripts/update_locales.py reads
# Python only, so each is also listed in :mod:`diglot.server.web.messages` (a test keeps the two equal).
templates = jinja2.Environment(
    loader=jinja2.PackageLoader("diglot.server.web", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    extensions=["jinja2.ext.i18n"],
)
templates.install_gettext_callables(gettext=gettext, ngettext=ngettext, newstyle=False)  # type: ignore[attr-defined]
# The language switch: the languages of messages, each in its own words.
templates.globals.update(version=__version__, language_names={code: LANGUAGE_NAMES[code] for code in SUPPORTED})


def reader_language(request: Request) -> str:
    """The language of the page: ``?lang=`` (the switch), else the cookie it set, else ``Accept-Language``."""
    chosen = request.query_params.get("lang") or request.cookies.get(LANGUAGE_COOKIE)
    if chosen in SUPPORTED:
        return chosen
    ranked = []
    for position, part in enumerate(request.headers.get("accept-language", "").split(",")):
        tag, _sep, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        code = tag.split("-")[0].lower()
        if code in SUPPORTED and quality > 0:
            ranked.append((-quality, position, code))
    return min(ranked)[2] if ranked else "en"


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """``template`` rendered in the reader's language, with what the layout needs."""
    context.setdefault("form", {})
    html = templates.get_template(template).render(lang=current_language(), page_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status_code)


Handler = Callable[[Request], Awaitable[Response]]


def page(template: str) -> Callable[[Handler], Handler]:
    """Run a page handler in the reader's language; a :class:`DiglotError` shows on ``template``.

    Any other exception is logged and shown as one line, never as a stack trace.
    """

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def run(request: Request) -> Response:
            language = reader_language(request)
            with using_language(language):
                try:
                    response = await handler(request)
                except DiglotError as err:  # the page again, with what was typed and the message
                    response = render(request, template, status_code=400, error=str(err), form=await _typed(request))
                except HTTPException as err:  # Starlette's own refusals (400): a form that cannot be read
                    response = render(request, template, status_code=err.status_code,
                                      error=_("Invalid request: the form data cannot be read"))
                except Exception:  # noqa: BLE001 - the reader gets a message, the log gets the trace
                    _log.exception("web page %s failed", request.url.path)
                    response = render(
                        request, template, status_code=500,
                        error=_("Something went wrong on the server; the details are in its log."),
                    )  # fmt: skip
            if request.query_params.get("lang") in SUPPORTED:
                response.set_cookie(LANGUAGE_COOKIE, language, max_age=365 * 24 * 3600, samesite="lax")
            return response

        return run

    return decorate


async def _typed(request: Request) -> dict[str, str]:
    """The text fields of the request's form (none for a GET)."""
    if request.method != "POST":
        return {}
    try:
        form = await request.form()
    except HTTPException:  # a malformed form: nothing typed to show again
        return {}
    return {key: value for key, value in form.items() if isinstance(value, str)}


async def form_text(request: Request, name: str) -> str:
    """The text of field ``name``: an uploaded file's content if one was chosen, else the field's value.

    Uploaded files are checked as files are (:func:`decode_upload`); pasted text comes with the
    browser's CRLF line ends, turned back into LF.
    """
    form = await request.form()
    upload = form.get(f"{name}_file")
    if upload is not None and not isinstance(upload, str) and upload.filename:
        return decode_upload(await upload.read(), upload.filename)
    value = form.get(name, "")
    return value.replace("\r\n", "\n") if isinstance(value, str) else ""


def decode_upload(data: bytes, name: str) -> str:
    """An uploaded file's text exactly as written (BOM and CRLF kept, for byte-exact fixes);
    binary and non-UTF-8 files are refused with :func:`diglot.textio.decode`'s message."""
    decode(data, name)
    return data.decode("utf-8")


def attachment(data: bytes, filename: str, media_type: str) -> Response:
    """A download: ``data`` to be saved as ``filename`` (reduced to safe ASCII characters)."""
    safe = "".join(c for c in filename if c.isascii() and (c.isalnum() or c in "._-")) or "download"
    return Response(data, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{safe}"'})

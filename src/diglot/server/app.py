"""The ASGI application: :func:`create_app` is what ``diglot serve`` runs and what tests use.

Routes, by who speaks them:

* LibreTranslate's API (:mod:`diglot.server.libretranslate`): ``POST /translate``,
  ``/detect``, ``GET /languages``, ``POST /translate_file``, ``GET /download_file/…``,
  ``GET /frontend/settings``, ``GET /health``;
* DeepL's API v2 (:mod:`diglot.server.deepl`): everything under ``/v2/``;
* diglot's own (:mod:`diglot.server.api`): everything under ``/api/``, and ``/openapi.json``;
* the web app, when the package ``diglot.server.web`` is there: its ``routes(state)`` (a list of
  Starlette routes) is mounted as it is, for ``/``, ``/review``, ``/glossary``,
  ``/glossary/proposals`` and ``/static/…``. The API paths above are kept for the APIs (``GET /``
  is the web app's, ``POST /translate`` LibreTranslate's).

Every route finds the shared state at ``request.app.state.diglot`` (a
:class:`~diglot.server.state.ServerState`). Every error reaches the client as one JSON line
(``{"error": …}``, or DeepL's ``{"message": …}`` under ``/v2/``), never a traceback: unexpected
exceptions are logged on the server and answered with a plain 500.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import importlib.util
import logging

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from diglot.errors import DiglotError, ModelFailure
from diglot.i18n import _
from diglot.server.http import ApiError, BodyTooLarge, error_response
from diglot.server.settings import Settings
from diglot.server.state import ServerState

log = logging.getLogger("diglot.server")


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, and go on serving.

    A declared ``Content-Length`` over the limit is refused before the body is read; a body
    that turns out longer while streaming is cut off the same way. The rest of the body is read
    and dropped (never kept) so the client receives the answer instead of a reset connection.
    """

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await self._refuse(scope, receive, send)
        seen = 0

        async def counting_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
            return message

        try:
            await self.app(scope, counting_receive, send)
        except BodyTooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope, receive, send):
        more = True
        while more:  # drop the rest of the body
            message = await receive()
            more = message["type"] == "http.request" and message.get("more_body", False)
        message = _("Invalid request: the request body is larger than {limit} bytes").format(limit=self.limit)
        await error_response(Request(scope), 413, message)(scope, receive, send)


async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(request, exc.status, exc.message)


async def _diglot_error(request: Request, exc: DiglotError) -> JSONResponse:
    return error_response(request, 500 if isinstance(exc, ModelFailure) else 400, str(exc))


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    return error_response(request, exc.status_code, str(exc.detail))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("error while serving %s %s", request.method, request.url.path)
    return error_response(request, 500, _("Internal server error; the server log says more"))


def web_routes(state: ServerState) -> list:
    """The web app's routes, if ``diglot.server.web`` is installed."""
    if importlib.util.find_spec("diglot.server.web") is None:
        return []
    web = importlib.import_module("diglot.server.web")
    return list(web.routes(state)) if hasattr(web, "routes") else []


def _lifespan(state: ServerState):
    @contextlib.asynccontextmanager
    async def lifespan(app):
        await asyncio.to_thread(state.warm)  # before the server answers its first request
        yield
        state.close()

    return lifespan


def create_app(settings: Settings | None = None) -> Starlette:
    """The server for ``settings``: its routes, error handlers, limits and shared state."""
    from diglot.server import api, deepl, libretranslate

    settings = settings or Settings()
    state = ServerState(settings)
    routes = [*libretranslate.routes(), *deepl.routes(), *api.routes(), *web_routes(state)]
    app = Starlette(
        routes=routes,
        exception_handlers={
            ApiError: _api_error,
            DiglotError: _diglot_error,
            HTTPException: _http_error,
            Exception: _unexpected,
        },
        lifespan=_lifespan(state),
    )
    app.state.diglot = state
    app.add_middleware(BodyLimit, limit=settings.body_limit)
    return app

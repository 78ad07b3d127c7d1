"""The newsroom web app that ``diglot serve`` serves beside its APIs.

Four pages, in English and Korean (the reader's ``Accept-Language``, or the switch on every page):

* ``/`` translate an article, the glossary enforced, with its term report (:mod:`.translate`);
* ``/review`` review a translation: the bilingual edition with the check's findings, each to
  fix or dismiss, and the corrected text to download (:mod:`.review`);
* ``/glossary`` search, read and add entries (:mod:`.glossary`);
* ``/glossary/proposals`` accept, edit or reject mined proposals (:mod:`.proposals`).

Everything the pages need is served from here (``/static/…``): no request leaves the server.
The forms work without JavaScript; ``static/app.js`` adds progress, term tooltips on focus and
in-place editing. The stable hooks tests and scripts can rely on are listed in ``docs/web.md``.
"""

from __future__ import annotations

from importlib.resources import files

from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from diglot.edition.writers.html import stylesheet


async def _edition_css(request) -> Response:  # noqa: ANN001 - a Starlette request
    return Response(stylesheet(), media_type="text/css; charset=utf-8")


def routes(state) -> list[BaseRoute]:  # noqa: ANN001 - a diglot.server.state.ServerState
    """Every route of the web app, over the server's shared ``state``."""
    from diglot.server.web import glossary, proposals, review, translate

    static = StaticFiles(directory=str(files("diglot.server.web").joinpath("static")))
    return [
        *translate.routes(state),
        *review.routes(state),
        *proposals.routes(state),  # before glossary's /glossary/{entry}
        *glossary.routes(state),
        Route("/static/edition.css", _edition_css),  # the edition's own style sheet, shared with `diglot edition`
        Mount("/static", app=static, name="static"),
    ]

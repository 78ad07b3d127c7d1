"""The proposals page (``/glossary/proposals``): the mined proposals queue, decided one by one as
``diglot glossary review`` decides them (:class:`diglot.mine.review.Review`).

The queue is ``proposals.yaml`` in the server's data folder (``diglot glossary mine -o`` writes
one); accepted entries go into the YAML glossary file chosen on the page, rejected ones into
``proposals.rejected.yaml`` beside the queue, so they are not proposed again.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from diglot.errors import DiglotError
from diglot.glossary.load import glossary_files
from diglot.i18n import _, ngettext
from diglot.mine.review import Review, score_of
from diglot.server.web.pages import page, render

SHOWN = 50


def proposals_path(state) -> Path:  # noqa: ANN001 - a diglot.server.state.ServerState
    return state.settings.data_folder() / "proposals.yaml"


def routes(state) -> list[Route]:  # noqa: ANN001 - a diglot.server.state.ServerState
    def yaml_files() -> list[str]:  # only those -g named: never the curated glossaries shipped with diglot
        if not state.settings.glossary_paths:
            return []
        return [str(p) for p in glossary_files(state.glossary_paths) if p.suffix.lower() in (".yaml", ".yml")]

    def show(request: Request, notice: str | None = None, target: str | None = None) -> Response:
        path = proposals_path(state)
        files = yaml_files()
        pending = []
        if path.exists() and files:
            pending = Review(path, target or files[0]).pending()
        return render(
            request, "proposals.html", path=str(path), exists=path.exists(), files=files, target=target or (files[0] if files else ""),
            pending=[(p, score_of(p)) for p in pending[:SHOWN]], notice=notice,
            lead=ngettext(
                "{total} proposal to decide in {path}. Accept it as it is or with your changes, or reject it.",
                "{total} proposals to decide in {path}, best first as mined. Accept each as it is or with your changes, or reject it.",
                len(pending),
            ).format(total=len(pending), path=path),
        )  # fmt: skip

    @page("proposals.html")
    async def proposals(request: Request) -> Response:
        if request.method == "GET":
            return show(request)
        form = await request.form()
        target = str(form.get("glossary", ""))
        if target not in yaml_files():
            raise DiglotError(_("choose one of the server's YAML glossary files to add the entry to"))
        review = Review(proposals_path(state), target)
        wanted = str(form.get("id", ""))
        proposal = next((p for p in review.pending() if p.id == wanted), None)
        if proposal is None:
            raise DiglotError(_("proposal {id} is no longer in the queue").format(id=wanted))
        decision = str(form.get("decision", ""))
        if decision == "reject":
            await state.edit(review.reject, proposal)
            notice = _("Rejected {id}: it will not be proposed again.").format(id=proposal.id)
        elif decision == "accept":
            changes = {k: str(form.get(k)).strip() for k in ("ko", "en", "type", "note") if str(form.get(k, "")).strip()}
            entry = await state.edit(review.accept, proposal, changes)
            notice = _("Accepted {id} into {file}.").format(id=entry.id, file=target)
        else:
            raise DiglotError(_("the form's action was damaged; check the texts again"))
        return show(request, notice, target)

    return [Route("/glossary/proposals", proposals, methods=["GET", "POST"])]

"""The glossary pages: search any form (``/glossary?q=``), read an entry whole
(``/glossary/{id}``), add an entry (``/glossary/add``), and see which files are loaded.

Search finds what the matcher finds: a form with its particles or spacing (탈북자들은,
강제 북송) names its entry, as in running text; ids and parts of forms are found too. A new
entry is linted with the whole glossary before it is written, and written as
``diglot glossary add`` writes (atomically, under the file's lock, comments kept).
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from diglot.errors import DiglotError
from diglot.glossary import TYPES, Entry, Glossary, Origin, Problem, read_glossary
from diglot.glossary.edit import add_entries, remove_entry, rest_of_glossary
from diglot.glossary.lint import lint_addition
from diglot.glossary.load import glossary_files
from diglot.glossary.search import search
from diglot.glossary.model import entry_from_dict
from diglot.i18n import _, ngettext
from diglot.server.web.pages import page, render


@dataclass(frozen=True)
class LoadedFile:
    """One glossary file the server reads: its path, entry count and fingerprint."""

    path: str
    entries: int
    fingerprint: str
    editable: bool  # a YAML file, which the add form can write to


def loaded_files(paths: list) -> list[LoadedFile]:  # noqa: ANN001 - paths or str
    out = []
    for path in glossary_files(paths):
        glossary = read_glossary([path])
        out.append(LoadedFile(str(path), len(glossary), glossary.fingerprint, path.suffix.lower() in (".yaml", ".yml")))
    return out


def _split(value: str) -> list[str]:
    """A list field typed as text: one form a line, or separated by commas."""
    return [part.strip() for line in value.splitlines() for part in line.split(",") if part.strip()]


def entry_from_form(form, file: str) -> tuple[Entry | None, list[Problem]]:  # noqa: ANN001 - a form
    """The entry the add form describes, and the problems found while reading it."""
    raw: dict[str, object] = {"id": str(form.get("id", "")).strip(), "type": str(form.get("type", "term"))}
    for name in ("source", "note"):
        if str(form.get(name, "")).strip():
            raw[name] = str(form.get(name)).strip()
    for lang in ("ko", "en"):
        terms: dict[str, object] = {"preferred": str(form.get(lang, "")).strip()}
        for field in ("variants", "forbidden"):
            forms = _split(str(form.get(f"{lang}_{field}", "")))
            if forms:
                terms[field] = forms
        if str(form.get(f"{lang}_short", "")).strip():
            terms["short"] = str(form.get(f"{lang}_short")).strip()
        raw[lang] = terms
    problems: list[Problem] = []
    return entry_from_dict(raw, Origin(file), problems), problems


def form_values(entry: Entry) -> dict[str, str]:
    """The add/edit form's fields for ``entry`` (the inverse of :func:`entry_from_form`)."""
    values = {"id": entry.id, "type": entry.type, "source": entry.source, "note": entry.note}
    for lang in ("ko", "en"):
        terms = entry.langs.get(lang)
        if terms is not None:
            values.update({lang: terms.preferred, f"{lang}_variants": ", ".join(terms.variants),
                           f"{lang}_forbidden": ", ".join(terms.forbidden), f"{lang}_short": terms.short or ""})  # fmt: skip
    return values


def routes(state) -> list[Route]:  # noqa: ANN001 - a diglot.server.state.ServerState
    def context(**extra: object) -> dict[str, object]:
        files = loaded_files(state.glossary_paths)
        editable = [f.path for f in files if f.editable] if state.settings.glossary_paths else []  # only what -g named
        return {"files": files, "editable": editable, "types": TYPES, **extra}

    @page("glossary.html")
    async def glossary_page(request: Request) -> Response:
        query = request.query_params.get("q", "")
        results = await run_in_threadpool(search, state.glossary(), state.matcher(), query) if query.strip() else []
        return render(request, "glossary.html", query=query, results=results, searched=bool(query.strip()), **context())

    @page("glossary.html")
    async def entry_page(request: Request) -> Response:
        entry = state.glossary().get(request.path_params["entry"])
        if entry is None:
            raise DiglotError(_("no entry has the id or form {query!r}").format(query=request.path_params["entry"]))
        return render(request, "glossary.html", query="", results=[entry], searched=False, shown=entry.id,
                      editing=form_values(entry), **context())  # fmt: skip

    @page("glossary.html")
    async def add(request: Request) -> Response:
        form = await request.form()
        file = str(form.get("file", ""))
        files = context()
        if file not in files["editable"]:
            raise DiglotError(_("choose one of the server's YAML glossary files to add the entry to"))
        entry, problems = entry_from_form(form, file)
        if entry is not None and not problems:
            problems = lint_addition(state.glossary(), entry)
        errors = [p for p in problems if p.severity == "error"]
        if entry is None or errors:
            typed = {key: value for key, value in form.items() if isinstance(value, str)}
            return render(request, "glossary.html", status_code=400, query="", results=[], searched=False, form=typed,
                          problems=problems, error=_("The entry was not added: fix the problems below."), **files)  # fmt: skip
        await state.edit(lambda: add_entries(file, [entry], rest_of_glossary(file)))
        notice = _("Added {id} to {file}.").format(id=entry.id, file=file)
        notice += " " + (_("Lint: no problems.") if not problems else ngettext("Lint: {count} warning, listed below.", "Lint: {count} warnings, listed below.", len(problems)).format(count=len(problems)))
        added = state.glossary().get(entry.id) or entry
        return render(request, "glossary.html", query="", results=[added], searched=False, shown=entry.id,
                      notice=notice, problems=problems, linted=True, **context())  # fmt: skip

    @page("glossary.html")
    async def edit(request: Request) -> Response:
        """Replace an entry by the edited one: linted with the rest of the glossary first, then the
        old entry removed and the new one appended to the same file (the old one put back if that fails)."""
        old = state.glossary().get(request.path_params["entry"])
        if old is None or old.origin is None:
            raise DiglotError(_("no entry has the id or form {query!r}").format(query=request.path_params["entry"]))
        file = old.origin.file
        files = context()
        if file not in files["editable"]:
            raise DiglotError(_("{name}: only YAML glossaries can be edited; convert it first: diglot glossary import {name} -o FILE.yaml").format(name=file))
        form = await request.form()
        entry, problems = entry_from_form({**form, "id": old.id}, file)
        rest = Glossary([e for e in state.glossary() if e.id != old.id])
        if entry is not None and not problems:
            problems = lint_addition(rest, entry)
        if entry is None or any(p.severity == "error" for p in problems):
            return render(request, "glossary.html", status_code=400, query="", results=[old], searched=False, shown=old.id,
                          editing={k: v for k, v in form.items() if isinstance(v, str)} | {"id": old.id}, problems=problems,
                          error=_("The entry was not changed: fix the problems below."), **files)  # fmt: skip

        def replace_entry() -> None:
            remove_entry(file, old.id)
            try:
                add_entries(file, [entry], rest_of_glossary(file))
            except DiglotError:
                add_entries(file, [old])
                raise

        await state.edit(replace_entry)
        notice = _("Changed {id} in {file}.").format(id=entry.id, file=file)
        changed = state.glossary().get(entry.id) or entry
        return render(request, "glossary.html", query="", results=[changed], searched=False, shown=entry.id,
                      editing=form_values(changed), notice=notice, problems=problems, **context())  # fmt: skip

    return [
        Route("/glossary", glossary_page),
        Route("/glossary/add", add, methods=["POST"]),
        Route("/glossary/{entry}/edit", edit, methods=["POST"]),
        Route("/glossary/{entry}", entry_page),
    ]

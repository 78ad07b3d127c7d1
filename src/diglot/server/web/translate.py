"""The translate page (``/``): an article translated with the glossary enforced, paragraph by
paragraph beside its source, terms highlighted on both sides, and the term report below.

Translation goes through the server's shared, batching ``state.translate``: the whole article
is one text, so first mentions are those of the article. The translation can be edited in place
and downloaded as text or as an edition.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from diglot.edition import FORMATS, build_edition, render_edition
from diglot.edition.writers import get_writer
from diglot.edition.writers.html import marked_text
from diglot.errors import DiglotError
from diglot.glossary import Glossary, Matcher
from diglot.i18n import _
from diglot.languages import LANGUAGE_NAMES, other_language, script_of
from diglot.segment import segment
from diglot.server.web.pages import attachment, form_text, page, render
from diglot.textio import normalize

DIRECTIONS = {"ko-en": ("ko", "en"), "en-ko": ("en", "ko")}
STATUS_ORDER = ("kept", "restored", "repaired", "failed")


@dataclass
class Paragraph:
    """One source paragraph beside its translation, both as HTML with the terms marked."""

    source: str
    translation: str
    source_html: str
    translation_html: str


def direction(text: str, chosen: str) -> tuple[str, str]:
    """``(source, target)`` languages: as chosen, else told by the text's script."""
    if chosen in DIRECTIONS:
        return DIRECTIONS[chosen]
    source = script_of(text)
    return source, other_language(source)


def paragraphs(text: str, translation: str, src: str, tgt: str, glossary: Glossary, matcher: Matcher) -> list[Paragraph]:
    """The source's paragraphs (as segmented) beside the translation's, which keeps them."""
    by_paragraph: dict[int, list[str]] = {}
    for seg in segment(text, src):
        by_paragraph.setdefault(seg.paragraph, []).append(seg.text)
    sources = [" ".join(parts) for _number, parts in sorted(by_paragraph.items())]
    targets = translation.strip("\n").split("\n\n")
    if len(targets) != len(sources):  # never expected; one block rather than misplaced rows
        sources, targets = ["\n\n".join(sources)], [translation.strip("\n")]
    return [
        Paragraph(s, t, marked_text(s, tuple(matcher.find(s, src)), [], glossary), marked_text(t, tuple(matcher.find(t, tgt)), [], glossary))
        for s, t in zip(sources, targets)
    ]


def first_mentions(mentions: list[dict]) -> set[int]:
    """Positions in the term report of each entry's first mention in the article."""
    seen: set[str] = set()
    first = set()
    for i, mention in enumerate(mentions):
        if mention["entry"] not in seen:
            seen.add(mention["entry"])
            first.add(i)
    return first


def routes(state) -> list[Route]:  # noqa: ANN001 - a diglot.server.state.ServerState
    def models_note() -> str | None:
        if state.models():
            return None
        return _(
            "No translation model is installed, so this page cannot translate yet. Install one with "
            "`diglot models install FILE.argosmodel` (or `diglot models download ko en` where a network is "
            "available), then reload. Review and the glossary work without one."
        )

    @page("translate.html")
    async def translate(request: Request) -> Response:
        if request.method == "GET":
            return render(request, "translate.html", no_model=models_note(), formats=FORMATS, languages=LANGUAGE_NAMES)
        form = await request.form()
        text = normalize(await form_text(request, "q"))
        if not text.strip():
            raise DiglotError(_("Paste or upload the article to translate."))
        src, tgt = direction(text, str(form.get("direction") or "auto"))
        note = models_note()
        if note:
            raise DiglotError(note)
        result = (await state.translate([text], src, tgt, report=True))[0]
        glossary, matcher = state.glossary(), state.matcher()
        rows = await run_in_threadpool(paragraphs, text, result.text, src, tgt, glossary, matcher)
        counts = Counter(m["status"] for m in result.mentions)
        return render(
            request,
            "translate.html",
            form={"q": text, "direction": str(form.get("direction") or "auto")},
            src=src,
            tgt=tgt,
            languages=LANGUAGE_NAMES,
            rows=rows,
            translation=result.text,
            mentions=result.mentions,
            first=first_mentions(result.mentions),
            counts=[(status, counts[status]) for status in STATUS_ORDER if counts[status]],
            signature=result.signature,
            formats=FORMATS,
        )

    @page("translate.html")
    async def download(request: Request) -> Response:
        """The translation as edited on the page, as a text file, or as an edition beside its source."""
        form = await request.form()
        translation = str(form.get("translation") or "").replace("\r\n", "\n")
        fmt = str(form.get("format") or "txt")
        if fmt == "txt":
            return attachment(translation.encode("utf-8"), "translation.txt", "text/plain; charset=utf-8")
        if fmt not in FORMATS:
            raise DiglotError(_("unknown edition format {name} (one of {choices})").format(name=fmt, choices=", ".join(FORMATS)))
        source = str(form.get("q") or "").replace("\r\n", "\n")
        edition = await run_in_threadpool(
            build_edition, source, translation, state.glossary(), doc_id="translation", names=(_("the source"), _("the translation"))
        )
        return attachment(render_edition(edition, fmt).encode("utf-8"), "translation" + get_writer(fmt).suffixes[0], "application/octet-stream")

    return [Route("/", translate, methods=["GET", "POST"]), Route("/translation/download", download, methods=["POST"])]

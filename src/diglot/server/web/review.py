"""The review page (``/review``): a source and its translation as the bilingual edition, with
the check's findings in place, each to fix or dismiss, and the corrected translation to download.

The server keeps nothing between requests: the texts travel in the page's form, the source and
translation exactly as given (base64 of their UTF-8 bytes, so a CRLF file or a byte order mark
comes back unchanged), the dismissed findings as the check's waivers (:class:`diglot.check.Waivers`,
records as JSON; downloadable as the ``<translation>.waivers.yaml`` that ``diglot check`` reads,
and uploadable with the pair to go on from an earlier review). Every action posts the
whole form, and the edition is built again from it: the check always runs on the current text.
"""

from __future__ import annotations

import base64
import binascii
import json
import tempfile
from dataclasses import dataclass, field, replace
from functools import partial
from html import escape
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from diglot.check import Waivers, fix_document, summary_line, waivers_path
from diglot.check.fix import fixable
from diglot.check.statuses import FIXABLE
from diglot.doc import AlignedDocument, Bead, Finding
from diglot.edition import FORMATS, Edition, Row, build_edition, make_edition, render_edition
from diglot.edition.writers import get_writer
from diglot.edition.writers.html import edition_header, edition_main
from diglot.errors import DiglotError
from diglot.glossary import Glossary
from diglot.i18n import _
from diglot.languages import pair_languages
from diglot.provenance import Signature
from diglot.segment import segment
from diglot.server.web.pages import attachment, form_text, page, render
from diglot.textio import decode, normalize

FORM_ID = "review-form"


@dataclass
class Pair:
    """What the review form carries: the two texts as given, their names, and the dismissals."""

    source: str
    target: str
    source_name: str = "source.txt"
    target_name: str = "translation.txt"
    waivers: Waivers = field(default_factory=lambda: Waivers(path=None))  # the dismissed findings, with reasons
    beads: list[Bead] | None = None  # the alignment as last shown (and merged or split); None: align afresh


def source_sentence(edition: Edition, finding: Finding) -> str:
    """The source text of a finding's bead: what its waiver is keyed by, with the finding itself."""
    return edition.doc.bead_text(edition.doc.beads[finding.bead])[0] if finding.bead is not None else ""


def _encoded(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def _decoded(value: str, what: str) -> str:
    try:
        return base64.b64decode(value.encode("ascii"), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        raise DiglotError(_("the form's {what} was damaged; paste the texts again").format(what=what)) from None


async def read_pair(request: Request) -> Pair:
    """The pair the form holds. The texts checked last come from the hidden fields; the text areas
    (or files) replace them when "Check" was pressed with something else in them."""
    form = await request.form()
    pair = Pair("", "", waivers=await _waivers(form), beads=_beads(str(form.get("beads") or "")))
    for side in ("source", "target"):
        kept = str(form.get(f"{side}_raw") or "")
        raw = _decoded(kept, side) if kept else ""
        upload = form.get(f"{side}_file")
        if upload is not None and not isinstance(upload, str) and upload.filename:
            setattr(pair, f"{side}_name", upload.filename)
        elif form.get(f"{side}_name"):
            setattr(pair, f"{side}_name", str(form.get(f"{side}_name")))
        if form.get("action", "check") == "check":
            typed = await form_text(request, side)
            if typed and typed != raw.replace("\r\n", "\n"):  # edited: the text area wins, aligned afresh
                raw, pair.beads = typed, None
        setattr(pair, side, raw)
    return pair


async def _waivers(form) -> Waivers:  # noqa: ANN001 - a Starlette form
    """The waivers the form carries, with those of an uploaded waivers file added."""
    try:
        records = json.loads(str(form.get("waivers") or "[]"))
    except json.JSONDecodeError:
        raise DiglotError(_("the form's {what} was damaged; paste the texts again").format(what=_("waivers"))) from None
    waivers = Waivers(path=None, records=[r for r in records if isinstance(r, dict)] if isinstance(records, list) else [])
    upload = form.get("waivers_file")
    if upload is not None and not isinstance(upload, str) and upload.filename:
        name = Path(upload.filename).name
        for record in Waivers.from_text(decode(await upload.read(), name), name).records:
            if record not in waivers.records:
                waivers.records.append(record)
    return waivers


def waivers_text(waivers: Waivers) -> str:
    """The waivers as the YAML file ``diglot check`` reads."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "waivers.yaml"
        Waivers(path, waivers.records).save()
        return path.read_text(encoding="utf-8")


def _beads(value: str) -> list[Bead] | None:
    """The beads a form carries as JSON (``[[[0], [0]], [[1, 2], [1]], …]``); None if there are none or they are damaged."""
    try:
        return [Bead(tuple(int(i) for i in src), tuple(int(j) for j in tgt)) for src, tgt in json.loads(value)] if value else None
    except (ValueError, TypeError):
        return None


def check(pair: Pair, glossary: Glossary) -> Edition:
    """The edition of ``pair``: segmented, aligned (or with the beads the reviewer set) and checked.

    Beads set by hand are kept while they still cover every sentence of both texts in order (a
    fix does not change the sentences); otherwise the texts are aligned afresh.
    """
    names = (_("the source"), _("the translation"))
    source, target = normalize(pair.source), normalize(pair.target)
    if pair.beads is not None:
        src_lang, tgt_lang = pair_languages(source, target, names)
        src, tgt = segment(source, src_lang), segment(target, tgt_lang)
        if _covers(pair.beads, len(src), len(tgt)):
            doc = AlignedDocument(pair.target_name, src_lang, tgt_lang, src, tgt, list(pair.beads))
            signature = Signature.make(glossary=glossary.fingerprint, model="none", source=src_lang, target=tgt_lang, alignment="reviewed")
            return make_edition(doc, glossary, signature=signature)
    edition = build_edition(source, target, glossary, doc_id=pair.target_name, names=names)
    pair.beads = list(edition.doc.beads)
    return edition


def _covers(beads: list[Bead], sources: int, targets: int) -> bool:
    """Every sentence of each side in exactly one bead, in order."""
    return [i for b in beads for i in b.src] == list(range(sources)) and [j for b in beads for j in b.tgt] == list(range(targets))


def merge(beads: list[Bead], index: int) -> list[Bead]:
    """Bead ``index`` and the next one as one bead."""
    if not 0 <= index < len(beads) - 1:
        raise DiglotError(_("there is no next row to merge with"))
    first, second = beads[index], beads[index + 1]
    return [*beads[:index], Bead(first.src + second.src, first.tgt + second.tgt), *beads[index + 2 :]]


def split(beads: list[Bead], index: int) -> list[Bead]:
    """Bead ``index`` as two: its first sentence on each side, then the rest."""
    if not 0 <= index < len(beads) or len(beads[index].src) + len(beads[index].tgt) < 3:
        raise DiglotError(_("only a row with more than one sentence on a side can be split"))
    bead = beads[index]
    return [*beads[:index], Bead(bead.src[:1], bead.tgt[:1]), Bead(bead.src[1:], bead.tgt[1:]), *beads[index + 1 :]]


def without_dismissed(edition: Edition, pair: Pair) -> tuple[Edition, list[tuple[Finding, str]]]:
    """The edition with the findings ``pair`` dismissed taken out, and those findings with their reasons."""
    kept, dismissed = [], []
    for finding in edition.findings:
        source = source_sentence(edition, finding)
        if not pair.waivers.dismisses(finding, source):
            kept.append(finding)
            continue
        waiver = next(r for r in pair.waivers.records if Waivers(None, [r]).dismisses(finding, source))
        dismissed.append((finding, waiver.get("note", "")))
    return replace(edition, findings=kept), dismissed


def check_summary(edition: Edition, dismissed: int) -> str:
    """The count under the edition, as ``diglot check`` ends its report."""
    return summary_line(edition.findings, len(edition.doc.beads), dismissed, edition.signature)


def apply_fix(pair: Pair, edition: Edition, index: int) -> str:
    """The translation with finding ``index`` fixed (the term replaced, its particle or article
    agreeing), every other byte as it was. Returns a message for the page."""
    finding = edition.findings[index] if 0 <= index < len(edition.findings) else None
    target = edition.doc.bead_text(edition.doc.beads[finding.bead])[1] if finding and finding.bead is not None else ""
    if finding is None or edition.glossary is None or not fixable(target, finding, edition.glossary, edition.doc.tgt_lang):
        raise DiglotError(_("that finding cannot be fixed automatically; edit the translation by hand"))
    # The other findings tell fix_document which mention comes first (for short forms); only this one is fixable.
    context = [f for f in edition.findings if f.status not in FIXABLE]
    fixed = fix_document(pair.target, edition.doc, [finding, *context], edition.glossary)
    if not fixed.applied:
        raise DiglotError(_("the fix could not be placed in the text; edit the translation by hand"))
    pair.target = fixed.text
    return _("Fixed: “{found}” → “{expected}”.").format(found=finding.found, expected=finding.expected)


def routes(state) -> list[Route]:  # noqa: ANN001 - a diglot.server.state.ServerState
    @page("review.html")
    async def review(request: Request) -> Response:
        if request.method == "GET":
            return render(request, "review.html", formats=FORMATS)
        form = await request.form()
        pair = await read_pair(request)
        if not pair.source.strip() or not pair.target.strip():
            raise DiglotError(_("Paste or upload both the source and its translation."))
        glossary = state.glossary()
        edition = await run_in_threadpool(check, pair, glossary)
        notice = None
        action = str(form.get("action") or "check")
        if action.startswith("fix:"):
            notice = apply_fix(pair, edition, _index(action))
            edition = await run_in_threadpool(check, pair, glossary)
        elif action.startswith(("merge:", "split:")):
            change = merge if action.startswith("merge:") else split
            pair.beads = change(list(edition.doc.beads), _index(action))
            edition = await run_in_threadpool(check, pair, glossary)
            notice = _("The rows were merged and checked again.") if change is merge else _("The row was split and checked again.")
        elif action.startswith("dismiss:"):
            index = _index(action)
            if not 0 <= index < len(edition.findings):
                raise DiglotError(_("that finding is no longer there; it was checked again"))
            reason = str(form.get(f"reason-{index}") or "").strip()
            if not reason:
                raise DiglotError(_("Say why the finding is dismissed (a reason is kept with it)."))
            finding = edition.findings[index]
            pair.waivers.add(finding, source_sentence(edition, finding), reason)
            notice = _("Dismissed, with the reason: {reason}").format(reason=reason)
        shown, dismissed = without_dismissed(edition, pair)
        return render(
            request,
            "review.html",
            notice=notice,
            pair=pair,
            form={"source": pair.source, "target": pair.target},
            raw={
                "source": _encoded(pair.source),
                "target": _encoded(pair.target),
                "waivers": json.dumps(pair.waivers.records, ensure_ascii=False),
                "beads": json.dumps([bead.as_lists() for bead in edition.doc.beads]),
            },
            header=edition_header(shown),
            summary=check_summary(shown, len(dismissed)),
            body=edition_main(shown, partial(_finding_controls, edition=shown), tag="section", row_actions=_row_controls),
            dismissed=[(f, reason) for f, reason in dismissed],
            formats=FORMATS,
        )

    @page("review.html")
    async def download(request: Request) -> Response:
        """The corrected translation, byte for byte as the form holds it."""
        pair = await read_pair(request)
        return attachment(pair.target.encode("utf-8"), pair.target_name, "text/plain; charset=utf-8")

    @page("review.html")
    async def waivers_file(request: Request) -> Response:
        """The dismissed findings as the waivers file ``diglot check`` reads beside the translation."""
        pair = await read_pair(request)
        return attachment(waivers_text(pair.waivers).encode("utf-8"), waivers_path(pair.target_name).name, "application/yaml")

    @page("review.html")
    async def edition_file(request: Request) -> Response:
        """The edition in one format, the dismissed findings left out."""
        form = await request.form()
        fmt = str(form.get("format") or "html")
        if fmt not in FORMATS:
            raise DiglotError(_("unknown edition format {name} (one of {choices})").format(name=fmt, choices=", ".join(FORMATS)))
        pair = await read_pair(request)
        edition, _dismissed = without_dismissed(await run_in_threadpool(check, pair, state.glossary()), pair)
        stem = pair.target_name.rsplit(".", 1)[0]
        return attachment(render_edition(edition, fmt).encode("utf-8"), stem + get_writer(fmt).suffixes[0], "application/octet-stream")

    return [
        Route("/review", review, methods=["GET", "POST"]),
        Route("/review/download", download, methods=["POST"]),
        Route("/review/waivers", waivers_file, methods=["POST"]),
        Route("/review/edition", edition_file, methods=["POST"]),
    ]


def _index(action: str) -> int:
    try:
        return int(action.split(":", 1)[1])
    except ValueError:
        raise DiglotError(_("the form's action was damaged; check the texts again")) from None


def _row_controls(row: Row, last: bool) -> str:
    """Merge with the next row, and split a row with more than one sentence on a side."""
    out = []
    if not last:
        out.append(f'<button type="submit" form="{FORM_ID}" name="action" value="merge:{row.index}" class="merge" '
                   f'title="{escape(_("Merge this row with the next one"))}">{escape(_("Merge with next"))}</button>')  # fmt: skip
    if len(row.bead.src) + len(row.bead.tgt) > 2:
        out.append(f'<button type="submit" form="{FORM_ID}" name="action" value="split:{row.index}" class="split" '
                   f'title="{escape(_("Split off the first sentence of each side"))}">{escape(_("Split"))}</button>')  # fmt: skip
    return f'<span class="bead-controls">{"".join(out)}</span>' if out else ""


def _finding_controls(row: Row, finding: Finding, index: int, edition: Edition) -> str:
    """The buttons inside one finding: fix (where the check can), and dismiss with a reason.

    They belong to the review form (``form=``), which carries the texts, so no text is repeated
    in the page and everything works without JavaScript.
    """
    out = ['<span class="controls">']
    if finding.expected and edition.glossary is not None and fixable(row.target, finding, edition.glossary, edition.doc.tgt_lang):
        label = _("Fix: use “{expected}”").format(expected=finding.expected)
        out.append(f'<button type="submit" form="{FORM_ID}" name="action" value="fix:{index}" class="fix">{escape(label)}</button>')
    reason_label = _("Reason for dismissing")
    out.append(
        f'<label class="visually-hidden" for="reason-{index}">{escape(reason_label)}</label>'
        f'<input id="reason-{index}" name="reason-{index}" form="{FORM_ID}" class="reason" placeholder="{escape(_("reason, e.g. quoted as said"))}">'
        f'<button type="submit" form="{FORM_ID}" name="action" value="dismiss:{index}" class="dismiss">{escape(_("Dismiss"))}</button>'
    )
    out.append("</span>")
    return "".join(out)

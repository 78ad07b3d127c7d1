"""HTML: the bilingual edition readers see, two languages side by side, bead by bead.

One self-contained file: the style sheet is inline, and there are no scripts, web fonts,
images or links to fetch, so it opens offline and can be mailed or archived as it is.

* One ``div.bead`` per bead (``id="bN"``, ``data-bead``, ``data-shape``), source on the left,
  target on the right, a gap before each new paragraph; on a screen narrower than 760px the
  columns stack. Each text cell has its ``lang``, so browsers pick Korean fonts and Korean line
  breaking (``word-break: keep-all``).
* Runs of boilerplate beads (mastheads, bylines, datelines, credits) fold into one compact grey
  band (``div.furniture``) whose lines pair up across the columns.
* Glossary terms are ``mark.term`` elements (``data-entry``; classes ``variant`` and
  ``forbidden`` for those forms) whose ``title`` is a tooltip with the entry, its preferred
  forms and its note.
* Check findings are listed under their bead (``li.finding``); where a finding points at text,
  that text is underlined (``.flagged``) and titled with the finding.
* The headline in both languages, a summary (beads, terms, findings) and a legend of every
  highlight the page uses head the page; the document id and the signature are in the footer,
  the signature also in ``<meta name="diglot-signature">``.
* In print, highlights keep their colours and findings keep their wavy underline, so terms and
  findings stay apart on paper.

The web app's review page shows the same rendering (:func:`edition_header`,
:func:`edition_main`), with its own controls inside each finding.

All text is escaped with :func:`html.escape`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable
from html import escape
from importlib.resources import files

from diglot import __version__
from diglot.check import severity_of
from diglot.doc import Finding
from diglot.edition.model import Edition, Row
from diglot.edition.writers.base import EditionWriter, finding_text, term_note, weave
from diglot.glossary import Glossary, Mention
from diglot.i18n import _, current_language
from diglot.segment import LANGUAGE_NAMES


@dataclass(frozen=True)
class _Flag:
    """The part of one side's text a finding points at."""

    start: int
    end: int
    finding: Finding


def _flags(row: Row, side: str) -> list[_Flag]:
    out = []
    for finding in row.problems:
        span = finding.src_span if side == "src" else finding.tgt_span
        if span and 0 <= span[0] < span[1]:
            out.append(_Flag(span[0], span[1], finding))
    return out


def marked_text(text: str, mentions: tuple[Mention, ...], flags: list[_Flag], glossary: Glossary | None) -> str:
    """``text`` as escaped HTML with its glossary terms in ``mark`` and the spans findings point at underlined.

    Mentions never overlap (the matcher keeps the longest). A finding that overlaps a term
    marks the term; one that overlaps nothing gets its own ``span``; one that overlaps another
    such finding is only listed under the bead.
    """
    on_term: dict[int, list[Finding]] = {}
    free: list[_Flag] = []
    for flag in flags:
        hit = next((i for i, m in enumerate(mentions) if m.start < flag.end and flag.start < m.end), None)
        if hit is not None:
            on_term.setdefault(hit, []).append(flag.finding)
        elif all(flag.end <= f.start or f.end <= flag.start for f in free) and flag.end <= len(text):
            free.append(flag)
    pieces: list[tuple[int, int, str]] = []
    for i, m in enumerate(mentions):
        classes = ["term"] + ([m.kind] if m.kind != "preferred" else [])
        tooltip = term_note(m, glossary)
        findings = on_term.get(i, [])
        if findings:
            classes.append("flagged")
            tooltip += "\n" + "\n".join(finding_text(f) for f in findings)
        opening = f'<mark class="{" ".join(classes)}" data-entry="{escape(m.entry)}" title="{escape(tooltip)}">'
        pieces.append((m.start, m.end, opening + escape(text[m.start : m.end]) + "</mark>"))
    for flag in free:
        title = escape(finding_text(flag.finding))
        pieces.append((flag.start, flag.end, f'<span class="flagged" title="{title}">{escape(text[flag.start : flag.end])}</span>'))
    return weave(text, pieces, escape)


# Markup a page adds inside one finding's item (the review page's fix and dismiss controls):
# called with the row, the finding and the finding's index in ``Edition.findings``.
FindingActions = Callable[[Row, Finding, int], str]
# Markup a page adds to a row (the review page's merge and split controls): called with the row
# and whether it is the last one.
RowActions = Callable[[Row, bool], str]


def stylesheet() -> str:
    """The edition's style sheet (inline in the HTML file; served as a file by the web app)."""
    return files("diglot.edition.writers").joinpath("edition.css").read_text(encoding="utf-8")


def edition_header(edition: Edition) -> str:
    """The masthead: the headline in both languages, the counts and the legend."""
    doc = edition.doc
    title = edition.title
    headline = next((r for r in edition.rows if r.source and r.target and not r.boilerplate), None)
    parts = [
        '<header class="masthead">',
        f'<p class="kicker">{escape(_("Bilingual edition"))}</p>',
        f'<h1 lang="{doc.src_lang if title != doc.id else "und"}">{escape(title)}</h1>',
    ]
    if headline is not None and headline.source == title:
        parts.append(f'<p class="subtitle" lang="{doc.tgt_lang}">{escape(headline.target)}</p>')
    parts += [_summary(edition), _legend(edition), "</header>"]
    return "\n".join(parts)


def edition_main(
    edition: Edition, actions: FindingActions | None = None, tag: str = "main", row_actions: RowActions | None = None
) -> str:
    """The edition itself: ``main.edition`` (``tag`` inside a page that has its own ``main``),
    one ``div.bead`` per bead, page furniture folded.

    A run of boilerplate beads (masthead, byline, dateline, credit) is one compact band,
    ``div.furniture``, in which the style sheet lays each side's lines in its own column, so
    코리아헤럴드 sits beside The Korea Herald even where alignment left them in two beads.
    """
    doc = edition.doc
    index_of = {id(f): i for i, f in enumerate(edition.findings)}
    parts = [
        f'<{tag} class="edition" data-src-lang="{doc.src_lang}" data-tgt-lang="{doc.tgt_lang}">',
        '<div class="columns" aria-hidden="true">'
        f"<span>{LANGUAGE_NAMES.get(doc.src_lang, doc.src_lang)}</span>"
        f"<span>{LANGUAGE_NAMES.get(doc.tgt_lang, doc.tgt_lang)}</span></div>",
    ]
    in_band = False
    rows = edition.rows
    for row in rows:
        if row.boilerplate != in_band:
            parts.append(f'<div class="furniture" role="group" aria-label="{escape(_("Page furniture"))}">' if row.boilerplate else "</div>")
            in_band = row.boilerplate
        controls = row_actions(row, row.index == len(rows) - 1) if row_actions and not row.boilerplate else ""
        parts.append(_row(edition, row, actions, index_of, controls))
    if in_band:
        parts.append("</div>")
    parts.append(f"</{tag}>")
    return "\n".join(parts)


class HtmlWriter(EditionWriter):
    name = "html"
    suffixes = (".html", ".htm")
    description = "HTML bilingual edition: two columns, terms highlighted, findings marked (self-contained)"

    def render(self, edition: Edition) -> str:
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{current_language()}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="diglot {escape(__version__)}">',
            f'<meta name="diglot-signature" content="{escape(str(edition.signature))}">',
            f"<title>{escape(edition.title)}</title>",
            f"<style>\n{stylesheet()}</style>",
            "</head>",
            "<body>",
            '<div class="page">',
            edition_header(edition),
            edition_main(edition),
            _footer(edition),
            "</div>",
            "</body>",
            "</html>",
            "",
        ]
        return "\n".join(parts)


def _row(edition: Edition, row: Row, actions: FindingActions | None, index_of: dict[int, int], controls: str = "") -> str:
    doc = edition.doc
    classes = ["bead"]
    if row.new_paragraph:
        classes.append("new-paragraph")
    if row.boilerplate:
        classes.append("boilerplate")
    if row.problems:
        classes.append("problem")
    cells = []
    for side, lang, text, mentions in (
        ("src", doc.src_lang, row.source, row.src_mentions),
        ("tgt", doc.tgt_lang, row.target, row.tgt_mentions),
    ):
        empty = "" if text else " empty"
        body = marked_text(text, mentions, _flags(row, side), edition.glossary)
        cells.append(f'<p class="{side}{empty}" lang="{lang}">{body}</p>')
    number = row.index + 1
    out = [
        f'<div class="{" ".join(classes)}" id="b{number}" data-bead="{number}" data-paragraph="{row.paragraph + 1}"'
        f' data-shape="{row.shape}">',
        f'<span class="n">{number}</span>',
        *cells,
    ]
    if row.problems or row.notes:
        items = []
        for f in row.problems + row.notes:  # notes last, muted: worth a glance, not counted as problems
            index = index_of.get(id(f), -1)
            extra = actions(row, f, index) if actions else ""
            severity = severity_of(f) or "warning"
            note = " note" if severity == "note" else ""
            items.append(
                f'<li class="finding {escape(f.status)}{note}" data-status="{escape(f.status)}"'
                f' data-severity="{escape(severity)}" data-finding="{index}">'
                f'<span class="status">{escape(f.status)}</span>'
                f"{escape(finding_text(f).removeprefix(f.status + ': '))}{extra}</li>"
            )
        out.append(f'<ul class="findings">{"".join(items)}</ul>')
    out.append(controls)
    out.append("</div>")
    return "".join(out)


def _summary(edition: Edition) -> str:
    s = edition.summary()
    beads_detail = _("{pairs} pairs, {unmatched} unmatched, {boilerplate} boilerplate").format(**s)
    terms_detail = _("{entries} entries").format(**s)
    by_status = ", ".join(f"{status} {count}" for status, count in s["by_status"].items())  # type: ignore[union-attr]
    items = [
        ("beads", _("Beads"), s["beads"], beads_detail),
        ("terms", _("Glossary terms"), s["terms"], terms_detail),
        ("findings", _("Findings"), s["findings"], by_status),
    ]
    if s["notes"]:
        items.append(("notes", _("Notes"), s["notes"], ""))
    body = "".join(
        f'<div class="count-{key}"><dt>{escape(label)}</dt><dd>{value}'
        + (f' <span class="detail">({escape(detail)})</span>' if detail else "")
        + "</dd></div>"
        for key, label, value, detail in items
    )
    return f'<dl class="summary">{body}</dl>'


def _legend(edition: Edition) -> str:
    """What each highlight means: one sample per kind of term the page shows, then findings and furniture."""
    kinds = {m.kind for pair in edition.mentions for side in pair for m in side}
    samples = [("term", _("Highlighted"), _("a glossary term in its preferred form; hover over it or focus it to see its entry."))]
    if "variant" in kinds:
        samples.append(("term variant", _("Orange"), _("a variant form: allowed, but not the glossary's preferred one.")))
    if "forbidden" in kinds:
        samples.append(("term forbidden", _("Red"), _("a forbidden form: replace it.")))
    samples.append(("flagged", _("Wavy underline"), _("what a check finding points at; findings are listed under their row.")))
    if edition.summary()["notes"]:
        samples.append(("note-sample", _("Grey note"), _("a note: worth a glance, not counted as a finding.")))
    items = "".join(
        f'<li><span class="sample {css}">{escape(label)}</span> {escape(meaning)}</li>' for css, label, meaning in samples
    )
    items += f'<li><span class="sample furniture-sample">{escape(_("Grey band"))}</span> {escape(_("page furniture (masthead, byline, dateline, credit), not checked."))}</li>'
    return f'<ul class="legend">{items}</ul>'


def _footer(edition: Edition) -> str:
    made = _("Made by diglot {version}: sentences aligned offline").format(version=__version__)
    if edition.machine:
        made = _("Made by diglot {version}: target machine-translated offline by {model}").format(
            version=__version__, model=edition.signature.model
        )
    return (
        f"<footer><p>{escape(made)}</p>"
        f"<p>{escape(_('Document'))}: <code>{escape(edition.doc.id)}</code></p>"
        f"<p>{escape(_('Signature'))}: <code>{escape(str(edition.signature))}</code></p></footer>"
    )

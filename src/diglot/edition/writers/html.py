"""HTML: the bilingual edition readers see, two languages side by side, bead by bead.

One self-contained file: the style sheet is inline, and there are no scripts, web fonts,
images or links to fetch, so it opens offline and can be mailed or archived as it is.

* One ``div.bead`` per bead (``id="bN"``, ``data-bead``, ``data-shape``), source on the left,
  target on the right, a gap before each new paragraph; on a screen narrower than 760px the
  columns stack. Each text cell has its ``lang``, so browsers pick Korean fonts and Korean line
  breaking (``word-break: keep-all``).
* Boilerplate beads (mastheads, datelines, credits) are greyed.
* Glossary terms are ``mark.term`` elements (``data-entry``; classes ``variant`` and
  ``forbidden`` for those forms) whose ``title`` is a tooltip with the entry, its preferred
  forms and its note.
* Check findings are listed under their bead (``li.finding``); where a finding points at text,
  that text is underlined (``.flagged``) and titled with the finding.
* A summary (beads, terms, findings) heads the page; the signature is in the footer and in
  ``<meta name="diglot-signature">``.

All text is escaped with :func:`html.escape`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from importlib.resources import files

from diglot import __version__
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


class HtmlWriter(EditionWriter):
    name = "html"
    suffixes = (".html", ".htm")
    description = "HTML bilingual edition: two columns, terms highlighted, findings marked (self-contained)"

    def render(self, edition: Edition) -> str:
        doc = edition.doc
        rows = edition.rows
        headline = next((r for r in rows if r.source and r.target and not r.boilerplate), None)
        title = edition.title
        css = files("diglot.edition.writers").joinpath("edition.css").read_text(encoding="utf-8")
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{current_language()}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="diglot {escape(__version__)}">',
            f'<meta name="diglot-signature" content="{escape(str(edition.signature))}">',
            f"<title>{escape(title)}</title>",
            f"<style>\n{css}</style>",
            "</head>",
            "<body>",
            '<div class="page">',
            '<header class="masthead">',
            f'<p class="kicker">{escape(_("Bilingual edition"))} · {escape(doc.id)}</p>',
            f'<h1 lang="{doc.src_lang}">{escape(title)}</h1>',
        ]
        if headline is not None and headline.source == title:
            parts.append(f'<p class="subtitle" lang="{doc.tgt_lang}">{escape(headline.target)}</p>')
        parts += [self._summary(edition), self._legend(), "</header>"]
        parts.append(f'<main class="edition" data-src-lang="{doc.src_lang}" data-tgt-lang="{doc.tgt_lang}">')
        parts.append(
            '<div class="columns" aria-hidden="true">'
            f"<span>{LANGUAGE_NAMES.get(doc.src_lang, doc.src_lang)}</span>"
            f"<span>{LANGUAGE_NAMES.get(doc.tgt_lang, doc.tgt_lang)}</span></div>"
        )
        parts += [self._row(edition, row) for row in rows]
        parts += ["</main>", self._footer(edition), "</div>", "</body>", "</html>", ""]
        return "\n".join(parts)

    def _row(self, edition: Edition, row: Row) -> str:
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
        if row.problems:
            items = "".join(
                f'<li class="finding {escape(f.status)}"><span class="status">{escape(f.status)}</span>'
                f"{escape(finding_text(f).removeprefix(f.status + ': '))}</li>"
                for f in row.problems
            )
            out.append(f'<ul class="findings">{items}</ul>')
        out.append("</div>")
        return "".join(out)

    def _summary(self, edition: Edition) -> str:
        s = edition.summary()
        beads_detail = _("{pairs} pairs, {unmatched} unmatched, {boilerplate} boilerplate").format(**s)
        terms_detail = _("{entries} entries").format(**s)
        by_status = ", ".join(f"{status} {count}" for status, count in s["by_status"].items())  # type: ignore[union-attr]
        items = [
            ("beads", _("Beads"), s["beads"], beads_detail),
            ("terms", _("Glossary terms"), s["terms"], terms_detail),
            ("findings", _("Findings"), s["findings"], by_status),
        ]
        body = "".join(
            f'<div class="count-{key}"><dt>{escape(label)}</dt><dd>{value}'
            + (f' <span class="detail">({escape(detail)})</span>' if detail else "")
            + "</dd></div>"
            for key, label, value, detail in items
        )
        return f'<dl class="summary">{body}</dl>'

    def _legend(self) -> str:
        return (
            f'<p class="legend"><span class="sample term">{escape(_("Highlighted"))}</span>: '
            f'{escape(_("a glossary term; hover over it to see its entry."))} '
            f'<span class="sample flagged">{escape(_("Underlined"))}</span>: '
            f'{escape(_("what a check finding points at; findings are listed under their row."))} '
            f'{escape(_("Grey rows: page furniture (masthead, dateline, credit)."))}</p>'
        )

    def _footer(self, edition: Edition) -> str:
        made = _("Made by diglot {version}: sentences aligned offline").format(version=__version__)
        if edition.machine:
            made = _("Made by diglot {version}: target machine-translated offline by {model}").format(
                version=__version__, model=edition.signature.model
            )
        return f"<footer><p>{escape(made)}</p><p>{escape(_('Signature'))}: <code>{escape(str(edition.signature))}</code></p></footer>"

"""Markdown: the edition as a two-column table, for wikis, pull requests and plain-text review.

Each bead is a table row (``#``, source, target); glossary terms are bold, boilerplate rows are
italic, a row with a problem finding has ⚠ by its number. Problem findings are listed under the table, numbered
by bead, and the signature closes the file.
"""

from __future__ import annotations

import re

from diglot.edition.model import Edition
from diglot.edition.writers.base import EditionWriter, finding_text, weave
from diglot.glossary import Mention
from diglot.i18n import N_, _
from diglot.languages import LANGUAGE_NAMES

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def escape(text: str) -> str:
    """Markdown text that renders as ``text`` on one line: a backslash before what Markdown reads."""
    return _SPECIAL.sub(r"\\\1", text.replace("\t", " ").replace("\n", " "))


def _with_terms(text: str, mentions: tuple[Mention, ...]) -> str:
    return weave(text, [(m.start, m.end, f"**{escape(text[m.start : m.end])}**") for m in mentions], escape)


class MarkdownWriter(EditionWriter):
    name = "md"
    suffixes = (".md", ".markdown")
    description = N_("Markdown: a two-column table, terms in bold, findings listed below")

    def render(self, edition: Edition) -> str:
        src_name, tgt_name = (LANGUAGE_NAMES.get(code, code) for code in (edition.doc.src_lang, edition.doc.tgt_lang))
        lines = [
            f"# {escape(edition.title)}",
            "",
            edition.summary_line(),
            "",
            f"| # | {src_name} | {tgt_name} |",
            "| ---: | --- | --- |",
        ]
        for row in edition.rows:
            source, target = _with_terms(row.source, row.src_mentions), _with_terms(row.target, row.tgt_mentions)
            if row.boilerplate:
                source, target = (f"_{cell}_" if cell else "" for cell in (source, target))
            mark = " ⚠" if row.problems else ""
            lines.append(f"| {row.index + 1}{mark} | {source} | {target} |")
        problems = [(row.index, f) for row in edition.rows for f in row.problems]
        if problems:
            lines += ["", "## " + _("Findings"), ""]
            lines += [f"- {index + 1}: {escape(finding_text(f))}" for index, f in problems]
        lines += ["", f"<sub>{escape(str(edition.signature))}</sub>", ""]
        return "\n".join(lines)

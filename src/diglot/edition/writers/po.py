"""gettext PO: the format of Weblate, Pootle, Poedit and many localisation platforms.

One entry per bead with a source side: ``msgctxt`` is ``DOCUMENT#BEAD`` (so repeated sentences
stay separate entries), ``msgid`` the source, ``msgstr`` the target (empty where the other version
leaves the sentence out). Glossary terms and check findings are extracted comments (``#.``); an
entry with a problem finding, or any machine translation, is marked ``fuzzy`` so it gets reviewed.
Boilerplate beads are skipped: they are not text to translate. The signature is in the header;
``PO-Revision-Date`` is left out so that the same inputs give the same file (``msgfmt --check``
warns about it and passes).
"""

from __future__ import annotations

import polib

from diglot import __version__
from diglot.edition.model import Edition
from diglot.edition.writers.base import EditionWriter, finding_text, term_notes
from diglot.i18n import N_


class PoWriter(EditionWriter):
    name = "po"
    description = N_("gettext PO: msgctxt DOCUMENT#BEAD, msgid source, msgstr target, terms as comments")

    def render(self, edition: Edition) -> str:
        doc = edition.doc
        po = polib.POFile(wrapwidth=0)
        po.header = f"Bilingual edition of {doc.id} ({doc.src_lang} → {doc.tgt_lang}) made by diglot.\n{edition.signature}"
        po.metadata = {
            "Project-Id-Version": doc.id,
            "Last-Translator": "diglot (machine translation)" if edition.machine else "diglot (aligned)",
            "Language-Team": "none",
            "Language": doc.tgt_lang,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "X-Generator": f"diglot {__version__}",
            "X-Source-Language": doc.src_lang,
            "X-Diglot-Signature": str(edition.signature),
        }
        for row in edition.rows:
            if not row.source or row.boilerplate:
                continue
            comments = term_notes(row.src_mentions + row.tgt_mentions, edition.glossary)
            comments += [finding_text(f) for f in row.problems]
            entry = polib.POEntry(
                msgctxt=f"{doc.id}#{row.index + 1}",
                msgid=row.source,
                msgstr=row.target,
                comment="\n".join(comments),
            )
            if row.target and (row.problems or edition.machine):
                entry.flags.append("fuzzy")
            po.append(entry)
        return str(po) + "\n"

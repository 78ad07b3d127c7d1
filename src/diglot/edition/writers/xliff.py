"""XLIFF 1.2 (strict schema): the exchange file of localisation platforms and CAT tools.

One ``trans-unit`` per bead with a source side, ``id`` the bead number:

* ``state="translated"`` for a translation pair without problem findings;
* ``state="needs-review-translation"`` where the check found a problem; each finding becomes a
  ``note from="diglot-check"`` (``priority="1"`` for problems, ``8`` for notes, ``5`` for
  confirmations); notes alone leave a unit ``translated``;
* ``state="needs-translation"`` with an empty ``target`` for a source sentence the other version
  leaves out;
* boilerplate beads (mastheads, datelines) are kept with ``translate="no"``, so a tool shows them
  as context but does not count them as work.

A machine translation's targets get ``state-qualifier="leveraged-mt"``. Beads with only a target
side are skipped: XLIFF has no unit without a source. Glossary terms are listed in a
``note from="diglot-glossary"`` per unit; the signature is a note in the file header.
"""

from __future__ import annotations

from diglot import __version__
from diglot.check import is_problem
from diglot.edition.model import Edition, is_note
from diglot.edition.writers.base import EditionWriter, finding_text, refuse_what_xml_cannot_hold, term_notes
from diglot.i18n import N_

NS = "urn:oasis:names:tc:xliff:document:1.2"
_X = f"{{{NS}}}"


class XliffWriter(EditionWriter):
    name = "xliff"
    suffixes = (".xlf", ".xliff")
    description = N_("XLIFF 1.2: one trans-unit per bead, check findings as notes")

    def render(self, edition: Edition) -> str:
        from lxml import etree  # only when this format is written

        refuse_what_xml_cannot_hold(edition, "XLIFF")
        root = etree.Element(_X + "xliff", nsmap={None: NS}, version="1.2")
        file = etree.SubElement(
            root,
            _X + "file",
            {
                "original": edition.doc.id,
                "source-language": edition.doc.src_lang,
                "target-language": edition.doc.tgt_lang,
                "datatype": "plaintext",
                "tool-id": "diglot",
            },
        )
        header = etree.SubElement(file, _X + "header")
        etree.SubElement(header, _X + "tool", {"tool-id": "diglot", "tool-name": "diglot", "tool-version": __version__})
        etree.SubElement(header, _X + "note", {"from": "diglot"}).text = str(edition.signature)
        body = etree.SubElement(file, _X + "body")
        for row in edition.rows:
            if not row.source:
                continue
            unit = etree.SubElement(body, _X + "trans-unit", id=str(row.index + 1))
            if row.boilerplate:
                unit.set("translate", "no")
            etree.SubElement(unit, _X + "source").text = row.source
            target = etree.SubElement(unit, _X + "target")
            target.text = row.target
            if not row.target:
                target.set("state", "needs-translation")
            else:
                target.set("state", "needs-review-translation" if row.problems else "translated")
                if edition.machine:
                    target.set("state-qualifier", "leveraged-mt")
            terms = term_notes(row.src_mentions + row.tgt_mentions, edition.glossary)
            if terms:
                etree.SubElement(unit, _X + "note", {"from": "diglot-glossary"}).text = "\n".join(terms)
            for finding in row.findings:
                priority = "5" if not is_problem(finding.status) else "8" if is_note(finding) else "1"
                note = etree.SubElement(unit, _X + "note", {"from": "diglot-check", "priority": priority})
                note.text = finding_text(finding)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")

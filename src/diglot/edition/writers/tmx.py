"""TMX 1.4b: a translation memory any CAT tool can import (Trados, memoQ, OmegaT, Okapi).

One ``tu`` per bead that is a translation pair: beads with an empty side (a sentence the other
version leaves out) and boilerplate beads (mastheads, datelines) are skipped, since a memory
should only offer real translations. Each ``tu`` carries the document id and the bead number as
``prop``s (``x-document``, ``x-bead``); the header carries the signature (``x-diglot-signature``).
No creation date is written, so the same inputs give the same file.
"""

from __future__ import annotations

from diglot import __version__
from diglot.edition.model import Edition
from diglot.edition.writers.base import EditionWriter, refuse_what_xml_cannot_hold
from diglot.i18n import N_

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class TmxWriter(EditionWriter):
    name = "tmx"
    description = N_("TMX 1.4b translation memory: one tu per translated bead")

    def render(self, edition: Edition) -> str:
        from lxml import etree  # only when this format is written

        refuse_what_xml_cannot_hold(edition, "TMX")
        doc = edition.doc
        root = etree.Element("tmx", version="1.4")
        header = etree.SubElement(
            root,
            "header",
            creationtool="diglot",
            creationtoolversion=__version__,
            segtype="sentence",
            adminlang="en",
            srclang=doc.src_lang,
            datatype="plaintext",
        )
        header.set("o-tmf", "diglot")
        etree.SubElement(header, "prop", type="x-diglot-signature").text = str(edition.signature)
        body = etree.SubElement(root, "body")
        for row in edition.rows:
            if not row.complete or row.boilerplate:
                continue
            tu = etree.SubElement(body, "tu", tuid=f"{doc.id}-{row.index + 1}")
            etree.SubElement(tu, "prop", type="x-document").text = doc.id
            etree.SubElement(tu, "prop", type="x-bead").text = str(row.index + 1)
            for lang, text in ((doc.src_lang, row.source), (doc.tgt_lang, row.target)):
                tuv = etree.SubElement(tu, "tuv")
                tuv.set(XML_LANG, lang)
                etree.SubElement(tuv, "seg").text = text
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")

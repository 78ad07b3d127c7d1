"""TMX, XLIFF and PO read back by independent tools: translate-toolkit, the TMX DTD, the OASIS schema, msgfmt."""

import shutil
import subprocess

import polib
import pytest
from lxml import etree
from translate.storage import tmx, xliff

from diglot.edition import make_edition, render_edition

from .conftest import DATA

XSD = "{http://www.w3.org/2001/XMLSchema}"


@pytest.fixture(scope="module")
def xliff_schema():
    """The OASIS XLIFF 1.2 strict schema, its xml.xsd import pointed at the local copy (no network)."""
    tree = etree.parse(str(DATA / "xliff-core-1.2-strict.xsd"))
    imports = tree.findall(f"{XSD}import")
    assert [i.get("schemaLocation") for i in imports] == ["http://www.w3.org/2001/xml.xsd"]
    imports[0].set("schemaLocation", "xml.xsd")  # resolved beside the schema file
    return etree.XMLSchema(tree)


def pairs(edition):
    """The (source, target) of the beads a translation memory should hold."""
    return [(r.source, r.target) for r in edition.rows if r.complete and not r.boilerplate]


def test_tmx_reads_back_as_the_translation_pairs(edition):
    text = render_edition(edition, "tmx")
    store = tmx.tmxfile.parsestring(text.encode("utf-8"))
    assert [(u.source, u.target) for u in store.units] == pairs(edition)
    assert [u.getid() for u in store.units] == ["sample-1-2", "sample-1-3", "sample-1-4"]
    root = etree.fromstring(text.encode("utf-8"))
    dtd = etree.DTD(str(DATA / "tmx14.dtd"))
    assert dtd.validate(root), dtd.error_log
    header = root.find("header")
    for attribute in ("srclang", "creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "datatype"):
        assert header.get(attribute), attribute
    assert (root.get("version"), header.get("srclang")) == ("1.4", "en")
    assert header.findtext("prop[@type='x-diglot-signature']") == str(edition.signature)
    assert [tu.findtext("prop[@type='x-document']") for tu in root.iter("tu")] == ["sample-1"] * 3


def test_xliff_reads_back_and_validates_against_the_strict_schema(edition, xliff_schema):
    text = render_edition(edition, "xliff")
    assert xliff_schema.validate(etree.fromstring(text.encode("utf-8"))), xliff_schema.error_log
    store = xliff.xlifffile.parsestring(text.encode("utf-8"))
    units = store.units
    expected = [(r.source, r.target) for r in edition.rows if r.source]
    assert [(u.source, u.target or "") for u in units] == expected
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("en", "ko")
    by_id = {u.xmlelement.get("id"): u for u in units}
    assert not by_id["1"].istranslatable()  # the masthead
    assert "missing: CNKR is not rendered" in by_id["3"].getnotes()
    assert "cnkr: ko 북한난민구호위원회" in by_id["3"].getnotes()


def test_xliff_target_states(edition):
    root = etree.fromstring(render_edition(edition, "xliff").encode("utf-8"))
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    states = {u.get("id"): u.find("x:target", ns).get("state") for u in root.iterfind(".//x:trans-unit", ns)}
    assert states == {
        "1": "translated",
        "2": "translated",
        "3": "needs-review-translation",
        "4": "translated",
        "5": "needs-translation",
        "6": "translated",
    }
    assert root.find(".//x:target[@state-qualifier]", ns) is None


def test_machine_translation_is_qualified_and_still_valid(document, glossary, xliff_schema):
    edition = make_edition(document, glossary, findings=[], machine=True)
    root = etree.fromstring(render_edition(edition, "xliff").encode("utf-8"))
    assert xliff_schema.validate(root), xliff_schema.error_log
    qualifiers = {t.get("state-qualifier") for t in root.iter("{urn:oasis:names:tc:xliff:document:1.2}target")}
    assert qualifiers == {"leveraged-mt", None}  # None: the untranslated sentence
    po = polib.pofile(render_edition(edition, "po"))
    assert all(e.fuzzy for e in po if e.msgstr)


def test_po_entries_carry_context_terms_and_findings(edition):
    po = polib.pofile(render_edition(edition, "po"))
    assert po.metadata["X-Diglot-Signature"] == str(edition.signature)
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in po] == [
        (f"sample-1#{r.index + 1}", r.source, r.target) for r in edition.rows if r.source and not r.boilerplate
    ]
    third = po.find("The commission said 35 defectors were caught.", msgctxt="sample-1#3")
    assert third.fuzzy and "missing: CNKR is not rendered as the glossary says" in third.comment
    assert "cnkr: ko 북한난민구호위원회 · en Commission to Help North Korean Refugees" in third.comment
    assert not po.find("Huh Seung-jae will leave for Yanji.", msgctxt="sample-1#4").fuzzy


def test_po_passes_msgfmt_check(edition, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt not installed (apt-get install gettext)")
    path = tmp_path / "sample.po"
    path.write_text(render_edition(edition, "po"), encoding="utf-8")
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", str(tmp_path / "sample.mo"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "2 translated messages, 1 fuzzy translation, 1 untranslated message" in result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert all("PO-Revision-Date" in line for line in warnings), warnings  # left out on purpose

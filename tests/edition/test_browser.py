"""The HTML edition opened by a real headless Chromium: the DOM it builds, and a screenshot.

Needs Debian's ``chromium`` package (``apt-get install chromium``); skipped with that reason if absent.
"""

import shutil
import struct
import subprocess

import lxml.html
import pytest

from diglot.edition import render_edition

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (apt-get install chromium)")


def cls(name):
    """An XPath test for an element with the class ``name``."""
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


ROWS = f"//main[{cls('edition')}]//div[{cls('bead')}]"  # furniture beads sit in their band
TERMS = f"//main//mark[{cls('term')}]"


def chromium(tmp_path, page, *args):
    """Run headless Chromium on ``page`` with no network services, a fresh profile, and ``args``."""
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_chromium_dom_has_a_row_per_bead_and_the_marked_terms(edition, tmp_path):
    page = tmp_path / "sample.html"
    page.write_text(render_edition(edition, "html"), encoding="utf-8")
    dom = lxml.html.fromstring(chromium(tmp_path, page, "--dump-dom"))
    rows = dom.xpath(ROWS)
    assert [row.get("data-bead") for row in rows] == [str(i) for i in range(1, 7)]
    for row, bead in zip(rows, edition.rows):
        source, target = row.xpath(f"p[{cls('src')}]")[0], row.xpath(f"p[{cls('tgt')}]")[0]
        assert (source.get("lang"), target.get("lang")) == ("en", "ko")
        assert (source.text_content(), target.text_content()) == (bead.source, bead.target)
    marks = dom.xpath(TERMS)
    expected = [m for row in edition.rows for m in (*row.src_mentions, *row.tgt_mentions)]
    assert [(m.get("data-entry"), m.text_content()) for m in marks] == [(m.entry, m.text) for m in expected]
    assert "boilerplate" in rows[0].classes and "problem" in rows[2].classes
    assert [li.text_content() for li in rows[4].xpath(f".//li[{cls('finding')}]")] == ["untranslatedno Korean for this sentence"]
    assert dom.xpath('//meta[@name="diglot-signature"]/@content')[0] == str(edition.signature)


def test_chromium_screenshots_the_seed_edition(seed_edition, tmp_path):
    page = tmp_path / "seed.html"
    page.write_text(render_edition(seed_edition, "html"), encoding="utf-8")
    dom = lxml.html.fromstring(chromium(tmp_path, page, "--dump-dom"))
    assert len(dom.xpath(ROWS)) == len(seed_edition.doc.beads)
    assert {m.get("data-entry") for m in dom.xpath(TERMS)} >= {"cnkr", "north-korean-defector", "yanji"}
    shot = tmp_path / "seed.png"
    chromium(tmp_path, page, f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)


def _with_a_finding_off_the_terms(edition):
    """``edition`` with one more finding, pointing at a word of the translation outside every glossary
    term (the seed's own findings come and go as the check improves)."""
    from dataclasses import replace

    from diglot.doc import Finding

    for row in edition.rows:
        if row.boilerplate:
            continue
        end = min((m.start for m in row.tgt_mentions), default=len(row.target))
        if row.target[:end].strip():
            finding = Finding("variant", bead=row.index, tgt_span=(0, end), message="a finding for the print style")
            return replace(edition, findings=[*edition.findings, finding])
    raise AssertionError("no translated words outside a term in the seed edition")


def test_chromium_lays_out_furniture_in_pairs_and_keeps_terms_apart_from_findings_in_print(seed_edition, tmp_path):
    """Read from Chromium's layout (selenium): a masthead sits beside its translation in one band,
    the legend names the variant colour, and print underlines findings, not terms."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed")
    driver_path = shutil.which("chromedriver")
    if driver_path is None:
        pytest.skip("chromium-driver not installed")
    page = tmp_path / "seed.html"
    page.write_text(render_edition(_with_a_finding_off_the_terms(seed_edition), "html"), encoding="utf-8")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1000"):  # fmt: skip
        options.add_argument(arg)
    driver = webdriver.Chrome(service=webdriver.ChromeService(driver_path), options=options)
    try:
        driver.get(page.as_uri())
        band = driver.find_elements("css selector", "main.edition > div.furniture")[0]
        cells = {c.text: c.location["y"] for c in band.find_elements("css selector", "p.src, p.tgt") if c.text}
        assert cells["코리아헤럴드"] == cells["The Korea Herald"]  # two one-sided beads, one line of the band
        legend = driver.find_element("css selector", "ul.legend").text
        assert "variant" in legend and "page furniture" in legend
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        style = "return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])"
        term = driver.find_element("css selector", "main mark.term")
        assert driver.execute_script(style, term, "border-bottom-style") == "none"
        flagged = driver.find_element("css selector", "main .flagged")
        assert "underline" in driver.execute_script(style, flagged, "text-decoration-line")
        assert driver.execute_script(style, term, "print-color-adjust") == "exact"
    finally:
        driver.quit()

"""The web app in a real headless Chromium, driven by selenium, against ``diglot serve`` started
for real (a subprocess on a free port, the tiny real test model installed, a copy of the
curated glossaries): the newsroom's flows end to end, with a screenshot of each page.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package; skipped with
that reason if one is absent. Set ``DIGLOT_SCREENSHOTS=docs/images`` to keep the screenshots.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from liveserver import free_port, stop, wait_healthy

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (pip install -e '.[test]')")
from selenium.webdriver.common.by import By  # noqa: E402 - after the skip
from selenium.webdriver.support import expected_conditions as seen  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None, reason="Chromium or its driver not installed (apt-get install chromium chromium-driver)"
)

REPO = Path(__file__).resolve().parents[2]
SEED_EN = (REPO / "seeds" / "000_4cf5f6c82bb4f27d.txt").read_text(encoding="utf-8")
SEED_KO = (REPO / "seeds" / "000_4cf5f6c82bb4f27d.ko.txt").read_text(encoding="utf-8")
WAIT = 60  # seconds a page may take to come back (a cold model, a slow CI machine); not a measurement


@pytest.fixture(scope="module")
def server(tmp_path_factory, tiny_package, tiny_package_en_ko):
    """``diglot serve`` in a subprocess, with the tiny models installed in its own DIGLOT_HOME."""
    root = tmp_path_factory.mktemp("serve")
    # Run in ``root`` with relative paths, so the pages (and screenshots) show short file names.
    env = {**os.environ, "DIGLOT_HOME": "home", "XDG_DATA_HOME": str(root / "xdg")}
    env.pop("ARGOS_PACKAGES_DIR", None)
    glossaries = root / "glossaries"
    shutil.copytree(REPO / "glossaries", glossaries, ignore=shutil.ignore_patterns("*.md"))
    for package in (tiny_package, tiny_package_en_ko):
        subprocess.run([sys.executable, "-m", "diglot", "models", "install", str(package)], env=env, cwd=root, check=True, capture_output=True)
    port = free_port()
    log = (root / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "diglot", "serve", "--port", str(port), "-g", "glossaries"], env=env, cwd=root, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, process, root / "server.log")
    yield SimpleNamespace(url=url, glossaries=glossaries, home=root / "home")
    stop(process)
    log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium with no network services, a fresh profile and a downloads folder."""
    root = tmp_path_factory.mktemp("chromium")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
                f"--user-data-dir={root / 'profile'}", "--lang=en-US"):  # fmt: skip
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-US,en", "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=webdriver.ChromeService(CHROMEDRIVER), options=options)
    downloads = root / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


def wait_for(driver, css: str):
    return WebDriverWait(driver, WAIT).until(seen.presence_of_element_located((By.CSS_SELECTOR, css)))


def fill(driver, name: str, text: str) -> None:
    """Put ``text`` in the field ``name`` at once (typing a whole article key by key is slow)."""
    field = driver.find_element(By.NAME, name)
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", field, text)


def shoot(driver, name: str, tmp_path: Path, width: int = 1280) -> None:
    """A screenshot of the page's top (up to 2400 pixels), kept in ``$DIGLOT_SCREENSHOTS`` when set."""
    folder = Path(os.environ.get("DIGLOT_SCREENSHOTS") or tmp_path)
    driver.set_window_size(width, 1000)
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 2400)")
    driver.set_window_size(width, height)
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24])[0] == width
    driver.set_window_size(1280, 1000)


def test_translate_the_seed_and_see_the_term_report(server, browser, tmp_path):
    browser.get(server.url + "/")
    fill(browser, "q", SEED_KO)
    browser.find_element(By.CSS_SELECTOR, "form.translate button[type=submit]").click()
    wait_for(browser, "table.report")
    entries = {row.get_attribute("data-entry") for row in browser.find_elements(By.CSS_SELECTOR, "table.report tr[data-entry]")}
    assert {"north-korean-defector", "cnkr", "forced-repatriation"} <= entries
    statuses = {row.get_attribute("data-status") for row in browser.find_elements(By.CSS_SELECTOR, "table.report tr[data-entry]")}
    assert statuses and statuses <= {"kept", "restored", "repaired", "failed"}
    term = browser.find_element(By.CSS_SELECTOR, 'p.src mark.term[data-entry="north-korean-defector"]')
    term.send_keys("")  # focus, as the Tab key would: the entry shows beside the term
    browser.execute_script("arguments[0].focus()", term)
    assert "North Korean defector" in wait_for(browser, ".tip[role=tooltip]").text
    shoot(browser, "web-translate", tmp_path)


def test_review_the_seed_pair_fix_one_dismiss_one_and_download(server, browser, tmp_path):
    browser.get(server.url + "/review")
    fill(browser, "source", SEED_KO)
    fill(browser, "target", SEED_EN)
    browser.find_element(By.CSS_SELECTOR, '#review-form button[value="check"]').click()
    wait_for(browser, "li[data-status]")
    assert len(browser.find_elements(By.CSS_SELECTOR, "[data-bead]")) > 15
    fix = browser.find_element(By.CSS_SELECTOR, 'button[value^="fix:"]')
    assert "North Korean defector" in fix.text
    fix.click()
    assert "N.K. defector" in wait_for(browser, '[data-message="notice"]').text
    finding = browser.find_element(By.CSS_SELECTOR, "li[data-finding]")
    finding.find_element(By.CSS_SELECTOR, "input.reason").send_keys("headline style")
    finding.find_element(By.CSS_SELECTOR, "button.dismiss").click()
    assert "headline style" in wait_for(browser, 'li[data-status="dismissed"]').text
    assert " beads, 1 dismissed; signature " in browser.find_element(By.CSS_SELECTOR, 'p[data-summary="check"]').text
    shoot(browser, "web-review", tmp_path)
    shoot(browser, "web-review-phone", tmp_path, width=390)
    beads = browser.find_elements(By.CSS_SELECTOR, "section.edition > div.bead")
    source, target = beads[1].find_element(By.CSS_SELECTOR, "p.src"), beads[1].find_element(By.CSS_SELECTOR, "p.tgt")
    browser.set_window_size(390, 1000)
    assert target.location["y"] > source.location["y"]  # on a phone the translation comes under its source
    browser.set_window_size(1280, 1000)
    assert target.location["y"] == source.location["y"]  # side by side on a wide screen
    browser.find_element(By.CSS_SELECTOR, 'button[value="download"]').click()
    saved = browser.downloads / "translation.txt"
    # Chromium creates the file empty and writes it under a .crdownload name, renamed when done.
    WebDriverWait(browser, WAIT).until(
        lambda _driver: saved.exists() and saved.stat().st_size and not list(browser.downloads.glob("*.crdownload")))
    assert saved.read_bytes() == SEED_EN.replace("N.K. defectors", "North Korean defectors", 1).encode("utf-8")


def test_search_a_form_with_its_particle(server, browser, tmp_path):
    browser.get(server.url + "/glossary")
    search = browser.find_element(By.NAME, "q")
    search.send_keys("탈북자들은\n")
    entry = wait_for(browser, 'article[data-entry="north-korean-defector"]')
    assert "North Korean defector" in entry.text
    shoot(browser, "web-glossary", tmp_path)


def test_add_an_entry_see_it_linted_and_used_in_the_next_review(server, browser, tmp_path):
    browser.get(server.url + "/glossary")
    browser.find_element(By.CSS_SELECTOR, "details.add summary").click()
    for name, value in (("id", "daeseong-dong"), ("ko", "대성동"), ("en", "Daeseong-dong"), ("source", "Yonhap")):
        browser.find_element(By.NAME, name).send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "form.add-entry button[type=submit]").click()
    assert "Lint" in wait_for(browser, '[data-message="notice"]').text
    browser.get(server.url + "/review")
    fill(browser, "source", "대성동에서 주민들이 모였다.")
    fill(browser, "target", "Residents gathered in Daeseong-dong.")
    browser.find_element(By.CSS_SELECTOR, '#review-form button[value="check"]').click()
    assert wait_for(browser, 'mark[data-entry="daeseong-dong"]')


def test_proposals_page(server, browser, tmp_path):
    queue = server.home / "server" / "proposals.yaml"
    queue.parent.mkdir(parents=True, exist_ok=True)
    queue.write_text(
        "entries:\n  - id: shelling\n    type: term\n    status: proposed\n    ko:\n      preferred: 포격\n"
        "    en:\n      preferred: shelling\n    evidence:\n      score: 0.82\n      examples: [포격 - shelling]\n",
        encoding="utf-8",
    )
    browser.get(server.url + "/glossary/proposals")
    assert wait_for(browser, 'form[data-proposal="shelling"]')
    shoot(browser, "web-proposals", tmp_path)


def test_switch_to_korean(server, browser, tmp_path):
    browser.get(server.url + "/review")
    browser.find_element(By.CSS_SELECTOR, 'a[data-lang="ko"]').click()
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ko")
    fill(browser, "source", SEED_KO)
    fill(browser, "target", SEED_EN)
    browser.find_element(By.CSS_SELECTOR, '#review-form button[value="check"]').click()
    summary = wait_for(browser, "dl.summary")
    assert "지적 사항" in summary.text  # the edition speaks the reader's language, from the CLI's catalogue
    shoot(browser, "web-korean", tmp_path)
    browser.get(server.url + "/glossary")  # the choice is remembered
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ko"
    browser.find_element(By.CSS_SELECTOR, 'a[data-lang="en"]').click()

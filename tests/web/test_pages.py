"""The web app's pages through Starlette's TestClient: forms, actions, downloads, languages, errors."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import lxml.html
import pytest


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_EN, SEED_KO = SEEDS / "000_4cf5f6c82bb4f27d.txt", SEEDS / "000_4cf5f6c82bb4f27d.ko.txt"


def dom(response):
    return lxml.html.fromstring(response.text)


def review(client, source: str, target: str, **extra):
    return client.post("/review", data={"source": source, "target": target, "action": "check", **extra})


def carried(page) -> dict[str, str]:
    """The hidden fields a review page carries into its next action."""
    return {i.get("name"): i.get("value") for i in page.xpath('//form[@id="review-form"]//input[@type="hidden"]')}


@pytest.mark.parametrize("path", ["/", "/review", "/glossary", "/glossary/proposals"])
def test_every_page_is_one_self_contained_html_page_in_english_or_korean(client, path):
    english = client.get(path)
    assert english.status_code == 200
    page = dom(english)
    assert page.get("lang") == "en"
    for url in page.xpath("//@src | //link/@href"):
        assert url.startswith("/static/"), url  # nothing from another server
    korean = client.get(path, headers={"Accept-Language": "ko-KR,ko;q=0.9,en;q=0.5"})
    assert dom(korean).get("lang") == "ko"
    assert "탈북" in korean.text or re.search(r"[\uac00-\ud7a3]", korean.text)


def test_the_language_switch_is_remembered(client):
    switched = client.get("/glossary?lang=ko", headers={"Accept-Language": "en"})
    assert dom(switched).get("lang") == "ko" and switched.cookies.get("diglot_lang") == "ko"
    assert dom(client.get("/review", headers={"Accept-Language": "en"})).get("lang") == "ko"
    assert dom(client.get("/review?lang=en")).get("lang") == "en"


def test_static_files_and_the_edition_style_sheet_are_served(client):
    assert "print-color-adjust" in client.get("/static/edition.css").text
    assert "NanumGothic" in client.get("/static/app.css").text
    assert client.get("/static/app.js").status_code == 200


def test_translate_page_says_how_to_install_a_model_when_none_is(client):
    page = dom(client.get("/"))
    note = page.xpath('//*[@data-message="no-model"]')[0].text_content()
    assert "diglot models install" in note
    assert page.xpath('//textarea[@name="q"]')
    refused = client.post("/", data={"q": "탈북자들은 강제 북송을 우려한다."})
    assert refused.status_code == 400 and "diglot models install" in refused.text and "Traceback" not in refused.text


def test_translate_page_shows_paragraphs_terms_and_the_term_report(client_with_model):
    article = "탈북자들은 강제 북송을 우려한다.\n\n북한난민구호위원회는 탈북자 35명이 붙잡혔다고 밝혔다.\n"
    response = client_with_model.post("/", data={"q": article, "direction": "auto"})
    assert response.status_code == 200, response.text[-500:]
    page = dom(response)
    assert len(page.xpath('//div[@data-paragraph]')) == 2
    source_terms = {m.get("data-entry") for m in page.xpath('//p[@class="src"]//mark')}
    assert {"north-korean-defector", "forced-repatriation", "cnkr"} <= source_terms
    report = page.xpath('//table[@class="report"]//tr[@data-entry]')
    assert {row.get("data-entry") for row in report} >= {"north-korean-defector", "forced-repatriation", "cnkr"}
    assert {row.get("data-status") for row in report} <= {"kept", "restored", "repaired", "failed"}
    assert len(page.xpath('//table[@class="report"]//span[@class="first"]')) == len({r.get("data-entry") for r in report})
    translation = page.xpath('//textarea[@name="translation"]')[0].text_content()
    assert "North Korean defector" in translation
    download = client_with_model.post("/translation/download", data={"q": article, "translation": "Edited.\r\n", "format": "txt"})
    assert download.content == b"Edited.\n" and "attachment" in download.headers["content-disposition"]


def test_review_shows_the_edition_with_findings_in_place(client):
    response = review(client, SEED_KO.read_text(encoding="utf-8"), SEED_EN.read_text(encoding="utf-8"))
    assert response.status_code == 200
    page = dom(response)
    form = page.xpath('//form[@id="review-form"]')[0]
    assert form.xpath('.//textarea[@name="source"]') and form.xpath('.//textarea[@name="target"]')
    assert form.xpath('.//button[@type="submit"]')
    beads = page.xpath("//*[@data-bead]")
    assert len(beads) > 15
    assert page.xpath('//div[@class="furniture"]//div[@data-bead]')  # mastheads and credits in one band
    statuses = [li.get("data-status") for li in page.xpath("//li[@data-status]")]
    assert "variant" in statuses and "missing" in statuses


def test_review_applies_one_fix_keeping_every_other_byte(client):
    target = SEED_EN.read_bytes().replace(b"\n", b"\r\n")  # a Windows file: CRLF must survive
    response = client.post(
        "/review",
        data={"source": SEED_KO.read_text(encoding="utf-8"), "action": "check"},
        files={"target_file": ("seed.en.txt", target, "text/plain")},
    )
    page = dom(response)
    fix = page.xpath('//button[starts-with(@value, "fix:")]')[0]
    finding = fix.xpath("ancestor::li[@data-status]")[0]
    assert finding.get("data-status") == "variant" and "N.K. defector" in finding.text_content()
    fixed = client.post("/review", data={**carried(page), "action": fix.get("value")})
    page = dom(fixed)
    assert "N.K. defector" in page.xpath('//*[@data-message="notice"]')[0].text_content()
    download = client.post("/review/download", data={**carried(page), "action": "download"})
    assert download.content == target.replace(b"N.K. defectors", b"North Korean defectors", 1)
    assert 'filename="seed.en.txt"' in download.headers["content-disposition"]


def test_review_dismisses_a_finding_with_its_reason(client):
    page = dom(review(client, SEED_KO.read_text(encoding="utf-8"), SEED_EN.read_text(encoding="utf-8")))
    first = page.xpath("//li[@data-finding]")[0]
    index, status = first.get("data-finding"), first.get("data-status")
    without = client.post("/review", data={**carried(page), "action": f"dismiss:{index}"})
    assert without.status_code == 400 and "reason" in without.text
    dismissed = dom(client.post("/review", data={**carried(page), "action": f"dismiss:{index}", f"reason-{index}": "headline style"}))
    kept = dismissed.xpath('//li[@data-status="dismissed"]')
    assert len(kept) == 1 and kept[0].get("data-was") == status and "headline style" in kept[0].text_content()
    before = len(page.xpath("//li[@data-finding]"))
    assert len(dismissed.xpath("//li[@data-finding]")) == before - 1
    # Counted as diglot check counts: what fails as findings, notes apart, and the dismissed ones.
    for shown, expected_dismissed in ((page, 0), (dismissed, 1)):
        severities = [li.get("data-severity") for li in shown.xpath("//li[@data-finding]")]
        failing = sum(1 for s in severities if s in ("error", "warning"))
        assert _summary_counts(shown) == (failing, severities.count("note"), expected_dismissed)
    assert sum(_summary_counts(dismissed)[:2]) == sum(_summary_counts(page)[:2]) - 1
    edition = client.post("/review/edition", data={**carried(dismissed), "format": "jsonl"})
    assert edition.status_code == 200 and edition.headers["content-disposition"].endswith('.jsonl"')
    waivers = client.post("/review/waivers", data={**carried(dismissed), "action": "waivers"})
    assert 'filename="translation.txt.waivers.yaml"' in waivers.headers["content-disposition"]
    assert f"status: {status}" in waivers.text and "note: headline style" in waivers.text
    again = client.post(  # a later review, with the waivers file: the finding stays dismissed
        "/review",
        data={"source": SEED_KO.read_text(encoding="utf-8"), "target": SEED_EN.read_text(encoding="utf-8"), "action": "check"},
        files={"waivers_file": ("translation.txt.waivers.yaml", waivers.content, "application/yaml")},
    )
    assert len(dom(again).xpath('//li[@data-status="dismissed"]')) == 1
    broken = client.post("/review", data={"source": "정부가 밝혔다.", "target": "The government said.", "action": "check"},
                         files={"waivers_file": ("w.yaml", b"waivers: [1, 2", "application/yaml")})  # fmt: skip
    assert broken.status_code == 400 and "w.yaml:2:1: malformed YAML" in broken.text


def _summary_counts(page) -> tuple[int, int, int]:
    """Findings, notes and dismissed findings, read from the review page's check summary."""
    [line] = page.xpath('//p[@data-summary="check"]')
    text = line.text_content()
    findings = re.search(r"(\d+) findings?", text)
    notes = re.search(r"(\d+) notes?", text)
    dismissed = re.search(r"(\d+) dismissed", text)
    assert findings and dismissed and " beads, " in text and "signature" in text, text
    return int(findings.group(1)), int(notes.group(1)) if notes else 0, int(dismissed.group(1))


def test_review_errors_are_messages_on_the_page(client):
    empty = review(client, "", "Seoul urges China.")
    assert empty.status_code == 400 and dom(empty).xpath('//*[@data-message="error"]')
    same = review(client, "Seoul urges China.", "Beijing says no.")
    assert same.status_code == 400 and "English" in dom(same).xpath('//*[@data-message="error"]')[0].text_content()
    binary = client.post("/review", data={"source": "정부가 밝혔다.", "action": "check"},
                         files={"target_file": ("x.bin", b"\x00\x01\x02PNG", "application/octet-stream")})  # fmt: skip
    assert binary.status_code == 400 and "x.bin looks like a binary file, not text" in binary.text
    damaged = client.post("/review", data={"source_raw": "%%%", "target_raw": base64.b64encode(b"x").decode(), "action": "fix:0"})
    assert damaged.status_code == 400 and "damaged" in damaged.text
    assert "Traceback" not in empty.text + same.text + binary.text + damaged.text


def test_glossary_search_finds_a_form_with_its_particle(client):
    page = dom(client.get("/glossary", params={"q": "탈북자들은"}))
    assert page.xpath('//input[@name="q"]')[0].get("value") == "탈북자들은"
    entries = [a.get("data-entry") for a in page.xpath("//article[@data-entry]")]
    assert entries[0] == "north-korean-defector"
    assert "North Korean defector" in page.xpath("//article[@data-entry]")[0].text_content()
    nothing = dom(client.get("/glossary", params={"q": "zzzz"}))
    assert nothing.xpath('//*[@data-message="no-results"]')
    files = dom(client.get("/glossary")).xpath("//tr[@data-file]")
    assert len(files) >= 5 and all(re.search(r"sha256:[0-9a-f]+", f.text_content()) for f in files)


def test_glossary_add_lints_first_then_writes(client, glossary_dir):
    terms = str(glossary_dir / "terms.yaml")
    before = (glossary_dir / "terms.yaml").read_text(encoding="utf-8")
    clash = client.post("/glossary/add", data={"id": "defector-2", "type": "term", "file": terms, "ko": "탈북자", "en": "defector from the North"})
    assert clash.status_code == 400
    problem = dom(clash).xpath('//li[@data-severity="error"]')[0].text_content()
    assert "탈북자" in problem and "north-korean-defector" in problem
    assert (glossary_dir / "terms.yaml").read_text(encoding="utf-8") == before
    added = client.post("/glossary/add", data={"id": "daeseong-dong", "type": "place", "file": terms,
                                               "ko": "대성동", "en": "Daeseong-dong", "source": "Yonhap"})  # fmt: skip
    assert added.status_code == 200, added.text[-400:]
    notice = dom(added).xpath('//*[@data-message="notice"]')[0].text_content()
    assert "daeseong-dong" in notice and "Lint" in notice
    assert "id: daeseong-dong" in (glossary_dir / "terms.yaml").read_text(encoding="utf-8")
    assert dom(client.get("/glossary", params={"q": "대성동에서"})).xpath('//article[@data-entry="daeseong-dong"]')
    used = dom(review(client, "대성동에서 주민들이 모였다.", "Residents gathered in Daeseong-dong."))
    assert used.xpath('//mark[@data-entry="daeseong-dong"]')


def test_proposals_are_accepted_or_rejected(client, glossary_dir, tmp_path):
    queue = tmp_path / "server" / "proposals.yaml"
    queue.parent.mkdir(parents=True, exist_ok=True)
    queue.write_text(
        "entries:\n"
        "  - id: yeonpyeong\n    type: place\n    status: proposed\n    ko:\n      preferred: 연평도\n    en:\n      preferred: Yeonpyeong\n"
        "  - id: shelling\n    type: term\n    status: proposed\n    ko:\n      preferred: 포격\n    en:\n      preferred: shelling\n",
        encoding="utf-8",
    )
    page = dom(client.get("/glossary/proposals"))
    assert [f.get("data-proposal") for f in page.xpath("//form[@data-proposal]")] == ["yeonpyeong", "shelling"]
    target = page.xpath('//form[@data-proposal="yeonpyeong"]//input[@name="glossary"]')[0].get("value")
    accepted = client.post("/glossary/proposals", data={"id": "yeonpyeong", "glossary": target, "decision": "accept", "en": "Yeonpyeong Island"})
    assert accepted.status_code == 200
    assert "preferred: Yeonpyeong Island" in open(target, encoding="utf-8").read()
    rejected = dom(client.post("/glossary/proposals", data={"id": "shelling", "glossary": target, "decision": "reject"}))
    assert rejected.xpath('//*[@data-message="empty"]')
    assert "shelling" in (tmp_path / "server" / "proposals.rejected.yaml").read_text(encoding="utf-8")


def test_review_merges_and_splits_rows_and_checks_again(client):
    page = dom(review(client, SEED_KO.read_text(encoding="utf-8"), SEED_EN.read_text(encoding="utf-8")))
    rows = page.xpath('//section[@class="edition"]/div[@data-bead]')
    merge = rows[1].xpath('.//button[starts-with(@value, "merge:")]')[0]
    merged = dom(client.post("/review", data={**carried(page), "action": merge.get("value")}))
    after = merged.xpath('//section[@class="edition"]/div[@data-bead]')
    assert len(merged.xpath("//*[@data-bead]")) == len(page.xpath("//*[@data-bead]")) - 1
    assert after[1].get("data-shape") == "2-2" and merged.xpath('//*[@data-message="notice"]')
    split = after[1].xpath('.//button[starts-with(@value, "split:")]')[0]
    back = dom(client.post("/review", data={**carried(merged), "action": split.get("value")}))
    assert [r.get("data-shape") for r in back.xpath("//*[@data-bead]")] == [r.get("data-shape") for r in page.xpath("//*[@data-bead]")]
    refused = client.post("/review", data={**carried(page), "action": f"split:{rows[1].get('data-bead')}"})
    assert refused.status_code == 400 and "split" in refused.text


def test_glossary_edit_lints_then_replaces_the_entry(client, glossary_dir):
    page = dom(client.get("/glossary/cnkr"))
    form = page.xpath('//form[@class="edit-entry"]')[0]
    values = {i.get("name"): i.get("value") or "" for i in form.xpath(".//input")}
    assert values["en"] == "Commission to Help North Korean Refugees" and values["en_short"] == "CNKR"
    clash = client.post("/glossary/cnkr/edit", data={**values, "type": "organization", "ko_variants": "탈북자"})
    assert clash.status_code == 400 and dom(clash).xpath('//li[@data-severity="error"]')
    assert "탈북자" not in (glossary_dir / "organizations.yaml").read_text(encoding="utf-8").split("id: cnkr")[1].split("- id:")[0]
    changed = client.post("/glossary/cnkr/edit", data={**values, "type": "organization", "en_variants": "Refugee Aid Commission"})
    assert changed.status_code == 200, changed.text[-300:]
    assert "Refugee Aid Commission" in dom(changed).xpath('//article[@data-entry="cnkr"]')[0].text_content()
    assert dom(client.get("/glossary", params={"q": "Refugee Aid Commission"})).xpath('//article[@data-entry="cnkr"]')


def test_translate_page_refuses_a_binary_upload_with_a_message(client):
    refused = client.post("/", data={"direction": "auto"}, files={"q_file": ("photo.jpg", b"\xff\xd8\xff\x00\x10JFIF", "image/jpeg")})
    assert refused.status_code == 400
    assert "photo.jpg looks like a binary file, not text" in dom(refused).xpath('//*[@data-message="error"]')[0].text_content()


def test_review_shows_a_note_muted_and_does_not_count_it(client):
    # 강제 북송 not rendered in its listed words is a note (terms are paraphrased); N.K. defectors a warning
    page = dom(review(client, "탈북자 35명이 강제 북송됐다.", "Thirty-five N.K. defectors were sent back."))
    notes = page.xpath('//li[@data-severity="note"]')
    assert [li.get("data-status") for li in notes] == ["missing"] and "note" in notes[0].get("class").split()
    assert [li.get("data-status") for li in page.xpath('//li[@data-severity="warning"]')] == ["variant"]
    assert page.xpath('//div[@class="count-findings"]/dd/text()')[0].strip() == "1"

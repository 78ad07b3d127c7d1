"""LibreTranslate's API, spoken to by libretranslatepy and in Weblate's and Discourse's shapes."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

import httpx
import pytest
from libretranslatepy import LibreTranslateAPI

SENTENCE = "탈북자들은 강제 북송을 우려한다."


def test_libretranslatepy_languages_translate_detect(server):
    client = LibreTranslateAPI(server.url)
    languages = {lang["code"]: lang["targets"] for lang in client.languages()}
    assert languages == {"en": ["ko"], "ko": ["en"]}
    # The tiny model copies its input; what it is given carries the glossary renderings.
    translated = client.translate(SENTENCE, "ko", "en")
    assert "North Korean defector" in translated and "forced repatriation" in translated
    assert client.detect("탈북자 문제") == [{"confidence": 100.0, "language": "ko"}]


def test_weblate_shape_json_list_with_api_key_and_no_format(server):
    body = {"q": ["통일교 신도", SENTENCE], "source": "ko", "target": "en", "api_key": ""}
    response = httpx.post(server.url + "/translate", json=body)
    assert response.status_code == 200
    translated = response.json()["translatedText"]
    assert isinstance(translated, list) and len(translated) == 2
    assert translated[0].startswith("Unification Church")  # the desk glossary, served with -g
    assert "forced repatriation" in translated[1]


def test_discourse_shape_form_detect_languages_then_html(server):
    html = '<p class="lead">탈북자들은 <b>강제 북송</b>을 <a href="/x?a=1&amp;b=2">우려한다</a>.</p><script>if (a<b) {}</script>'
    detected = httpx.post(server.url + "/detect", data={"q": html}).json()
    assert detected[0]["language"] == "ko"
    assert any(lang["code"] == "ko" for lang in httpx.get(server.url + "/languages").json())
    response = httpx.post(server.url + "/translate", data={"q": html, "source": "ko", "target": "en", "format": "html"})
    out = response.json()["translatedText"]
    assert '<p class="lead">' in out and "<b>forced repatriation</b>" in out
    assert '<a href="/x?a=1&amp;b=2">' in out
    assert "<script>if (a&lt;b) {}</script>" in out  # script text is never translated


class _Balance(HTMLParser):
    """Fails on an end tag that closes nothing open, or tags left open."""

    def __init__(self):
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "img", "hr"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open)
        self.open.pop()


def test_html_output_is_well_formed_even_from_broken_input(server):
    broken = '<div><p>탈북자 <b>문제</p></i><span title="a"b">강제 북송'
    response = httpx.post(server.url + "/translate", json={"q": broken, "source": "ko", "target": "en", "format": "html"})
    out = response.json()["translatedText"]
    checker = _Balance()
    checker.feed(out)
    checker.close()
    assert checker.open == []
    assert "North Korean defector" in out and "forced repatriation" in out


def test_auto_detects_each_text_of_a_batch(server):
    body = {"q": ["탈북자 문제", "The talks ended."], "source": "auto", "target": "en"}
    result = httpx.post(server.url + "/translate", json=body).json()
    assert [d["language"] for d in result["detectedLanguage"]] == ["ko", "en"]
    assert result["translatedText"][1] == "The talks ended."  # already English


def test_report_and_inline_glossary(server):
    body = {"q": "통일교 신도", "source": "ko", "target": "en", "report": True, "glossary": {"신도": "follower"}}
    result = httpx.post(server.url + "/translate", json=body).json()
    assert result["translatedText"].endswith("follower")
    assert [(m["entry"], m["source"], m["status"]) for m in result["report"]] == [("follower", "신도", "kept")]
    assert result["signature"]["model"] == "argos:ko-en@1.0" and result["signature"]["glossary"].startswith("sha256:")
    # "none" turns the glossary off; a clients that sends neither field gets the server's.
    plain = httpx.post(server.url + "/translate", json={**body, "glossary": "none"}).json()
    assert plain["report"] == [] and plain["translatedText"] == "통일교 신도"


def _balanced(markup: str) -> str:
    checker = _Balance()
    checker.feed(markup)
    checker.close()
    assert checker.open == [], markup
    return markup


def test_alternatives_are_the_next_hypotheses_each_glossary_enforced(server):
    body = {"q": SENTENCE, "source": "ko", "target": "en", "alternatives": 3}
    result = httpx.post(server.url + "/translate", json=body).json()
    alternatives = result["alternatives"]
    # The copy model's next-best hypotheses each change one token. One that broke a rendering has it
    # repaired, and may so become the translation itself, which LibreTranslate's answer leaves out.
    assert isinstance(alternatives, list) and 1 <= len(alternatives) <= 3 and len(set(alternatives)) == len(alternatives)
    assert result["translatedText"] not in alternatives
    for text in alternatives:
        assert "North Korean defector" in text and "forced repatriation" in text
    # A list q: a list of alternatives per text, as LibreTranslate answers.
    listed = httpx.post(server.url + "/translate", json={**body, "q": [SENTENCE, "그는 서울에서 탈북자를 만났다."],
                                                         "alternatives": 2}).json()
    assert [len(a) > 0 for a in listed["alternatives"]] == [True, True]
    assert all("North Korean defector" in a for a in listed["alternatives"][1])
    # Form-encoded HTML, as Discourse sends it: each alternative is well formed and enforced.
    html = {"q": "<p>탈북자들은 <b>강제 북송</b>을 우려한다.</p>", "source": "ko", "target": "en", "format": "html",
            "alternatives": "2"}
    answer = httpx.post(server.url + "/translate", data=html).json()
    assert answer["translatedText"] == "<p>North Korean defector들은 <b>forced repatriation</b>을 우려한다.</p>"
    assert len(answer["alternatives"]) == 2
    assert all("forced repatriation" in _balanced(a) for a in answer["alternatives"])
    assert "alternatives" not in httpx.post(server.url + "/translate", json={**body, "alternatives": 0}).json()


def test_translate_file_then_download(server):
    markdown = "# 탈북자 문제\n\n- 강제 북송\n\n```\n탈북자 code\n```\n"
    response = httpx.post(
        server.url + "/translate_file", data={"source": "ko", "target": "en"},
        files={"file": ("story.md", markdown.encode(), "text/markdown")},
    )
    url = response.json()["translatedFileUrl"]
    assert url.startswith(server.url + "/download_file/") and url.endswith("story.md")
    download = httpx.get(url)
    assert download.status_code == 200
    assert download.text == "# North Korean defector 문제\n\n- forced repatriation\n\n```\n탈북자 code\n```\n"
    assert "story.md" in download.headers["content-disposition"]


def test_translate_file_refuses_other_formats_and_binary(server):
    for name, data in (("a.pdf", b"%PDF"), ("a.txt", b"\x00\x01\x02binary")):
        response = httpx.post(server.url + "/translate_file", data={"source": "ko", "target": "en"},
                              files={"file": (name, data)})
        assert response.status_code == 400 and "error" in response.json()
    assert httpx.get(server.url + "/download_file/../../etc/passwd").status_code == 404


def test_frontend_settings_and_health(server):
    settings = httpx.get(server.url + "/frontend/settings").json()
    assert settings["keyRequired"] is False and settings["charLimit"] == -1
    health = httpx.get(server.url + "/health").json()
    assert health["status"] == "ok" and "argos:ko-en@1.0" in health["models"]


@pytest.mark.parametrize(
    ("request_kwargs", "status", "message"),
    [
        ({"content": b'{"q": "a"', "headers": {"content-type": "application/json"}}, 400, "not valid JSON"),
        ({"json": {"source": "ko", "target": "en"}}, 400, "missing q parameter"),
        ({"json": {"q": "x", "source": "ko", "target": "fr"}}, 400, "fr is not supported"),
        ({"json": {"q": "x", "source": "ko"}}, 400, "missing target parameter"),
        ({"json": {"q": [1, 2], "source": "ko", "target": "en"}}, 400, "list of strings"),
        ({"json": {"q": "x", "source": "ko", "target": "en", "format": "pdf"}}, 400, "format must be"),
        ({"json": {"q": "x", "source": "ko", "target": "en", "glossary": "no-such"}}, 400, "no glossary no-such"),
        ({"json": {"q": "x", "source": "ko", "target": "en", "alternatives": 9}}, 400, "alternatives must be"),
        ({"json": {"q": "x", "source": "ko", "target": "en", "alternatives": "many"}}, 400, "whole number"),
    ],
)
def test_bad_requests_get_their_status_and_a_json_error(server, request_kwargs, status, message):
    response = httpx.post(server.url + "/translate", **request_kwargs)
    assert response.status_code == status
    assert message in response.json()["error"]
    assert "Traceback" not in response.text


def test_a_90_mb_body_is_refused_and_the_server_keeps_serving(server):
    body = json.dumps({"q": "가" * (90 * 1024**2 // 3), "source": "ko", "target": "en"}, ensure_ascii=False).encode()
    response = httpx.post(server.url + "/translate", content=body, headers={"content-type": "application/json"},
                          timeout=60)
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]
    assert httpx.post(server.url + "/translate", data={"q": "통일교", "source": "ko", "target": "en"}).status_code == 200


def test_a_streamed_body_over_the_limit_is_cut_off(server):
    def chunks():  # 25 MB against the default limit of 20, sent without a length
        yield b'{"source": "ko", "target": "en", "q": "'
        for _ in range(25):
            yield b"a" * 1024**2
        yield b'"}'

    response = httpx.post(server.url + "/translate", content=chunks(), headers={"content-type": "application/json"},
                          timeout=60)
    assert response.status_code == 413 and "larger than" in response.json()["error"]


def test_200_requests_from_20_concurrent_clients_all_succeed(server):
    sentences = [f"탈북자 {n}명이 강제 북송됐다." for n in range(200)]

    with httpx.Client(base_url=server.url, timeout=60) as client, ThreadPoolExecutor(max_workers=20) as pool:

        def one(sentence: str) -> str:
            response = client.post("/translate", json={"q": sentence, "source": "ko", "target": "en"})
            assert response.status_code == 200
            return response.json()["translatedText"]

        results = list(pool.map(one, sentences))
    assert [r.split()[3] for r in results] == [str(n) + "명이" for n in range(200)]


def test_glossary_file_edits_are_picked_up(server):
    before = httpx.post(server.url + "/translate", json={"q": "남북 회담", "source": "ko", "target": "en"}).json()
    assert before["translatedText"] == "남북 회담"
    text = server.desk.read_text(encoding="utf-8") + (
        "  - id: desk-inter-korean-talks\n    type: event\n    source: test fixture\n"
        "    ko:\n      preferred: 남북 회담\n    en:\n      preferred: inter-Korean talks\n"
    )
    server.desk.write_text(text, encoding="utf-8")
    after = httpx.post(server.url + "/translate", json={"q": "남북 회담", "source": "ko", "target": "en"}).json()
    assert after["translatedText"] == "inter-Korean talks"

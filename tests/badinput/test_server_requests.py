"""``diglot serve`` over bad requests, for real: a server on a free local port, real HTTP.

Every bad request gets its documented status and one JSON line (``{"error": …}``, DeepL's
``{"message": …}`` under ``/v2/``) within a bounded time, the server's log never shows a
traceback, the server goes on answering, and the glossary files and the data folder are
unchanged by what was refused. Requests that once crashed or held the server (HTML nested
thousands deep, tens of thousands of inline elements, 10 MB of glossary rows, two glossary
edits at once) must now be answered in time.

Two servers: ``open`` (``-g`` a folder holding a copy of ``tests/server/data/desk.yaml``,
``--char-limit 200000``) and ``bare`` (no ``-g``: it serves a copy of the curated glossaries,
and must edit nothing). Both run with their own ``TMPDIR`` and working folder, which must stay
empty.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from liveserver import free_port, healthy, stop, wait_healthy

DESK = Path(__file__).resolve().parents[1] / "server" / "data" / "desk.yaml"
CHAR_LIMIT = 200_000
BOUND_S = 20  # seconds one request may take; the classes that hung took minutes or never ended
JSON = {"content-type": "application/json"}
FORM = {"content-type": "application/x-www-form-urlencoded"}

# Run the CLI with the curated glossaries pointed at a copy (argv[1]), so that a server that
# edited them by mistake would edit the copy, never the repository's.
LAUNCHER = """
import sys
from pathlib import Path
import diglot.server.state
if sys.argv[1]:
    diglot.server.state.default_glossary_dir = lambda: Path(sys.argv[1])
from diglot.cli import main
sys.exit(main(sys.argv[2:]))
"""


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    root: Path
    glossaries: Path
    log: Path

    @property
    def data(self) -> Path:
        return self.root / "home" / "server"

    def healthy(self) -> bool:
        return healthy(self.url)

    def wait_ready(self) -> "Server":
        wait_healthy(self.url, self.process, self.log)
        return self

    def stop(self) -> None:
        stop(self.process)


def _launch(root: Path, models: Path, glossaries: Path, curated: str, *options: str) -> Server:
    home = root / "home"
    shutil.copytree(models, home / "models")
    for folder in ("tmp", "cwd"):
        (root / folder).mkdir()
    port, log = free_port(), root / "server.log"
    env = {**os.environ, "DIGLOT_HOME": str(home), "XDG_DATA_HOME": str(root / "xdg"), "LANGUAGE": "en",
           "TMPDIR": str(root / "tmp")}
    env.pop("ARGOS_PACKAGES_DIR", None)
    command = [sys.executable, "-c", LAUNCHER, curated, "serve", "--port", str(port), *options]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, env=env, cwd=root / "cwd", stdout=out, stderr=subprocess.STDOUT)
    return Server(f"http://127.0.0.1:{port}", process, root, glossaries, log)


@pytest.fixture(scope="module")
def servers(tmp_path_factory, _installed_store):
    from diglot.glossary import default_glossary_dir

    models = _installed_store

    root = tmp_path_factory.mktemp("open")
    (root / "glossaries").mkdir()
    shutil.copy(DESK, root / "glossaries" / "desk.yaml")
    open_server = _launch(root, models, root / "glossaries", "", "-g", str(root / "glossaries"),
                          "--char-limit", str(CHAR_LIMIT))
    root = tmp_path_factory.mktemp("bare")
    curated = shutil.copytree(default_glossary_dir(), root / "curated")
    bare = _launch(root, models, curated, str(curated))
    try:
        yield {"open": open_server.wait_ready(), "bare": bare.wait_ready()}
    finally:
        open_server.stop()
        bare.stop()
    for server in (open_server, bare):  # nothing outside the data folder, no traceback
        assert not list((server.root / "cwd").iterdir()) and not list((server.root / "tmp").iterdir())
        assert "Traceback" not in server.log.read_text(errors="replace")


def _snapshot(server: Server) -> dict[str, str]:
    """Every file of the glossaries and of the data folder but the translation cache, by content."""
    files = [*server.glossaries.rglob("*"), *server.data.rglob("*")]
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files) if p.is_file()}


def _body(value: Any) -> dict:
    """A JSON body as raw bytes: json.dumps writes lone surrogates as escapes, as a client would."""
    return {"content": json.dumps(value).encode(), "headers": JSON}


@dataclass
class Bad:
    name: str
    method: str
    path: str
    kwargs: dict = field(default_factory=dict)
    status: int = 400
    says: str = ""  # a part of the error message
    server: str = "open"


_BAD_CSV = {"name": "desk", "source_lang": "ko", "target_lang": "en", "entries_format": "csv", "entries": '"탈북자,defector\n'}
_ROWS = "".join(f"가나{i}\tterm {i}\n" for i in range(10_001))

BAD = [
    # JSON that Python reads but no client meant: refused with the reason, never a 500
    Bad("surrogate in q", "POST", "/translate", _body({"q": "\ud800", "source": "ko", "target": "en"}), says="lone surrogate"),
    Bad("surrogate in DeepL text", "POST", "/v2/translate", _body({"text": ["a\udfff"], "target_lang": "EN"}), says="lone surrogate"),
    Bad("surrogate in an entry", "POST", "/api/glossary", _body({"file": "desk", "entry": {"id": "x-y", "type": "event",
        "ko": {"preferred": "가\ud800"}, "en": {"preferred": "x"}}}), says="lone surrogate"),  # fmt: skip
    Bad("NUL in a text", "POST", "/api/check", _body({"source": "탈북자\u0000", "target": "defector"}), says="NUL"),
    Bad("nested 100,000 deep", "POST", "/translate", {"content": b'{"q": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "headers": JSON}, says="nested too deeply"),  # fmt: skip
    Bad("nested in DeepL", "POST", "/v2/glossaries", {"content": b'{"entries": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        "headers": JSON}, says="nested too deeply"),  # fmt: skip
    Bad("NaN", "POST", "/translate", {"content": b'{"q": "a", "source": "ko", "target": "en", "alternatives": NaN}',
        "headers": JSON}, says="NaN"),  # fmt: skip
    Bad("a key twice", "POST", "/translate", {"content": b'{"q": "a", "q": "b", "source": "ko", "target": "en"}',
        "headers": JSON}, says="twice"),  # fmt: skip
    Bad("a 10,000-digit number", "POST", "/translate", {"content": b'{"q": ' + b"9" * 10_000 + b"}", "headers": JSON},
        says="too long"),  # fmt: skip
    Bad("invalid UTF-8 JSON", "POST", "/detect", {"content": b'{"q": "\xff\xfe"}', "headers": JSON}, says="not valid JSON"),
    Bad("JSON not an object", "POST", "/translate", {"content": b"[1, 2]", "headers": JSON}, says="must be an object"),
    # fields that are not UTF-8: refused, not translated as replacement characters
    Bad("form %ff", "POST", "/translate", {"content": b"q=%ff%fe&source=ko&target=en", "headers": FORM}, says="UTF-8"),
    Bad("form raw bytes", "POST", "/v2/translate", {"content": b"text=\xff&target_lang=EN", "headers": FORM}, says="UTF-8"),
    Bad("query surrogate", "POST", "/translate?q=%ED%A0%80&source=ko&target=en", says="UTF-8"),
    Bad("malformed multipart", "POST", "/translate", {"content": b"garbage",
        "headers": {"content-type": "multipart/form-data; boundary=x"}}, says="form data"),  # fmt: skip
    # values of the wrong type
    Bad("q a number", "POST", "/translate", _body({"q": 5, "source": "ko", "target": "en"}), says="q must be"),
    Bad("q nested lists", "POST", "/translate", _body({"q": [["a"]], "source": "ko", "target": "en"}), says="q must be"),
    Bad("source a list", "POST", "/translate", _body({"q": "a", "source": ["ko"], "target": "en"}), says="source must be"),
    Bad("alternatives x", "POST", "/translate", _body({"q": "a", "source": "ko", "target": "en", "alternatives": "x"}),
        says="whole number"),  # fmt: skip
    Bad("alternatives -1", "POST", "/translate", _body({"q": "a", "source": "ko", "target": "en", "alternatives": -1}),
        says="from 0 to 3"),  # fmt: skip
    Bad("alternatives 10**100", "POST", "/translate", _body({"q": "a", "source": "ko", "target": "en",
        "alternatives": 10**100}), says="from 0 to 3"),  # fmt: skip
    Bad("alternatives 1.5", "POST", "/translate", _body({"q": "a", "source": "ko", "target": "en", "alternatives": 1.5}),
        says="whole number"),  # fmt: skip
    Bad("alternatives true", "POST", "/translate", _body({"q": "a", "source": "ko", "target": "en", "alternatives": True}),
        says="whole number"),  # fmt: skip
    Bad("alternatives infinite", "POST", "/translate", {"content": b'{"q": "a", "source": "ko", "target": "en", '
        b'"alternatives": 1e999}', "headers": JSON}, says="whole number"),  # fmt: skip
    Bad("format pdf", "POST", "/translate", _body({"q": "a", "source": "ko", "target": "en", "format": "pdf"}),
        says="text or html"),  # fmt: skip
    Bad("empty body", "POST", "/translate", {"content": b"", "headers": JSON}, says="missing q"),
    Bad("wrong content type", "POST", "/translate", {"content": b'{"q": "a"}', "headers": {"content-type": "text/plain"}},
        says="missing q"),  # fmt: skip
    # a parser's reason with line breaks in it is still one line
    Bad("waivers not YAML", "POST", "/api/check", _body({"source": "탈북자", "target": "defector", "waivers": "{{{"}),
        says="YAML"),  # fmt: skip
    # diglot's API within --char-limit, and its texts checked
    Bad("check over the limit", "POST", "/api/check", _body({"source": "탈북자 문제. " * 25_000, "target": "Defectors. " * 5_000}),
        says="character limit"),  # fmt: skip
    Bad("align over the limit", "POST", "/api/align", _body({"source": "탈북자 문제. " * 25_000, "target": "Defectors. " * 5_000}),
        says="character limit"),  # fmt: skip
    Bad("edition over the limit", "POST", "/api/edition", _body({"source": "탈북자 문제. " * 25_000, "target": "x. " * 5_000}),
        says="character limit"),  # fmt: skip
    Bad("presplit lines differ", "POST", "/api/check", _body({"source": "탈북자\n탈북자\n탈북자", "target": "defector",
        "presplit": True}), says="lines"),  # fmt: skip
    Bad("empty source", "POST", "/api/align", _body({"source": "", "target": "x"}), says="missing source"),
    # glossary edits with bad entries: linted first, nothing written
    Bad("entry a string", "POST", "/api/glossary", _body({"file": "desk", "entry": "x"}), says="entry must be"),
    Bad("entry without a type", "POST", "/api/glossary", _body({"file": "desk", "entry": {"id": "x-y", "ko": "가"}}),
        says="unknown type"),  # fmt: skip
    Bad("entry id with a path", "POST", "/api/glossary", _body({"file": "desk", "entry": {"id": "../x", "type": "event",
        "ko": {"preferred": "가나"}, "en": {"preferred": "gana"}}}), says="lowercase"),  # fmt: skip
    Bad("file outside the server", "POST", "/api/glossary", _body({"file": "/etc/passwd", "entry": {"id": "x"}}),
        says="file must name"),  # fmt: skip
    Bad("remove unknown", "DELETE", "/api/glossary/no-such-entry", status=404, says="no entry"),
    # DeepL glossaries
    Bad("10,001 rows", "POST", "/v2/glossaries", _body({"name": "big", "source_lang": "ko", "target_lang": "en",
        "entries": _ROWS}), says="10000"),  # fmt: skip
    Bad("10,001 inline entries", "POST", "/translate", _body({"q": "a", "source": "ko", "target": "en",
        "glossary": {f"가{i}": f"t{i}" for i in range(10_001)}}), says="10000"),  # fmt: skip
    Bad("no tab", "POST", "/v2/glossaries", _body({"name": "d", "source_lang": "ko", "target_lang": "en",
        "entries": "탈북자 defector\n"}), says="separated by a tab"),  # fmt: skip
    Bad("malformed CSV", "POST", "/v2/glossaries", _body(_BAD_CSV), says="malformed CSV"),
    Bad("control character", "POST", "/v2/glossaries", _body({"name": "d", "source_lang": "ko", "target_lang": "en",
        "entries": "a\x1b\tb\n"}), says="binary"),  # fmt: skip
    Bad("entries_format bogus", "POST", "/v2/glossaries", _body({"name": "d", "source_lang": "ko", "target_lang": "en",
        "entries": "a\tb\n", "entries_format": "bogus"}), says="tsv or csv"),  # fmt: skip
    Bad("name with a newline", "POST", "/v2/glossaries", _body({"name": "a\nb", "source_lang": "ko", "target_lang": "en",
        "entries": "탈북자\tdefector\n"}), says="one line"),  # fmt: skip
    Bad("name of 100,000", "POST", "/v2/glossaries", _body({"name": "n" * 100_000, "source_lang": "ko",
        "target_lang": "en", "entries": "탈북자\tdefector\n"}), says="one line"),  # fmt: skip
    Bad("glossary_id unknown", "POST", "/v2/translate", _body({"text": ["a"], "source_lang": "KO", "target_lang": "EN",
        "glossary_id": "00000000-0000-0000-0000-000000000000"}), says="glossary_id"),  # fmt: skip
    Bad("glossary unknown", "GET", "/v2/glossaries/..%2F..%2Fetc", status=404),
    # files
    Bad("no file", "POST", "/translate_file", {"data": {"source": "ko", "target": "en"}}, says="missing file"),
    Bad("binary file", "POST", "/translate_file", {"data": {"source": "ko", "target": "en"},
        "files": {"file": ("a.txt", b"\x00\x01\xff" * 100)}}, says="binary"),  # fmt: skip
    Bad("unknown suffix", "POST", "/translate_file", {"data": {"source": "ko", "target": "en"},
        "files": {"file": ("a.pdf", b"%PDF-1.4")}}, says=".pdf"),  # fmt: skip
    Bad("download traversal", "GET", "/download_file/..%2F..%2Fetc%2Fpasswd", status=404),
    Bad("download absolute", "GET", "/download_file/%2Fetc%2Fpasswd", status=404),
    Bad("download NUL", "GET", "/download_file/" + "0" * 32 + ".a%00.txt", status=404),
    # methods and paths
    Bad("GET /translate", "GET", "/translate", status=405),
    Bad("PUT /v2/glossaries", "PUT", "/v2/glossaries", status=405),
    Bad("unknown path", "GET", "/no/such/path", status=404),
    Bad("unknown DeepL path", "GET", "/v2/no-such", status=404),
    # without -g the server edits nothing
    Bad("bare add", "POST", "/api/glossary", _body({"file": "terms", "entry": {"id": "desk-talks", "type": "event",
        "ko": {"preferred": "남북 회담"}, "en": {"preferred": "inter-Korean talks"}}}), status=403,
        says="started without -g", server="bare"),  # fmt: skip
    Bad("bare remove", "DELETE", "/api/glossary/north-korean-defector", status=403, says="started without -g",
        server="bare"),  # fmt: skip
]


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_a_bad_request_is_one_json_error(servers, bad):
    server = servers[bad.server]
    before = _snapshot(server)
    started = time.monotonic()
    response = httpx.request(bad.method, server.url + bad.path, timeout=BOUND_S, **bad.kwargs)
    assert time.monotonic() - started < BOUND_S
    assert response.status_code == bad.status, response.text[:300]
    body = response.json()
    key = "message" if bad.path.startswith("/v2/") else "error"
    assert list(body) == [key] and isinstance(body[key], str), body
    message = body[key]
    assert message.strip() and "\n" not in message and "Traceback" not in message
    assert bad.says in message
    assert "diglot-entries" not in message and str(server.root) not in message  # no path of the server's own
    assert _snapshot(server) == before
    assert server.healthy()


def _html(response: httpx.Response) -> str:
    assert response.status_code == 200, response.text[:300]
    return response.json()["translatedText"]


@pytest.mark.parametrize("markup", [
    "<p>" + "<b>" * 3000 + "탈북자",  # nested past the stack: a RecursionError, a 500
    "<p>" + "<span>" * 3000 + "</span>" * 3000,  # empty elements nested as deep
    "<p>" + "<b>x</b>. " * 15_000,  # one paragraph of 15,000 elements: about a minute
    "<div>" * 5000 + "탈북자",
])
def test_html_of_any_shape_is_translated_in_time(servers, markup):
    server = servers["open"]
    started = time.monotonic()
    out = _html(httpx.post(server.url + "/translate", json={"q": markup, "source": "ko", "target": "en", "format": "html"},
                           timeout=BOUND_S))  # fmt: skip
    assert time.monotonic() - started < BOUND_S
    assert out.count("<") == out.count(">")
    upload = httpx.post(server.url + "/translate_file", data={"source": "ko", "target": "en"},
                        files={"file": ("../../article.html", markup.encode())}, timeout=BOUND_S)  # fmt: skip
    assert upload.status_code == 200, upload.text[:300]
    name = upload.json()["translatedFileUrl"].rsplit("/", 1)[1]
    assert name.endswith(".article.html") and (server.data / "files" / name).is_file()
    assert server.healthy()


def test_pushed_glossaries_of_another_pair_and_deleted_are_refused(servers):
    server = servers["open"]
    created = httpx.post(server.url + "/v2/glossaries", json={"name": "desk", "source_lang": "ko", "target_lang": "en",
                                                              "entries": "탈북자\tdefector\n탈북자\tescapee\n"})  # fmt: skip
    assert created.status_code == 201, created.text
    glossary_id = created.json()["glossary_id"]
    other_pair = {"text": ["defector"], "source_lang": "EN", "target_lang": "KO", "glossary_id": glossary_id}
    refused = httpx.post(server.url + "/v2/translate", json=other_pair)
    assert refused.status_code == 400 and "ko to en" in refused.json()["message"]
    assert httpx.delete(server.url + f"/v2/glossaries/{glossary_id}").status_code == 204
    gone = httpx.post(server.url + "/translate", json={"q": "탈북자", "source": "ko", "target": "en", "glossary": glossary_id})
    assert gone.status_code == 400 and "no glossary" in gone.json()["error"]
    assert not [p for p in server.data.iterdir() if p.name.startswith(".entries-")]  # scratch files removed


def test_web_pages_refuse_an_unreadable_form_with_a_page(servers):
    server = servers["open"]
    for path in ("/", "/review", "/glossary/add", "/glossary/proposals"):
        response = httpx.post(server.url + path, content=b"garbage",
                              headers={"content-type": "multipart/form-data; boundary=x"})  # fmt: skip
        assert response.status_code == 400 and "form data cannot be read" in response.text, path


def test_concurrent_edits_of_one_glossary_lose_nothing(servers):
    """Web and API edits at once: the web page once held the edit lock on the event loop while
    it awaited its write, and the next edit then blocked the loop for good."""
    from diglot.glossary import load_glossary

    server = servers["open"]
    desk = server.glossaries / "desk.yaml"
    answers: list[object] = []

    def web(i: int) -> None:
        form = {"file": str(desk), "id": f"web-talks-{i}", "type": "event", "ko": f"웹 회담 {i}", "en": f"web talks {i}"}
        try:
            answers.append(httpx.post(server.url + "/glossary/add", data=form, timeout=BOUND_S).status_code)
        except httpx.HTTPError as err:
            answers.append(repr(err))

    def api(i: int) -> None:
        entry = {"id": f"api-talks-{i}", "type": "event", "ko": {"preferred": f"에이 회담 {i}"},
                 "en": {"preferred": f"api talks {i}"}}
        try:
            answers.append(httpx.post(server.url + "/api/glossary", json={"file": "desk", "entry": entry},
                                      timeout=BOUND_S).status_code)  # fmt: skip
        except httpx.HTTPError as err:
            answers.append(repr(err))

    threads = [threading.Thread(target=f, args=(i,)) for i in range(8) for f in (web, api)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(map(str, answers)) == ["200"] * 8 + ["201"] * 8
    ids = {entry.id for entry in load_glossary([desk])}  # the file is valid, every edit in it
    assert {f"web-talks-{i}" for i in range(8)} | {f"api-talks-{i}" for i in range(8)} <= ids
    assert server.healthy()

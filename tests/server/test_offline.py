"""The server opens no outbound connection: every server of these tests runs under an audit
hook that refuses and records any (see conftest), and the hook is shown to catch one."""

from __future__ import annotations

import subprocess
import sys
from contextlib import closing

import deepl
import httpx
from libretranslatepy import LibreTranslateAPI


def test_serving_every_api_opens_no_outbound_connection(server):
    client = LibreTranslateAPI(server.url)
    client.translate("탈북자들은 강제 북송을 우려한다.", "ko", "en")
    client.detect("통일교")
    with closing(deepl.Translator("k", server_url=server.url)) as translator:
        translator.translate_text("<p>통일교</p>", target_lang="EN-US", tag_handling="html")
        glossary = translator.create_glossary("offline", "KO", "EN", {"신도": "follower"})
        translator.delete_glossary(glossary)
    httpx.post(server.url + "/translate_file", data={"source": "ko", "target": "en"},
               files={"file": ("a.html", "<p>통일교</p>".encode())})
    httpx.get(server.url + "/openapi.json")
    assert server.outbound_log.read_text() == ""
    assert server.process.poll() is None


def test_the_hook_catches_an_outbound_connection(tmp_path, refuse_outbound):
    log = tmp_path / "outbound.log"
    connect = "socket.create_connection(('127.0.0.1', 9), timeout=1)"
    result = subprocess.run([sys.executable, "-c", refuse_outbound + connect, str(log)], capture_output=True, text=True)
    assert result.returncode != 0 and "outbound connection refused" in result.stderr
    assert "socket.connect ('127.0.0.1', 9)" in log.read_text()

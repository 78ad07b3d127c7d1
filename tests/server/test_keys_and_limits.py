"""API keys (reread when their file changes), rate, character and batch limits."""

from __future__ import annotations

from contextlib import closing

import deepl
import httpx
import pytest


def _translate(server, key=None, q="통일교"):
    body = {"q": q, "source": "ko", "target": "en", **({"api_key": key} if key is not None else {})}
    return httpx.post(server.url + "/translate", json=body)


def test_a_key_is_required_and_checked(keyed_server):
    assert _translate(keyed_server).status_code == 403
    wrong = _translate(keyed_server, "wrong-key")
    assert wrong.status_code == 403 and wrong.json() == {"error": "Invalid API key"}
    assert _translate(keyed_server, "good-key").status_code == 200
    assert httpx.get(keyed_server.url + "/frontend/settings").json()["keyRequired"] is True


def test_deepl_key_from_the_authorization_header(keyed_server):
    with closing(deepl.Translator("wrong-key", server_url=keyed_server.url)) as wrong:
        with pytest.raises(deepl.AuthorizationException):
            wrong.translate_text("통일교", target_lang="EN-US")
    response = httpx.post(keyed_server.url + "/v2/translate", data={"text": "통일교", "target_lang": "EN-US"},
                          headers={"Authorization": "DeepL-Auth-Key good-key"})
    assert response.status_code == 200


def test_keys_file_is_reread_when_it_changes(keyed_server):
    assert _translate(keyed_server, "new-key").status_code == 403
    text = keyed_server.keys_file.read_text(encoding="utf-8")
    keyed_server.keys_file.write_text(text + "new-key\n", encoding="utf-8")
    assert _translate(keyed_server, "new-key").status_code == 200
    keyed_server.keys_file.write_text(text, encoding="utf-8")  # revoked again
    assert _translate(keyed_server, "new-key").status_code == 403


def test_character_and_batch_limits(keyed_server):
    too_long = _translate(keyed_server, "limits-key", q="가" * 201)
    assert too_long.status_code == 400 and "exceeds character limit (200)" in too_long.json()["error"]
    too_many = _translate(keyed_server, "limits-key", q=["가", "나", "다", "라"])
    assert too_many.status_code == 400 and "exceeds text limit (3)" in too_many.json()["error"]


def test_rate_limit_per_key(keyed_server):
    statuses = [_translate(keyed_server, "rate-key").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    assert "Slowdown" in _translate(keyed_server, "rate-key").json()["error"]

"""DeepL's API v2, spoken to by the official ``deepl`` client pointed at the server."""

from __future__ import annotations

import deepl
import httpx
import pytest

from diglot.glossary import load_glossary


@pytest.fixture
def translator(server):
    client = deepl.Translator("any-key:fx", server_url=server.url)
    yield client
    client.close()


def test_translate_text_one_and_many(translator):
    one = translator.translate_text("탈북자들은 강제 북송을 우려한다.", target_lang="EN-US")
    assert "North Korean defector" in one.text and one.detected_source_lang == "KO"
    many = translator.translate_text(["통일교", "The talks ended."], target_lang="EN-GB")
    assert [r.text for r in many] == ["Unification Church", "The talks ended."]
    assert [r.detected_source_lang for r in many] == ["KO", "EN"]


def test_languages_usage_and_glossary_pairs(translator):
    assert [lang.code for lang in translator.get_source_languages()] == ["EN", "KO"]
    assert [lang.code for lang in translator.get_target_languages()] == ["EN-GB", "EN-US", "KO"]
    pairs = {(p.source_lang, p.target_lang) for p in translator.get_glossary_languages()}
    assert pairs == {("ko", "en"), ("en", "ko")}
    assert translator.get_usage().character.limit > 0


def test_glossary_create_list_entries_translate_delete(translator, server):
    entries = {"신도": "follower", "교인": "follower", "총재": "leader"}
    created = translator.create_glossary("religion desk", "KO", "EN", entries)
    try:
        assert created.entry_count == 2  # 신도 and 교인 share their rendering: one entry, one variant
        assert created.glossary_id in [g.glossary_id for g in translator.list_glossaries()]
        assert translator.get_glossary(created.glossary_id).name == "religion desk"
        assert translator.get_glossary_entries(created) == entries

        # Stored durably as a real diglot glossary: preferred form, variants, lint-clean.
        stored = load_glossary([server.home / "server" / "glossaries" / f"{created.glossary_id}.yaml"])
        follower = next(e for e in stored if e.preferred("en") == "follower")
        assert follower.preferred("ko") == "신도" and follower.langs["ko"].variants == ["교인"]

        result = translator.translate_text("교인들과 총재", source_lang="KO", target_lang="EN-US", glossary=created)
        assert result.text == "follower들과 leader"

        # Applied by diglot's enforcement: the term report names the pushed entries.
        report = httpx.post(server.url + "/translate", json={
            "q": "교인들과 총재", "source": "ko", "target": "en", "glossary": created.glossary_id, "report": True,
        }).json()["report"]
        assert [(m["source"], m["rendering"], m["status"]) for m in report] == [
            ("교인", "follower", "kept"), ("총재", "leader", "kept")]
    finally:
        translator.delete_glossary(created)
    assert created.glossary_id not in [g.glossary_id for g in translator.list_glossaries()]
    with pytest.raises(deepl.GlossaryNotFoundException):
        translator.get_glossary(created.glossary_id)


def test_glossary_from_csv_and_html_tag_handling(translator):
    created = translator.create_glossary_from_csv("csv desk", "EN", "KO", "Unification Church,통일교\n")
    try:
        result = translator.translate_text(
            "<p>The <b>Unification Church</b> said</p>", source_lang="EN", target_lang="KO",
            glossary=created, tag_handling="html",
        )
        assert result.text == "<p>The <b>통일교</b> said</p>"
    finally:
        translator.delete_glossary(created)


def test_deepl_errors(translator, server):
    with pytest.raises(deepl.DeepLException, match="target_lang"):
        translator.translate_text("통일교", target_lang="FR")
    with pytest.raises(deepl.GlossaryNotFoundException):
        translator.get_glossary_entries("00000000-0000-0000-0000-000000000000")
    with pytest.raises(deepl.DeepLException, match="language pair"):
        translator.create_glossary("bad", "EN", "DE", {"a": "b"})
    # Raw: a glossary without source_lang, and DeepL's error shape.
    response = httpx.post(server.url + "/v2/translate", data={"text": "x", "target_lang": "EN", "glossary_id": "x"})
    assert response.status_code == 400 and "source_lang" in response.json()["message"]
    response = httpx.post(server.url + "/v2/glossaries", json={"name": "bad", "source_lang": "ko", "target_lang": "en",
                                                               "entries": "no tab here\n"})
    assert response.status_code == 400 and "entries" in response.json()["message"]

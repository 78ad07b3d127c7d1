"""``diglot translate`` end to end with a real installed package (the copy model)."""

from __future__ import annotations

import io
import json
import shutil
import socket
import sys

import pytest

from diglot.cli import main

ARTICLE = (
    "탈북자들은 강제 북송을 우려한다. 북한난민구호위원회는 월요일 이같이 밝혔다.\n\n"
    "북한난민구호위원회는 또 중국 정부를 비판했다.\n"
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_translate_enforces_glossary_and_reports(installed_model, article, tmp_path, capsys):
    report = tmp_path / "report.json"
    assert main(["translate", str(article), "--to", "en", "--report", str(report), "--strict"]) == 0
    captured = capsys.readouterr()
    first, second = captured.out.rstrip("\n").split("\n\n")  # paragraphs kept
    # The copy model carries what it is given, so the glossary's renderings show through.
    assert first.startswith("North Korean defector들은 forced repatriation을")
    assert "Commission to Help North Korean Refugees (CNKR)" in first  # first mention in the document
    assert second.startswith("CNKR")  # later mentions: the short form
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [m["entry"] for m in data["mentions"]] == ["north-korean-defector", "forced-repatriation", "cnkr", "cnkr", "china"]
    assert {m["status"] for m in data["mentions"]} == {"kept"}
    assert data["mentions"][1]["source"] == "강제 북송"
    assert data["signature"]["model"] == "argos:ko-en@1.0"
    assert data["signature"]["glossary"].startswith("sha256:")
    assert "kept 5" in captured.err


def test_second_run_comes_from_memory(installed_model, article, capsys):
    assert main(["translate", str(article), "--to", "en"]) == 0
    first = capsys.readouterr()
    assert "3 sentences translated, 0 from memory" in first.err
    assert main(["translate", str(article), "--to", "en"]) == 0
    second = capsys.readouterr()
    assert "0 sentences translated, 3 from memory" in second.err
    assert second.out == first.out
    assert main(["translate", str(article), "--to", "en", "--no-cache"]) == 0
    assert "3 sentences translated, 0 from memory" in capsys.readouterr().err


def test_translate_never_opens_a_socket(installed_model, article, monkeypatch, capsys):
    def no_network(*args, **kwargs):
        raise AssertionError("the translate path opened a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    assert main(["translate", str(article), "--to", "en", "--no-cache"]) == 0
    assert "North Korean defector" in capsys.readouterr().out


def test_stdin_and_no_glossary(installed_model, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("탈북자들은 떠났다.\n".encode())))
    assert main(["translate", "-", "--to", "en", "--no-glossary"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "탈북자들은 떠났다.\n"
    assert "no glossary mentions" in captured.err


def test_out_dir_and_jsonl(installed_model, article, tmp_path, capsys):
    out_dir = tmp_path / "en"
    assert main(["translate", str(article), "--to", "en", "--out-dir", str(out_dir), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in (out_dir / "article.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["paragraph"] for r in rows] == [0, 0, 1]
    assert rows[0]["source"] == "탈북자들은 강제 북송을 우려한다."
    assert rows[0]["target"].startswith("North Korean defector")
    capsys.readouterr()
    assert main(["translate", str(article), "--to", "en", "--out-dir", str(out_dir), "--format", "jsonl"]) == 0
    assert "1 shard (1 already complete)" in capsys.readouterr().err  # a batch run: done files are skipped


def test_output_file_and_markdown_signature(installed_model, article, tmp_path):
    out = tmp_path / "out.md"
    assert main(["translate", str(article), "--to", "en", "-o", str(out), "--format", "md"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "<!-- diglot diglot:" in text and "model:argos:ko-en@1.0" in text


def test_boilerplate_passes_through(installed_model, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("탈북자들은 떠났다.\n\n(서울=연합뉴스) 김철수 기자\n", encoding="utf-8")
    assert main(["translate", str(path), "--to", "en", "--no-cache"]) == 0
    captured = capsys.readouterr()
    assert "(서울=연합뉴스) 김철수 기자" in captured.out
    assert "1 sentence translated, 0 from memory" in captured.err


def test_unknown_pair_lists_installed_pairs(installed_model, article, capsys):
    shutil.rmtree(installed_model / "models" / "ko_en-1.0")
    assert main(["translate", str(article), "--to", "en"]) == 2
    assert "no model translates ko to en; installed pairs: en-ko" in capsys.readouterr().err


def test_empty_input_gives_empty_output(installed_model, tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_text("\n", encoding="utf-8")
    assert main(["translate", str(path), "--to", "en"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "" and "0 sentences translated" in captured.err


def test_no_model_says_how_to_install(diglot_home, article, capsys):
    assert main(["translate", str(article), "--to", "en"]) == 2
    assert "diglot models install" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv_tail, message",
    [
        (["--to", "fr"], "unsupported language fr"),
        (["--from", "../x", "--to", "en"], "unsupported language ../x"),
        (["--to", "ko"], "already in ko"),
        (["--to", "en", "--beam-size", "0"], "--beam-size must be a whole number from 1 to 16, not 0"),
    ],
)
def test_bad_arguments(installed_model, article, capsys, argv_tail, message):
    assert main(["translate", str(article), *argv_tail]) == 2
    assert message in capsys.readouterr().err


def test_binary_input_refused(installed_model, tmp_path, capsys):
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x00\x01\x02binary")
    assert main(["translate", str(path), "--to", "en"]) == 2
    err = capsys.readouterr().err
    assert "binary" in err and "Traceback" not in err


@pytest.fixture
def scripted(monkeypatch):
    """Make ``diglot translate`` decode with an engine double: ``scripted(fn)`` maps each input."""
    from diglot.translate import DocumentTranslator, pipeline

    from .test_enforce import ScriptedEngine

    def use(script):
        def translator(src, tgt, glossary, engine, options, use_cache):
            return DocumentTranslator(src, tgt, glossary, ScriptedEngine(script), use_cache=False)

        monkeypatch.setattr(pipeline, "DocumentTranslator", translator)  # what the command imports

    return use


def test_strict_exits_3_when_a_mention_fails(installed_model, article, scripted, tmp_path, capsys):
    scripted(lambda s: s.replace("North Korean defector", ""))  # drops every rendering
    report = tmp_path / "r.json"
    assert main(["translate", str(article), "--to", "en", "--strict", "--report", str(report)]) == 3
    err = capsys.readouterr().err
    assert "could not be rendered as 'North Korean defector'" in err
    statuses = [m["status"] for m in json.loads(report.read_text())["mentions"]]
    assert statuses[0] == "failed"


def test_a_repaired_term_takes_the_article_it_needs(installed_model, scripted, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("그는 탈북자를 만났다.\n", encoding="utf-8")
    scripted(lambda s: "He met an N.K. defector.")  # a variant, after "an"
    assert main(["translate", str(path), "--to", "en"]) == 0
    assert capsys.readouterr().out == "He met a North Korean defector.\n"


def test_acronym_already_in_the_source_is_not_added_again(installed_model, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("북한난민구호위원회(CNKR)가 주장했다. 북한난민구호위원회는 또 말했다.\n", encoding="utf-8")
    assert main(["translate", str(path), "--to", "en", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Commission to Help North Korean Refugees(CNKR)가 주장했다. CNKR는")  # the copy model's output
    assert out.count("CNKR") == 2


def test_argos_engine_matches_ctranslate2(installed_model, article, capsys):
    pytest.importorskip("argostranslate")
    assert main(["translate", str(article), "--to", "en", "--no-cache"]) == 0
    ours = capsys.readouterr().out
    assert main(["translate", str(article), "--to", "en", "--no-cache", "--engine", "argos"]) == 0
    theirs = capsys.readouterr().out
    assert theirs == ours


def test_progress_counts_sentences_done_of_the_total_from_memory_and_decoded(installed_model):
    from diglot.translate import DocumentTranslator

    translator = DocumentTranslator("ko", "en")
    calls: list[tuple[int, int]] = []
    translator.translate([("a", "탈북자들은 떠났다. 위원회가 밝혔다.")], progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]  # each decoded sentence, counted from the start
    calls.clear()
    translator.translate([("a", "탈북자들은 떠났다. 위원회가 밝혔다. 정부가 비판했다.")], progress=lambda *call: calls.append(call))
    assert calls == [(2, 3), (3, 3)]  # two from memory at once, then the new one

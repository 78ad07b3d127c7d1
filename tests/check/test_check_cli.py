"""`diglot check` end to end: report, JSON contract, --fix, exit codes and bad input."""

import json
from pathlib import Path

import pytest

from diglot.cli import main

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]
SEED_EN = ROOT / "seeds" / "000_4cf5f6c82bb4f27d.txt"
SEED_KO = ROOT / "seeds" / "000_4cf5f6c82bb4f27d.ko.txt"
CORPUS = ROOT / "data" / "korean-parallel-corpora"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


CORE = ("entry", "status", "expected", "found")  # what a finding is; id, severity and message are checked apart


def json_lines(out):
    """The --json records, each finding cut down to its CORE keys."""
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    for record in records:
        record["findings"] = [{key: f[key] for key in CORE} for f in record.get("findings", [])]
    return records


def test_presplit_json_contract(tmp_path, capsys):
    ko = write(tmp_path, "a.ko", "탈북자 35명이 붙잡혔다.\n날씨가 좋다.\n강제북송에 반대한다.\n")
    en = write(tmp_path, "a.en", "35 North Korean escapees were caught.\nThe weather is fine.\nWe oppose it.\n")
    assert main(["check", "--presplit", "--json", ko, en]) == 1
    records = json_lines(capsys.readouterr().out)
    assert records == [
        {
            "line": 1,
            "findings": [
                {
                    "entry": "north-korean-defector",
                    "status": "forbidden",
                    "expected": "North Korean defector",
                    "found": "North Korean escapee",
                }
            ],
        },
        {"line": 2, "findings": []},
        {
            "line": 3,
            "findings": [
                {"entry": "forced-repatriation", "status": "missing", "expected": "forced repatriation", "found": None}
            ],
        },
    ]


def test_number_findings_in_json(tmp_path, capsys):
    ko = write(tmp_path, "a.ko", "탈북자 2만여 명\n모두 35명\n")
    en = write(tmp_path, "a.en", "more than 20,000 North Korean defectors\na total of 36\n")
    assert main(["check", "--presplit", "--json", ko, en]) == 1
    records = json_lines(capsys.readouterr().out)
    assert records[0]["findings"] == [
        {"entry": "north-korean-defector", "status": "ok", "expected": "North Korean defector", "found": "North Korean defector"}
    ]
    assert records[1]["findings"] == [{"entry": None, "status": "number-changed", "expected": "35", "found": "36"}]


def test_clean_translation_exits_0(tmp_path, capsys):
    ko = write(tmp_path, "a.ko", "탈북자들은 강제북송을 두려워한다.\n")
    en = write(tmp_path, "a.en", "North Korean defectors fear forced repatriation.\n")
    assert main(["check", "--presplit", ko, en]) == 0
    assert "0 findings in 1 line pair," in capsys.readouterr().out


def test_human_report_marks_the_problem_and_says_what_was_expected(tmp_path, capsys):
    ko = write(tmp_path, "a.ko", "탈북자를 송환했다.\n")
    en = write(tmp_path, "a.en", "They sent the N.K. defectors back.\n")
    assert main(["check", "--presplit", ko, en]) == 1
    out = capsys.readouterr().out
    assert "line 1" in out and "탈북자를 송환했다." in out and "They sent the N.K. defectors back." in out
    assert "N.K. defector is an accepted variant; house style prefers North Korean defector" in out
    assert "signature diglot:" in out


def test_direction_option_and_en_ko(tmp_path, capsys):
    en = write(tmp_path, "a.en", "North Korean defectors\n")
    ko = write(tmp_path, "a.ko", "탈북민들\n")
    assert main(["check", "--presplit", "--json", "--direction", "en-ko", en, ko]) == 1
    [record] = json_lines(capsys.readouterr().out)
    assert record["findings"][0]["status"] == "variant" and record["findings"][0]["expected"] == "탈북자"


def test_date_keeps_only_the_entries_in_force(tmp_path, capsys):
    # 외교부 is the ministry's name since March 2013; in 2011 the press used it for 외교통상부,
    # whose English names include "foreign ministry".
    ko = write(tmp_path, "a.ko", "외교부는 5일 이같이 밝혔다.\n")
    en = write(tmp_path, "a.en", "The foreign ministry said so on Wednesday.\n")
    assert main(["check", "--presplit", "--json", ko, en]) == 1
    [record] = json_lines(capsys.readouterr().out)
    assert [f["entry"] for f in record["findings"]] == ["ministry-of-foreign-affairs"]
    assert main(["check", "--presplit", "--json", "--date", "2011-10-05", ko, en]) == 0
    assert json_lines(capsys.readouterr().out) == [{"line": 1, "findings": []}]
    with pytest.raises(SystemExit) as stop:
        main(["check", "--presplit", "--date", "2011-13", ko, en])
    assert stop.value.code == 2 and "expected YYYY, YYYY-MM or YYYY-MM-DD" in capsys.readouterr().err


def test_fix_writes_the_corrected_target(tmp_path, capsys):
    ko = write(tmp_path, "a.ko", "탈북자를 강제송환했다.\n날씨\n")
    en = write(tmp_path, "a.en", "Forcible repatriation of N.K. defectors.\nWeather  \n")
    out = tmp_path / "fixed.en"
    assert main(["check", "--presplit", ko, en, "--fix", str(out)]) == 1
    assert out.read_bytes() == "Forced repatriation of North Korean defectors.\nWeather  \n".encode()
    assert "2 renderings fixed" in capsys.readouterr().out
    assert main(["check", "--presplit", ko, str(out)]) == 0


def test_seed_article_ko_en_aligned(capsys, tmp_path):
    out = tmp_path / "fixed.txt"
    assert main(["check", str(SEED_KO), str(SEED_EN), "--fix", str(out)]) == 1
    report = capsys.readouterr().out
    assert "N.K. defector is an accepted variant" in report
    assert "35" not in [line.split()[-1] for line in report.splitlines() if "number-" in line]
    original = SEED_EN.read_bytes()
    expected = original.replace(b"deporting N.K. defectors", b"deporting North Korean defectors").replace(
        "Seoul\u2019s foreign ministry".encode(), "Seoul\u2019s Ministry of Foreign Affairs and Trade".encode()
    )
    # "defector" after the first full mention is a variant or a short reference, as the curated
    # glossary has it; "alleged defectors from North Korea" and the official's quoted words stay either way
    either = {expected, expected.replace(b"two of the defectors", b"two of the North Korean defectors")}
    assert out.read_bytes() in either  # the masthead, the stray line, the no-break space: all kept


def test_seed_article_en_ko_aligned_json(capsys):
    assert main(["check", "--json", str(SEED_EN), str(SEED_KO)]) in (0, 1)
    records = json_lines(capsys.readouterr().out)
    assert all(set(r) == {"bead", "source_segments", "target_segments", "source", "target", "findings"} for r in records)
    statuses = {(f["entry"], f["status"]) for r in records for f in r["findings"]}
    assert ("north-korean-defector", "ok") in statuses
    assert ("cnkr", "ok") in statuses
    assert not any(status in ("variant", "forbidden") for _, status in statuses)  # the edition uses house forms


def test_real_news_data_with_a_news_glossary(tmp_path, capsys):
    ko, en = CORPUS / "korean-english-park.dev.ko", CORPUS / "korean-english-park.dev.en"
    out = tmp_path / "fixed.en"
    glossary = str(DATA / "news-glossary.yaml")
    assert main(["check", "--presplit", "--json", "-g", glossary, str(ko), str(en), "--fix", str(out)]) == 1
    records = json_lines(capsys.readouterr().out)
    assert len(records) == 1000 and [r["line"] for r in records] == list(range(1, 1001))
    by_line = {r["line"]: r["findings"] for r in records}
    assert {"entry": "supercomputer", "status": "ok", "expected": "supercomputer", "found": "supercomputer"} in by_line[1]
    assert {"entry": "earthquake", "status": "forbidden", "expected": "earthquake", "found": "quake"} in by_line[527]
    assert {"entry": "iraq", "status": "ok", "expected": "Iraq", "found": "Iraqi"} in by_line[22]
    assert any(f["status"] == "variant" and f["found"] == "six-nation talks" for r in records for f in r["findings"])
    original, fixed = en.read_text(encoding="utf-8").split("\n"), out.read_text(encoding="utf-8").split("\n")
    changed = [i for i, (a, b) in enumerate(zip(original, fixed)) if a != b]
    assert len(original) == len(fixed) and changed
    for i in changed:
        assert "quake" in original[i] or "six-nation" in original[i]
    assert fixed[526].count("earthquake") == original[526].count("quake")


def test_glossary_imported_from_tbx(capsys):
    tbx = str(DATA / "defectors.tbx")
    assert main(["check", "--json", "-g", tbx, str(SEED_KO), str(SEED_EN)]) == 1
    records = json_lines(capsys.readouterr().out)
    findings = [f for r in records for f in r["findings"]]
    assert {f["entry"] for f in findings} <= {"north-korean-defector", "forced-repatriation", "cnkr"}
    assert {"entry": "north-korean-defector", "status": "variant", "expected": "North Korean defector", "found": "defector"} in findings
    assert {"entry": "cnkr", "status": "ok", "expected": "Commission to Help North Korean Refugees", "found": "Commission to Help North Korean Refugees"} in findings


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: (write(p, "a.ko", "탈북자\n"), str(p / "nope.en")), "no such file"),
        (lambda p: (write(p, "a.ko", "탈북자\n"), _binary(p)), "binary"),
        (lambda p: (write(p, "a.ko", "탈북자\n"), _cp949(p)), "not valid UTF-8"),
        (lambda p: (write(p, "a.ko", "탈북자\n둘\n"), write(p, "a.en", "defector\n")), "has 2 lines"),
        (lambda p: (write(p, "a.en", "defector\n"), write(p, "b.en", "defector\n")), "--direction"),
        (lambda p: (write(p, "a.ko", "\n\n"), write(p, "a.en", "defector\n")), "empty"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, setup, message):
    source, target = setup(tmp_path)
    assert main(["check", "--presplit", source, target]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err
    assert len(captured.err.strip().splitlines()) == 1


def test_fix_refuses_to_overwrite_without_force(tmp_path, capsys):
    ko = write(tmp_path, "a.ko", "탈북자\n")
    en = write(tmp_path, "a.en", "N.K. defector\n")
    out = write(tmp_path, "out.en", "keep me")
    assert main(["check", "--presplit", ko, en, "--fix", out]) == 2
    assert "--force" in capsys.readouterr().err
    assert (tmp_path / "out.en").read_text() == "keep me"
    assert main(["check", "--presplit", ko, en, "--fix", out, "--force"]) == 1
    assert (tmp_path / "out.en").read_text() == "North Korean defector\n"


def test_unknown_direction_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--direction", "ko-ja", "a", "b"])
    assert exit_info.value.code == 2


def _binary(path):
    target = path / "a.bin"
    target.write_bytes(b"\x00\x01\x02binary\x00")
    return str(target)


def _cp949(path):
    target = path / "a.cp949"
    target.write_bytes("탈북자".encode("cp949"))
    return str(target)


def test_real_news_document_aligned_and_fixed(tmp_path, capsys):
    records = (json.loads(line) for line in (CORPUS / "ko-en-news.dev.jsonl").read_text(encoding="utf-8").splitlines())
    document = next(r for r in records if r["id"] == "dev-020")  # an earthquake in Japan
    ko = write(tmp_path, "quake.ko", "\n".join(document["ko"]) + "\n")
    en = write(tmp_path, "quake.en", "\n".join(document["en"]) + "\n")
    out = tmp_path / "fixed.en"
    glossary = str(DATA / "news-glossary.yaml")
    assert main(["check", "--json", "-g", glossary, ko, en, "--fix", str(out)]) == 1
    beads = json_lines(capsys.readouterr().out)
    findings = [f for bead in beads for f in bead["findings"]]
    assert {"entry": "earthquake", "status": "forbidden", "expected": "earthquake", "found": "quake"} in findings
    # earthquake and the forbidden quake: the forbidden findings say it, no inconsistency note on top
    assert not any(f["status"] == "inconsistent" and f["entry"] == "earthquake" for f in findings)
    original = (tmp_path / "quake.en").read_text(encoding="utf-8")
    fixed = out.read_text(encoding="utf-8")
    assert fixed.replace("earthquake", "quake") == original.replace("earthquake", "quake")
    assert " quake" not in fixed


def test_seed_en_ko_fix_restores_the_korean_edition_byte_for_byte_but_quoted_speech(tmp_path, capsys):
    edition = SEED_KO.read_text(encoding="utf-8")
    spoiled = edition.replace("탈북자를 난민으로", "탈북민을 난민으로").replace("송환된 탈북자들은", "송환된 탈북민들은")
    spoiled = spoiled.replace("강제북송에 반대한다", "강제송환에 반대한다")
    assert spoiled.count("탈북민") == 2
    target = write(tmp_path, "spoiled.ko.txt", spoiled)
    out = tmp_path / "fixed.ko.txt"
    assert main(["check", str(SEED_EN), target, "--fix", str(out)]) == 1
    report = capsys.readouterr().out
    assert "2 renderings fixed" in report
    assert "direct quotation" in report  # 강제송환 is in the official's quoted words: reported, not rewritten
    restored = SEED_KO.read_text(encoding="utf-8").replace("강제북송에 반대한다", "강제송환에 반대한다")
    assert out.read_bytes() == restored.encode("utf-8")


def test_direction_contradicting_the_scripts_is_warned_about(tmp_path, capsys):
    ko = write(tmp_path, "a.ko", "탈북자\n")
    en = write(tmp_path, "a.en", "North Korean defector\n")
    assert main(["check", "--presplit", "--direction", "en-ko", ko, en]) == 0  # nothing English to check
    assert "but --direction says en-ko" in capsys.readouterr().err


def test_jsonl_gives_one_report_per_document_and_keeps_style_inside_each(tmp_path, capsys):
    docs = tmp_path / "docs.jsonl"
    records = [
        {"id": "a", "ko": ["유엔 대표단이 도착했다."], "en": ["The United Nations delegation arrived."]},
        {"id": "b", "ko": ["유엔 총회가 열렸다.", "탈북자 35명이 붙잡혔다."], "en": ["The United Nations General Assembly met.", "35 N.K. defectors were caught."]},
    ]  # fmt: skip
    docs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    glossary = str(DATA / "renderings.yaml")
    assert main(["check", "--jsonl", str(docs), "-g", glossary, "--json"]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in out] == ["a", "b"]
    problems = [[f for bead in r["beads"] for f in bead["findings"] if f["status"] != "ok"] for r in out]
    assert problems[0] == []  # the first full mention of document b is not a long form of document a's
    [finding] = problems[1]
    assert (finding["status"], finding["severity"], finding["found"]) == ("variant", "warning", "N.K. defector")
    assert len(finding["id"]) == 8 and "house style prefers" in finding["message"]
    assert out[1]["dismissed"] == 0 and out[1]["signature"].startswith("diglot:")


def test_jsonl_is_refused_with_files_or_fix(tmp_path, capsys):
    docs = write(tmp_path, "docs.jsonl", '{"id": 1, "ko": ["탈북자"], "en": ["defector"]}\n')
    assert main(["check", "--jsonl", docs, docs, docs]) == 2
    assert "either --jsonl DOCS.jsonl or two files" in capsys.readouterr().err
    assert main(["check", "--jsonl", docs, "--fix", str(tmp_path / "out")]) == 2
    assert "--fix writes one translation" in capsys.readouterr().err
    bad = write(tmp_path, "bad.jsonl", "{not json\n")
    assert main(["check", "--jsonl", bad]) == 2
    assert "line 1: not valid JSON" in capsys.readouterr().err


def test_notes_alone_exit_0_and_are_counted_not_shown(tmp_path, capsys):
    # a term not found in its listed words (탈북자 said as "people") is a note
    ko = write(tmp_path, "a.ko", "탈북자 세 명이 왔다.\n")
    en = write(tmp_path, "a.en", "Three people came.\n")
    assert main(["check", "--presplit", "-g", str(DATA / "renderings.yaml"), ko, en]) == 0
    out = capsys.readouterr().out
    assert "missing" not in out.split("check summary")[0] and "1 note not shown: see it with --notes" in out
    assert main(["check", "--presplit", "--notes", "-g", str(DATA / "renderings.yaml"), ko, en]) == 0
    out = capsys.readouterr().out
    assert "note    missing" in out and "not shown" not in out


def test_house_style_broken_is_a_warning(tmp_path, capsys):
    ko = write(tmp_path, "a.ko", "유엔 대표단이 유엔 총회에 갔다.\n")
    en = write(tmp_path, "a.en", "The United Nations delegation went to the United Nations General Assembly.\n")
    assert main(["check", "--presplit", "-g", str(DATA / "renderings.yaml"), ko, en]) == 1
    assert "warning long-form" in capsys.readouterr().out


def test_summary_counts_notes_apart_from_findings(capsys):
    # The seed pair: two variants an editor acts on, and notes that do not fail the check.
    assert main(["check", str(SEED_KO), str(SEED_EN)]) == 1
    out = capsys.readouterr().out
    assert "2 findings and 3 notes in 23 beads, 0 dismissed" in out

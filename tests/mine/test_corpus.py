import json

import pytest

from diglot.errors import DiglotError, InputError
from diglot.mine import line_pairs, read_file_pairs, read_jsonl

from .conftest import EN, KO


def test_line_pairs_skip_empty_lines():
    beads = line_pairs("가\n\n다\n", "a\nb\nc\n", "x.ko", "x.en")
    assert [(b.ko, b.en, b.where) for b in beads] == [("가", "a", "x.ko:1"), ("다", "c", "x.ko:3")]


def test_line_pairs_need_as_many_lines():
    with pytest.raises(InputError, match="x.ko has 2 lines but x.en has 1.*--presplit"):
        line_pairs("가\n나\n", "a\n", "x.ko", "x.en")


def test_file_pairs_in_either_order():
    forward = read_file_pairs([KO, EN], presplit=True)
    backward = read_file_pairs([EN, KO], presplit=True)
    assert forward == backward and len(forward) == 18


def test_file_pairs_must_come_in_pairs_of_two_languages(tmp_path):
    with pytest.raises(InputError, match="in pairs"):
        read_file_pairs([KO], presplit=True)
    with pytest.raises(DiglotError, match="both look Korean"):
        read_file_pairs([KO, KO], presplit=True)
    (tmp_path / "empty.en").write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty.en is empty"):
        read_file_pairs([KO, tmp_path / "empty.en"], presplit=False)


def test_binary_input_is_refused(tmp_path):
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02")
    with pytest.raises(InputError, match="binary"):
        read_file_pairs([binary, EN], presplit=True)


def test_documents_are_aligned(tmp_path):
    ko = "경찰은 폭발 사건을 조사했다. 오바마는 텍사스를 방문했다.\n\n대변인은 성명을 발표했다.\n"
    en = "Police investigated the explosion.\n\nObama visited Texas. A spokesman issued a statement.\n"
    (tmp_path / "a.ko").write_text(ko, encoding="utf-8")
    (tmp_path / "a.en").write_text(en, encoding="utf-8")
    beads = read_file_pairs([tmp_path / "a.ko", tmp_path / "a.en"], presplit=False)
    assert [(b.ko, b.en) for b in beads] == [
        ("경찰은 폭발 사건을 조사했다.", "Police investigated the explosion."),
        ("오바마는 텍사스를 방문했다.", "Obama visited Texas."),
        ("대변인은 성명을 발표했다.", "A spokesman issued a statement."),
    ]
    assert beads[0].where == "a.ko#1"  # beads counted from 1, as everywhere in diglot


def test_jsonl_documents_are_aligned(tmp_path):
    path = tmp_path / "docs.jsonl"
    record = {"id": "d1", "ko": ["경찰은 폭발 사건을 조사했다.", "오바마는 텍사스를 방문했다."],
              "en": ["Police investigated the explosion.", "(Yonhap)", "Obama visited Texas."]}  # fmt: skip
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n\n", encoding="utf-8")
    beads = read_jsonl(path)
    assert [(b.ko, b.en, b.where) for b in beads] == [
        ("경찰은 폭발 사건을 조사했다.", "Police investigated the explosion.", "d1#1"),
        ("오바마는 텍사스를 방문했다.", "Obama visited Texas.", "d1#3"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json\n", r"docs.jsonl, line 1: not valid JSON"),
        ('{"id": 1, "ko": "text"}\n', r"line 1: expected an object with \"ko\" and \"en\" lists"),
        ("\n", "holds no documents"),
    ],
)
def test_bad_jsonl_is_refused_clearly(tmp_path, content, message):
    path = tmp_path / "docs.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_jsonl(path)

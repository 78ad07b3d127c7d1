"""CSV and TSV: the two-column glossaries of DeepL and Google Cloud Translation."""

from __future__ import annotations

import csv
import io

import pytest

from diglot.errors import InputError, MalformedInput
from diglot.glossary import load_glossary
from diglot.glossary.formats import format_for_path, get_format
from diglot.glossary.formats.csv import FORMULA_START, escape_formula, unescape_formula
from diglot.glossary.model import Problem


def _read(tmp_path, name: str, data: bytes | str, **options: str):
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    problems: list[Problem] = []
    fmt = get_format(path.suffix[1:], **options) if options else format_for_path(path)
    return fmt.read(path, problems), problems


def test_export_gives_one_target_per_source(all_fields):
    rows = list(csv.reader(io.StringIO(get_format("csv").dumps(all_fields))))
    assert rows == [
        ["탈북자", "North Korean defector"],
        ["탈북민", "North Korean defector"],
        ["북한이탈주민", "North Korean defector"],
        ["새터민", "North Korean defector"],
        ["북한난민구호위원회", "Commission to Help North Korean Refugees"],
        ["북난위", "Commission to Help North Korean Refugees"],
        ["탈북자 강제북송 사건", "forced repatriation of defectors in 2011"],
        ["중국", "China"],  # adjective, accepted and reference forms are not for MT engines
    ]


def test_export_the_other_way_and_as_tsv(all_fields):
    text = get_format("tsv", source_lang="en", target_lang="ko").dumps(all_fields)
    lines = text.splitlines()
    assert lines[0] == "North Korean defector\t탈북자"
    assert "North Korean defectors\t탈북자" in lines  # the plural points at the preferred form
    assert "CNKR\t북한난민구호위원회" in lines
    assert "North Korean escapee\t탈북자" not in lines  # forbidden forms are not for MT engines


def test_quotes_and_commas_survive(tmp_path):
    from diglot.glossary.model import Entry, Terms

    entry = Entry("x", "term", {"ko": Terms('"햇볕" 정책'), "en": Terms("Sunshine Policy, the")})
    text = get_format("csv").dumps([entry])
    assert text == '"""햇볕"" 정책","Sunshine Policy, the"\n'
    (back,), _problems = _read(tmp_path, "q.csv", text)
    assert back.langs["ko"].preferred == '"햇볕" 정책' and back.langs["en"].preferred == "Sunshine Policy, the"


def test_round_trip_keeps_pairs_and_source_variants(curated, tmp_path):
    back, problems = _read(tmp_path, "curated.csv", get_format("csv").dumps(curated))
    assert problems == []
    read = {(e.langs["ko"].preferred, e.langs["en"].preferred): e for e in back}
    for entry in curated:
        again = read[(entry.langs["ko"].preferred, entry.langs["en"].preferred)]
        sources = {entry.langs["ko"].short, *entry.langs["ko"].variants} - {None}
        assert set(again.langs["ko"].variants) <= sources
    assert len(back) == len(curated)


def test_deepl_file_with_bom_crlf_and_quotes(tmp_path):
    data = '\ufeff탈북자,North Korean defector\r\n"강제 북송","forced repatriation"\r\n탈북민,North Korean defector\r\n'
    entries, problems = _read(tmp_path, "deepl.csv", data)
    assert problems == []
    assert [e.as_dict() for e in entries] == [
        {
            "id": "north-korean-defector",
            "type": "term",
            "status": "approved",
            "source": "deepl.csv",
            "ko": {"preferred": "탈북자", "variants": ["탈북민"]},
            "en": {"preferred": "North Korean defector"},
        },
        {
            "id": "forced-repatriation",
            "type": "term",
            "status": "approved",
            "source": "deepl.csv",
            "ko": {"preferred": "강제 북송"},
            "en": {"preferred": "forced repatriation"},
        },
    ]


def test_same_source_twice_is_one_entry_with_a_variant(tmp_path):
    entries, _problems = _read(tmp_path, "g.csv", "탈북자,North Korean defector\n탈북자,defector\n")
    assert len(entries) == 1
    assert entries[0].langs["en"].as_dict() == {"preferred": "North Korean defector", "variants": ["defector"]}


def test_korean_column_is_found_by_script_or_header(tmp_path):
    no_header, _ = _read(tmp_path, "a.csv", "DMZ,비무장지대\nNorth Korea,북한\n")
    assert no_header[0].langs["ko"].preferred == "비무장지대" and no_header[0].langs["en"].preferred == "DMZ"
    header, _ = _read(tmp_path, "b.tsv", "en\tko\nDMZ\t비무장지대\n")
    assert [e.langs["ko"].preferred for e in header] == ["비무장지대"]
    roles, _ = _read(tmp_path, "c.csv", "source,target\n북한,North Korea\n")
    assert [e.id for e in roles] == ["north-korea"]


def test_google_equivalent_term_set_and_deepl_language_columns(tmp_path):
    google, _ = _read(tmp_path, "google.csv", "en,ko,ja,pos,description\nDMZ,비무장지대,非武装地帯,noun,The border strip\n")
    assert google[0].langs["ja"].preferred == "非武装地帯"
    assert google[0].note == "The border strip"
    deepl, _ = _read(tmp_path, "deepl4.csv", "North Korea,北朝鮮,en,ja\n")
    assert set(deepl[0].langs) == {"en", "ja"}


def test_bad_rows_are_reported_with_their_line(tmp_path):
    data = '탈북자,North Korean defector\n"여러 줄\n용어",multi-line term\n혼자\n\n북한,North Korea\n'
    entries, problems = _read(tmp_path, "bad.csv", data)
    assert [e.langs["en"].preferred for e in entries] == ["North Korean defector", "multi-line term", "North Korea"]
    # the quoted cell's line break is read, and is an error of its own: no text matches such a form
    assert sorted((p.severity, p.origin.line) for p in problems) == [("error", 2), ("error", 4)]
    assert any("a comma" in p.message for p in problems) and any("line-break" in p.message for p in problems)


def test_malformed_csv_names_the_line(tmp_path):
    with pytest.raises(MalformedInput) as err:
        _read(tmp_path, "broken.csv", '탈북자,North Korean defector\n"열린 따옴표,x\n' + "y," * 10 + "\n")
    assert err.value.file.endswith("broken.csv") and err.value.line == 2  # where the open quote is
    with pytest.raises(MalformedInput, match=r"stray.csv:2: malformed CSV"):
        _read(tmp_path, "stray.csv", '탈북자,North Korean defector\n"닫힌" 따옴표,x\n')


def test_binary_and_wrongly_encoded_files_are_refused(tmp_path):
    with pytest.raises(InputError, match="binary"):
        _read(tmp_path, "binary.csv", b"\xd1\x00\x02\x03,abc\n")
    with pytest.raises(InputError, match="not valid UTF-8.*cp949"):
        _read(tmp_path, "cp949.csv", "탈북자,North Korean defector\n".encode("cp949"))


def test_tsv_cannot_carry_a_tab(tmp_path):
    from diglot.errors import DiglotError
    from diglot.glossary.model import Entry, Terms

    with pytest.raises(DiglotError, match="tab"):
        get_format("tsv").dumps([Entry("x", "term", {"ko": Terms("가\t나"), "en": Terms("a")})])


def test_load_glossary_reads_csv_on_the_fly(tmp_path):
    path = tmp_path / "deepl.csv"
    path.write_text("탈북자,North Korean defector\n", encoding="utf-8")
    assert load_glossary([path]).get("north-korean-defector").preferred("ko") == "탈북자"


@pytest.mark.parametrize("cell", ["=SUM(A1)", "'=Z", "''+1", "'plain", "'", "-", "plain", "@x"])
def test_formula_escape_round_trips_every_cell(cell):
    escaped = escape_formula(cell)
    assert not escaped.startswith(FORMULA_START)
    assert unescape_formula(escaped) == cell

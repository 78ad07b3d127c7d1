"""TBX: lossless round trips of diglot's own export, and reading other tools' TBX files."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from diglot.errors import DiglotError, InputError, MalformedInput
from diglot.glossary import load_glossary
from diglot.glossary.formats import format_for_path, get_format
from diglot.glossary.model import Entry, Problem, Terms


def _round_trip(entries, tmp_path: Path) -> tuple[list, list[Problem], str]:
    text = get_format("tbx").dumps(entries)
    path = tmp_path / "glossary.tbx"
    path.write_text(text, encoding="utf-8")
    problems: list[Problem] = []
    return format_for_path(path).read(path, problems), problems, text


def test_round_trip_keeps_every_field(all_fields, tmp_path):
    back, problems, _text = _round_trip(all_fields, tmp_path)
    assert problems == []
    assert [e.as_dict() for e in back] == [e.as_dict() for e in all_fields]


def test_round_trip_of_the_curated_glossaries(curated, tmp_path, by_id):
    back, problems, _text = _round_trip(curated, tmp_path)
    assert problems == []
    assert by_id(back) == by_id(curated)


def test_export_is_tbx_basic(all_fields):
    root = etree.fromstring(get_format("tbx").dumps(all_fields).encode("utf-8"))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert "diglot" in root.findtext("martifHeader/fileDesc/sourceDesc/p")
    entries = root.findall("text/body/termEntry")
    # An XML ID cannot start with a digit: 2011-repatriation is written _2011-repatriation.
    assert [e.get("id") for e in entries] == ["north-korean-defector", "cnkr", "_2011-repatriation", "china"]
    en = entries[0].find("langSet[@{http://www.w3.org/XML/1998/namespace}lang='en']")
    statuses = {
        tig.findtext("term"): tig.findtext("termNote[@type='administrativeStatus']") for tig in en.findall("tig")
    }
    assert statuses == {
        "North Korean defector": "preferredTerm-admn-sts",
        "North Korean defectors": "preferredTerm-admn-sts",
        "N.K. defector": "admittedTerm-admn-sts",
        "defector": "admittedTerm-admn-sts",
        "North Korean escapee": "deprecatedTerm-admn-sts",
        "the defector": "admittedTerm-admn-sts",  # with its usage note, below
    }
    assert en.xpath("tig[term='the defector']/note/text()") == ["diglot-form: reference"]
    assert entries[0].findtext("admin[@type='source']") == "Yonhap News style; Ministry of Unification usage"
    cnkr_en = entries[1].find("langSet[@{http://www.w3.org/XML/1998/namespace}lang='en']")
    assert [t.findtext("termNote[@type='termType']") for t in cnkr_en.findall("tig")] == ["fullForm", "acronym"]


def test_reads_a_cat_tool_tbx_basic_2008_file(data, by_id):
    problems: list[Problem] = []
    entries = get_format("tbx").read(data / "catool_2008.tbx", problems)
    read = by_id(entries)
    assert read["c101"] == {
        "id": "c101",
        "type": "term",
        "status": "approved",
        "source": "Yonhap style book",
        "note": "A person who has fled North Korea.",
        # ko-KR is read as ko; a term without a status is a variant; superseded is forbidden.
        "ko": {"preferred": "탈북자", "variants": ["탈북민"], "forbidden": ["새터민"]},
        # The deprecated term comes first in the file; the preferred one still wins.
        "en": {"preferred": "North Korean defector", "variants": ["defector"], "forbidden": ["North Korean escapee"]},
    }
    # No id: named after the English preferred form. The acronym comes first, the full form
    # (normativeAuthorization, inline markup) is preferred; ja is kept; `lang` works as xml:lang.
    cnkr = read["commission-to-help-north-korean-refugees"]
    assert cnkr["en"] == {"preferred": "Commission to Help North Korean Refugees", "short": "CNKR"}
    assert cnkr["ko"] == {"preferred": "북한난민구호위원회"}
    assert cnkr["ja"] == {"preferred": "北朝鮮難民救援委員会"}
    assert cnkr["note"] == "Name used by the organisation itself."
    # The same id twice: the second gets a fresh one, with a warning that says so.
    assert read["c101-2"]["en"] == {"preferred": "forced repatriation"}
    assert [p.severity for p in problems] == ["warning"] and "c101" in problems[0].message
    assert problems[0].origin.line == 80


def test_reads_a_tbx_2019_file_dca_and_dct(data, by_id):
    problems: list[Problem] = []
    read = by_id(get_format("tbx").read(data / "tbx2019.tbx", problems))
    assert problems == []
    assert read["nis"]["source"] == "The agency's own English name"
    assert read["nis"]["en"] == {
        "preferred": "National Intelligence Service",
        "short": "NIS",
        "variants": ["South Korean spy agency"],
    }
    assert read["nis"]["ko"] == {"preferred": "국가정보원", "short": "국정원"}
    assert read["nis"]["note"] == "South Korean spy agency: In headlines only."
    assert read["demilitarized-zone"]["en"] == {
        "preferred": "Demilitarized Zone",
        "short": "DMZ",
        "forbidden": ["demilitarised zone"],
    }


def test_load_glossary_reads_tbx_on_the_fly(data):
    glossary = load_glossary([data / "tbx2019.tbx"])
    assert glossary.get("nis").preferred("en") == "National Intelligence Service"


def test_malformed_xml_names_file_line_and_column(data):
    with pytest.raises(MalformedInput) as err:
        get_format("tbx").read(data / "malformed.tbx", [])
    assert (err.value.line, err.value.column) == (6, 52)
    assert str(err.value).startswith(f"{data / 'malformed.tbx'}:6:52: malformed XML")


def test_entities_are_never_expanded(data):
    with pytest.raises(MalformedInput) as err:
        get_format("tbx").read(data / "entities.tbx", [])
    assert "&secret;" in str(err.value) and err.value.line == 14


def test_a_file_that_is_not_tbx(tmp_path):
    path = tmp_path / "other.xml"
    path.write_text("<html><body/></html>", encoding="utf-8")
    with pytest.raises(InputError, match="not a TBX file"):
        format_for_path(path).read(path, [])


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "glossary.tbx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary"):
        get_format("tbx").read(path, [])


def test_utf16_with_bom_is_read(tmp_path):
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<martif type="TBX-Basic"><text><body>'
        '<termEntry id="dmz"><langSet xml:lang="ko"><tig><term>비무장지대</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>DMZ</term></tig></langSet></termEntry></body></text></martif>'
    )
    path = tmp_path / "utf16.tbx"
    path.write_bytes(text.encode("utf-16"))
    entries = get_format("tbx").read(path, [])
    assert entries[0].langs["ko"].preferred == "비무장지대"


def test_language_with_only_deprecated_terms_is_left_out_with_a_warning(tmp_path):
    path = tmp_path / "deprecated.tbx"
    path.write_text(
        '<martif type="TBX-Basic"><text><body><termEntry id="x">'
        '<langSet xml:lang="ko"><tig><term>새터민</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>new settler</term>'
        '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>'
        "</termEntry></body></text></martif>",
        encoding="utf-8",
    )
    problems: list[Problem] = []
    entries = get_format("tbx").read(path, problems)
    assert list(entries[0].langs) == ["ko"]
    assert problems[0].severity == "warning" and "en" in problems[0].message


def test_export_refuses_what_xml_cannot_carry():
    entry = Entry("x", "term", {"ko": Terms("가"), "en": Terms("a")}, note="page\x0cbreak")
    with pytest.raises(DiglotError, match="control character"):
        get_format("tbx").dumps([entry])


def test_language_codes(tmp_path, by_id):
    path = tmp_path / "codes.tbx"
    lang_sets = [("ko_KR", "탈북자"), ("en", "defector"), ("en-GB", "defector (UK)"), ("pt-BR", "desertor"), ("zh-Hant-TW", "脫北者")]
    path.write_text(
        '<martif type="TBX-Basic"><text><body><termEntry id="x">'
        + "".join(f'<langSet xml:lang="{code}"><tig><term>{term}</term></tig></langSet>' for code, term in lang_sets)
        + "</termEntry></body></text></martif>",
        encoding="utf-8",
    )
    entry = by_id(get_format("tbx").read(path, []))["x"]
    # Regional Korean/English is plain ko/en unless the entry has the plain one too; others keep their region.
    assert [(lang, entry[lang]["preferred"]) for lang in ("ko", "en", "en-GB", "pt-BR", "zh-Hant")] == [
        ("ko", "탈북자"),
        ("en", "defector"),
        ("en-GB", "defector (UK)"),
        ("pt-BR", "desertor"),
        ("zh-Hant", "脫北者"),
    ]

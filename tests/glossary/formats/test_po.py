"""PO: msgctxt = entry id, msgid = source form, msgstr = target form, the rest in comments."""

from __future__ import annotations

import polib
import pytest

from diglot.errors import DiglotError, InputError, MalformedInput
from diglot.glossary import load_glossary
from diglot.glossary.formats import format_for_path, get_format
from diglot.glossary.model import Entry, Problem, Terms


def _round_trip(entries, tmp_path, **options):
    path = tmp_path / "glossary.po"
    path.write_text(get_format("po", **options).dumps(entries), encoding="utf-8")
    problems: list[Problem] = []
    return format_for_path(path).read(path, problems), problems, path


def test_round_trip_keeps_every_field(all_fields, tmp_path):
    back, problems, _path = _round_trip(all_fields, tmp_path)
    assert problems == []
    assert [e.as_dict() for e in back] == [e.as_dict() for e in all_fields]


def test_round_trip_of_the_curated_glossaries(curated, tmp_path, by_id):
    back, problems, _path = _round_trip(curated, tmp_path)
    assert problems == []
    assert by_id(back) == by_id(curated)


def test_round_trip_the_other_way(all_fields, tmp_path):
    # The header says which language msgid holds, so the file reads back whatever the pair.
    back, _problems, path = _round_trip(all_fields, tmp_path, source_lang="en", target_lang="ko")
    assert [e.as_dict() for e in back] == [e.as_dict() for e in all_fields]
    assert polib.pofile(str(path))[0].msgid == "North Korean defector"


def test_layout_for_po_editors(all_fields, tmp_path):
    _back, _problems, path = _round_trip(all_fields, tmp_path)
    po = polib.pofile(str(path))
    assert po.metadata["Language"] == "en" and po.metadata["X-Source-Language"] == "ko"
    first = po[0]
    assert (first.msgctxt, first.msgid, first.msgstr) == ("north-korean-defector", "탈북자", "North Korean defector")
    assert first.comment.splitlines() == [
        "type: term",
        "status: approved",
        "source: Yonhap News style; Ministry of Unification usage",
        "note: 탈북민 is the ministry's term since 2005.",
        "note:",  # a blank line of the note (polib drops the trailing space)
        "note: The press still prints 탈북자.",
        'ko.variants: ["탈북민", "북한이탈주민", "새터민"]',
        'en.variants: ["N.K. defector", "defector"]',
        'en.forbidden: ["North Korean escapee"]',
        'en.references: ["the defector"]',
        "en.plural: North Korean defectors",
        "en.case: insensitive",
    ]


def test_reads_an_ordinary_catalogue(tmp_path):
    path = tmp_path / "other.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: en_US\\n"\n\n'
        "# Check with the desk\n#. Translators: a heading\n"
        'msgid "비무장지대"\nmsgstr "Demilitarized Zone"\n\n'
        '#, fuzzy\nmsgctxt "NLL"\nmsgid "북방한계선"\nmsgstr "Northern Limit Line"\n\n'
        '#~ msgid "옛날"\n#~ msgstr "old"\n',
        encoding="utf-8",
    )
    problems: list[Problem] = []
    entries = format_for_path(path).read(path, problems)
    assert problems == []
    assert [e.as_dict() for e in entries] == [
        {
            "id": "demilitarized-zone",
            "type": "term",
            "status": "approved",
            "note": "Translators: a heading\nCheck with the desk",
            "ko": {"preferred": "비무장지대"},
            "en": {"preferred": "Demilitarized Zone"},
        },
        {
            "id": "nll",
            "type": "term",
            "status": "proposed",
            "ko": {"preferred": "북방한계선"},
            "en": {"preferred": "Northern Limit Line"},
        },
    ]


def test_bad_json_in_a_comment_is_a_problem_with_a_line(tmp_path):
    path = tmp_path / "bad.po"
    path.write_text('#. en.variants: ["unclosed\nmsgctxt "x"\nmsgid "가"\nmsgstr "a"\n', encoding="utf-8")
    problems: list[Problem] = []
    format_for_path(path).read(path, problems)
    assert [(p.severity, p.origin.line) for p in problems] == [("error", 1)]  # where the message starts
    assert "en.variants" in problems[0].message


def test_malformed_po_names_the_line(tmp_path):
    path = tmp_path / "broken.po"
    path.write_text('msgid "가"\nmsgstr "a"\nnonsense here\n', encoding="utf-8")
    with pytest.raises(MalformedInput) as err:
        format_for_path(path).read(path, [])
    assert err.value.line == 3 and "malformed PO" in str(err.value)


def test_binary_po_is_refused(tmp_path):
    path = tmp_path / "binary.po"
    path.write_bytes(b"\xde\x12\x04\x95\x00\x00\x00\x00")  # a compiled .mo file, renamed
    with pytest.raises(InputError, match="binary"):
        format_for_path(path).read(path, [])


def test_export_needs_the_source_language():
    with pytest.raises(DiglotError, match="entry x has no ko form"):
        get_format("po").dumps([Entry("x", "term", {"en": Terms("a")})])


def test_load_glossary_reads_po_on_the_fly(all_fields, tmp_path):
    _back, _problems, path = _round_trip(all_fields, tmp_path)
    assert load_glossary([path]).get("cnkr").langs["en"].short == "CNKR"


def test_regional_language_pair(tmp_path):
    entry = Entry("x", "term", {"ko": Terms("가"), "en": Terms("a"), "pt-BR": Terms("á")})
    path = tmp_path / "pt.po"
    path.write_text(get_format("po", target_lang="pt-BR").dumps([entry]), encoding="utf-8")
    assert polib.pofile(str(path)).metadata["Language"] == "pt_BR"  # gettext's spelling
    assert format_for_path(path).read(path, [])[0].as_dict() == entry.as_dict()

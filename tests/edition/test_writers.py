"""The writers on a hand-built edition: what each format holds, and that text is escaped."""

import json
import re

import pytest

from diglot.edition import FORMATS, make_edition, render_edition, write_edition
from diglot.edition.writers import format_for_path, get_writer
from diglot.errors import DiglotError


def test_every_writer_is_found_by_name_and_suffix():
    assert set(FORMATS) == {"html", "md", "tmx", "xliff", "po", "tsv", "jsonl"}
    for name in FORMATS:
        writer = get_writer(name)
        assert writer.name == name
        for suffix in writer.suffixes:
            assert format_for_path(f"out{suffix.upper()}") == name


def test_unknown_format_and_suffix_say_what_to_use():
    with pytest.raises(DiglotError, match="unknown edition format docx"):
        get_writer("docx")
    with pytest.raises(DiglotError, match=r"cannot tell the edition format from the suffix of out\.txt: use --format \(html, jsonl, md, po, tmx, tsv, xliff\)"):
        format_for_path("out.txt")


def test_rows_join_segments_mark_paragraphs_and_boilerplate(edition):
    rows = edition.rows
    assert [r.shape for r in rows] == ["1-1", "1-1", "1-1", "1-1", "1-0", "1-1"]
    assert [r.boilerplate for r in rows] == [True, False, False, False, False, True]
    assert [r.new_paragraph for r in rows] == [True, True, True, False, True, True]
    assert rows[4].target == "" and not rows[4].complete
    assert [f.status for f in rows[2].problems] == ["missing"]
    assert [f.status for f in rows[1].findings] == ["ok"] and rows[1].problems == ()


def test_summary_counts_beads_terms_and_problem_findings(edition):
    summary = edition.summary()
    assert summary["beads"] == 6
    assert (summary["pairs"], summary["unmatched"], summary["boilerplate"]) == (3, 1, 2)
    assert summary["findings"] == 2  # the "ok" finding is not a problem
    assert summary["by_status"] == {"missing": 1, "untranslated": 1}
    entries = {m.entry for pair in edition.mentions for side in pair for m in side}
    assert {"cnkr", "north-korean-defector", "huh-seung-jae", "yanji"} <= entries
    assert summary["entries"] == len(entries)


def test_tsv_has_a_signature_comment_a_header_and_a_line_per_bead(edition):
    lines = render_edition(edition, "tsv").splitlines()
    assert lines[0] == f"# {edition.signature}"
    assert lines[1].split("\t") == ["bead", "paragraph", "en_ids", "ko_ids", "en", "ko", "kind", "score", "findings"]
    body = [line.split("\t") for line in lines[2:]]
    assert len(body) == 6 and all(len(cells) == 9 for cells in body)
    assert body[2] == [
        "3",
        "3",
        "3",
        "3",
        "The commission said 35 defectors were caught.",
        "북한난민구호위원회는 탈북자 35명이 붙잡혔다고 밝혔다.",
        "1-1",
        "0.800",
        "missing",
    ]
    assert body[0][6] == "boilerplate" and body[4][2:4] == ["5", ""] and body[4][6] == "1-0"


def test_jsonl_records_round_trip_text_terms_and_findings(edition):
    header, *beads = [json.loads(line) for line in render_edition(edition, "jsonl").splitlines()]
    assert header["type"] == "edition" and header["id"] == "sample-1"
    assert header["signature"] == edition.signature.as_dict()
    assert [b["bead"] for b in beads] == [1, 2, 3, 4, 5, 6]  # from 1, as in every format
    assert [b["kind"] for b in beads] == ["boilerplate", "1-1", "1-1", "1-1", "1-0", "boilerplate"]
    assert beads[4]["src_segments"] == [5] and beads[4]["tgt_segments"] == [] and beads[2]["paragraph"] == 3
    third = beads[2]
    assert third["src"] == "The commission said 35 defectors were caught."
    for term in third["terms"]:
        text = third["src"] if term["side"] == "src" else third["tgt"]
        assert text[term["start"] : term["end"]] == term["text"]
    assert any(t["entry"] == "cnkr" and t["side"] == "tgt" for t in third["terms"])
    assert third["findings"][0]["status"] == "missing" and third["findings"][0]["src_span"] == [4, 14]


def test_markdown_escapes_text_and_bolds_terms(edition):
    text = render_edition(edition, "md")
    assert text.startswith("# Seoul urges China to stop deporting N.K. defectors\n")
    assert "| # | English | 한국어 |" in text
    assert r"He said so \<again\> & again." in text  # no raw HTML reaches a Markdown renderer
    assert "**허승재** 과장은 **옌지**로 떠난다." in text
    assert "| 3 ⚠ |" in text and "- 3: missing: CNKR is not rendered as the glossary says" in text
    assert all(line.count(" | ") >= 2 for line in text.splitlines() if line.startswith("| ") and "---" not in line)


def test_html_is_self_contained_escaped_and_language_tagged(edition):
    html = render_edition(edition, "html")
    assert "<script" not in html and "<link" not in html and "@import" not in html and "url(" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "He said so &lt;again&gt; &amp; again." in html
    assert f'<meta name="diglot-signature" content="{edition.signature}">' in html
    assert html.count('class="src" lang="en"') + html.count('class="src empty" lang="en"') == 6
    assert html.count('lang="ko">') >= 6
    assert "word-break: keep-all" in html and "@media print" in html and "@media screen and (max-width" in html


def test_html_marks_terms_with_their_entry_and_flags_findings(edition):
    html = render_edition(edition, "html")
    cnkr = re.search(r'<mark class="term flagged" data-entry="cnkr" title="([^"]*)">북한난민구호위원회</mark>', html)
    assert cnkr, "the Korean term the finding points at is marked and flagged"
    tooltip = cnkr.group(1)
    assert "Commission to Help North Korean Refugees" in tooltip and "Seoul-based humanitarian group" in tooltip
    assert "missing: CNKR is not rendered" in tooltip
    assert '<span class="flagged" title="missing: CNKR is not rendered as the glossary says">commission</span>' in html
    assert '<li class="finding untranslated" data-status="untranslated" data-severity="warning" data-finding="2"><span class="status">untranslated</span>no Korean' in html
    assert 'class="bead boilerplate"' in html or 'class="bead new-paragraph boilerplate"' in html


def test_write_edition_refuses_to_overwrite_without_force(edition, tmp_path):
    out = tmp_path / "sample.tmx"
    write_edition(edition, out)
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(DiglotError, match="exists; use --force"):
        write_edition(edition, out)
    assert out.read_text(encoding="utf-8") == "keep me"
    write_edition(edition, out, "jsonl", force=True)
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["type"] == "edition"


def test_marked_text_keeps_overlapping_findings_apart():
    from diglot.doc import Finding
    from diglot.edition.writers.html import _Flag, marked_text
    from diglot.glossary import Mention

    text = 'He said "A & B" <b>'
    term = Mention(9, 10, "a", "en", "preferred", "A", "A")
    flags = [
        _Flag(8, 11, Finding("number-added", message="on the term")),  # overlaps the term: the term carries it
        _Flag(0, 2, Finding("x", message='say "he"')),  # free: its own span, the title escaped
        _Flag(1, 4, Finding("y", message="overlaps the one before")),  # listed under the row only
        _Flag(15, 99, Finding("z", message="past the end")),  # a span outside the text is ignored
    ]
    html = marked_text(text, (term,), flags, None)
    assert html == (
        '<span class="flagged" title="x: say &quot;he&quot;">He</span> said &quot;'
        '<mark class="term flagged" data-entry="a" title="a\nnumber-added: on the term">A</mark>'
        " &amp; B&quot; &lt;b&gt;"
    )


def test_an_alignment_alone_is_written_by_every_writer(edition):
    alone = make_edition(edition.doc, signature=edition.signature)
    assert not alone.checked and alone.summary_line() == "6 beads"
    for name in FORMATS:
        assert render_edition(alone, name)  # none needs terms or findings
    header, *beads = [json.loads(line) for line in render_edition(alone, "jsonl").splitlines()]
    assert all(not b["terms"] and not b["findings"] for b in beads)
    assert [b["score"] for b in beads] == [1.0, 0.9, 0.8, 0.8, 0.0, 1.0]
    tsv = render_edition(alone, "tsv").splitlines()
    assert tsv[3].split("\t")[-1] == "" and "glossary terms" not in render_edition(alone, "md")


def test_rows_are_made_once(edition):
    assert edition.rows is edition.rows


def test_xml_formats_refuse_a_character_xml_cannot_hold(tmp_path, capsys):
    from diglot.cli import main

    ko, en = tmp_path / "a.ko.txt", tmp_path / "a.en.txt"
    ko.write_text("탈북자 2만여 명이\x0c한국에 산다.\n", encoding="utf-8")  # a form feed: legal text, not XML
    en.write_text("More than 20,000 defectors live in South Korea.\n", encoding="utf-8")
    for suffix, name in (("tmx", "TMX"), ("xlf", "XLIFF")):  # lxml raised a ValueError: a traceback
        out = tmp_path / f"a.{suffix}"
        assert main(["edition", str(ko), str(en), "-o", str(out), "--no-glossary"]) == 2
        assert f"{name} cannot hold the control character U+000C in bead 1" in capsys.readouterr().err
        assert not out.exists()
    assert main(["edition", str(ko), str(en), "-o", str(tmp_path / "a.tsv"), "--no-glossary"]) == 0

"""Notes (findings the check rates ``note``) are shown muted and never counted as problems."""

import json

import pytest

from diglot.doc import Finding
from diglot.edition import make_edition, render_edition
from diglot.provenance import Signature


@pytest.fixture
def noted(document, glossary):
    # bead 3 holds only a note (renderings that vary); bead 2 a warning.
    findings = [
        Finding("missing", bead=2, entry="cnkr", message="CNKR is not rendered as the glossary says"),
        Finding("inconsistent", bead=3, entry="yanji", message="rendered two ways"),
    ]
    return make_edition(document, glossary, findings=findings, signature=Signature.make(glossary="g"))


def test_a_note_is_listed_apart_from_the_problems(noted):
    rows = noted.rows
    assert [f.status for f in rows[3].problems] == [] and [f.status for f in rows[3].notes] == ["inconsistent"]
    assert [f.status for f in rows[2].problems] == ["missing"] and rows[2].notes == ()
    summary = noted.summary()
    assert (summary["findings"], summary["notes"], summary["by_status"]) == (1, 1, {"missing": 1})
    assert noted.summary_line().endswith("1 finding · 1 note")


def test_html_shows_a_note_muted_and_its_row_not_as_a_problem(noted):
    html = render_edition(noted, "html")
    assert '<li class="finding inconsistent note" data-status="inconsistent" data-severity="note"' in html
    assert 'class="bead problem" id="b4"' not in html and 'id="b4"' in html
    assert 'class="bead new-paragraph problem" id="b3"' in html or 'class="bead problem" id="b3"' in html
    assert "ul.findings li.note" in html  # the muted style
    assert '<span class="sample note-sample">Grey note</span>' in html  # and the legend says what it means


def test_exchange_formats_leave_a_note_out_of_the_work_to_review(noted):
    tsv = render_edition(noted, "tsv").splitlines()
    assert tsv[4].split("\t")[-1] == "missing" and tsv[5].split("\t")[-1] == ""
    xliff = render_edition(noted, "xliff")
    unit = xliff.split('<trans-unit id="4"')[1].split("</trans-unit>")[0]
    assert 'state="translated"' in unit and 'priority="8"' in unit
    po = render_edition(noted, "po")
    assert "inconsistent" not in po
    md = render_edition(noted, "md")
    assert "| 4 |" in md and "| 3 ⚠ |" in md
    header = json.loads(render_edition(noted, "jsonl").splitlines()[0])
    assert header["summary"]["notes"] == 1

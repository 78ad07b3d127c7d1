"""``diglot translate --edition``: the source beside its machine translation, with a real model.

The model is the tiny real Argos package of ``tests/conftest.py`` (a CTranslate2 Transformer
whose weights copy its input), so the glossary's renderings show in the output.
"""

from __future__ import annotations

import pytest
from lxml import etree

from diglot.cli import main
from diglot.doc import Segment
from diglot.edition import render_edition, translation_edition

ARTICLE = "탈북자들은 강제 북송을 우려한다. 북한난민구호위원회는 월요일 이같이 밝혔다.\n\n(연합뉴스)\n"


def test_translation_edition_pairs_each_segment_with_its_translation(glossary):
    segments = [Segment("탈북자들은 떠났다.", 0), Segment("(연합뉴스)", 1, True), Segment("빈 문장.", 1)]
    edition = translation_edition("t", "ko", "en", segments, ["Defectors left.", "(연합뉴스)", ""], glossary)
    assert [(r.source, r.target, r.boilerplate) for r in edition.rows] == [
        ("탈북자들은 떠났다.", "Defectors left.", False),
        ("(연합뉴스)", "(연합뉴스)", True),
        ("빈 문장.", "", False),
    ]
    assert edition.machine and [r.shape for r in edition.rows] == ["1-1", "1-1", "1-0"]
    assert [t for b in edition.doc.beads for t in b.tgt] == [0, 1]  # no empty target segment


def test_translate_writes_an_edition_beside_the_translation(installed_model, tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    html, xlf = tmp_path / "article.html", tmp_path / "article.xlf"
    assert main(["translate", str(article), "--to", "en", "-o", str(tmp_path / "a.en.txt"), "--edition", str(html)]) == 0
    page = html.read_text(encoding="utf-8")
    assert page.count('<div class="bead') == 3
    assert "argos:ko-en@1.0" in page  # the model is in the signature and the footer
    assert "machine-translated offline" in page
    assert 'data-entry="north-korean-defector"' in page and "North Korean defector" in page
    # Any edition format works; XLIFF marks the targets as machine translation.
    assert main(["translate", str(article), "--to", "en", "--edition", str(xlf)]) == 0
    root = etree.parse(str(xlf)).getroot()
    qualifiers = [t.get("state-qualifier") for t in root.iter("{urn:oasis:names:tc:xliff:document:1.2}target")]
    assert qualifiers == ["leveraged-mt", "leveraged-mt", "leveraged-mt"]
    capsys.readouterr()
    # An existing edition is not overwritten without --force, and nothing is translated first.
    assert main(["translate", str(article), "--to", "en", "--edition", str(html)]) == 2
    assert "article.html exists; use --force" in capsys.readouterr().err


def test_translate_edition_wants_one_input_and_a_known_suffix(installed_model, tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (a, b):
        path.write_text(ARTICLE, encoding="utf-8")
    assert main(["translate", str(a), str(b), "--to", "en", "--out-dir", str(tmp_path / "en"), "--edition", str(tmp_path / "e.html")]) == 2
    assert "--edition takes one input file" in capsys.readouterr().err
    assert main(["translate", str(a), "--to", "en", "--edition", str(tmp_path / "e.pdf")]) == 2
    assert "cannot tell the edition format" in capsys.readouterr().err


def test_machine_edition_renders_in_every_format(glossary):
    segments = [Segment("탈북자들은 떠났다.", 0)]
    edition = translation_edition("t", "ko", "en", segments, ["North Korean defectors left."], glossary)
    for fmt in ("html", "md", "tmx", "xliff", "po", "tsv", "jsonl"):
        assert "North Korean defector" in render_edition(edition, fmt)

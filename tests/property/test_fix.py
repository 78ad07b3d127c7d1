"""``check --fix`` on generated translations: every character outside the renderings it
replaces (and the article before one, "a" → "an") is left as it was."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from diglot.check import check_pair, fix_text
from diglot.glossary import Matcher, load_glossary
from diglot.textio import normalize

from .strategies import english_text

MINI = Path(__file__).resolve().parents[1] / "glossary" / "data" / "mini.yaml"
SOURCE = "탈북자들이 강제북송됐다."
ARTICLE = len("an ")  # how far before a replaced term an edit may reach


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_glossary([MINI]))


@example(tail="", wrong="defector")
@given(tail=english_text, wrong=st.sampled_from(["North Korean escapee", "defector"]))
def test_fix_changes_nothing_outside_the_fixed_spans(matcher, tail, wrong):
    target = normalize(f"The {wrong} {tail}")
    findings = check_pair(SOURCE, target, "ko", "en", matcher)
    fixed = fix_text(target, findings, matcher.glossary, "en")
    if not tail.strip():
        assert fixed != target, "the one wrong rendering was not fixed"
    spans = [f.tgt_span for f in findings if f.tgt_span]
    changes = difflib.SequenceMatcher(None, target, fixed, autojunk=False).get_opcodes()
    for tag, start, end, _new_start, _new_end in changes:
        if tag == "equal":
            continue
        assert any(s - ARTICLE <= start and end <= e for s, e in spans), (
            f"changed {target[start:end]!r} at {start}, outside every fixed span {spans}"
        )

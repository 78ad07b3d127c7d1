"""TBX, PO and CSV round trips on generated glossaries: what is written reads back the same
(every field for TBX and PO; the source and target forms for CSV, which holds nothing else),
whatever the forms hold: quotes, commas, formula starts, XML and PO metacharacters."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from diglot.glossary.formats import get_format
from diglot.glossary.model import Entry, Terms

_ODD = st.text(st.sampled_from(list(" '\",;=+-@<>&\\#|") + ["\u00e9", "\u3000"]), max_size=4)


def _form(letters: str):
    """A form in one script (a CSV row's columns are told apart by it), odd characters around it."""
    word = st.text(st.sampled_from(letters), min_size=1, max_size=6)
    return st.tuples(_ODD, word, _ODD).map("".join).map(str.strip).filter(lambda f: any(c in letters for c in f))


korean_form, english_form = _form("탈북자난민"), _form("abZ")


@st.composite
def glossaries(draw):
    entries, seen = [], set()
    for i in range(draw(st.integers(min_value=1, max_value=5))):
        ko, en = draw(korean_form), draw(english_form)
        if ko in seen or en in seen:
            continue
        seen |= {ko, en}
        variants = [v for v in draw(st.lists(english_form, max_size=2, unique=True)) if v not in seen and v != en]
        seen |= set(variants)
        entries.append(Entry(f"entry-{i}", "term", {"ko": Terms(ko), "en": Terms(en, variants=variants)},
                             note=draw(st.sampled_from(["", "a note, with \"quotes\"", "<b>&amp;</b>"]))))
    return entries


def _round_trip(name: str, suffix: str, entries: list[Entry]) -> list[Entry]:
    fmt = get_format(name)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"terms{suffix}"
        path.write_text(fmt.dumps(entries), encoding="utf-8")
        problems: list = []
        back = fmt.read(path, problems)
    assert not [p for p in problems if p.severity == "error"], problems
    return back


def _forms(entries: list[Entry]) -> list[tuple]:
    return sorted((e.langs["ko"].preferred, e.langs["en"].preferred, tuple(e.langs["en"].variants)) for e in entries)


@given(entries=glossaries())
def test_tbx_round_trip(entries):
    back = _round_trip("tbx", ".tbx", entries)
    assert _forms(back) == _forms(entries)
    assert sorted(e.note for e in back) == sorted(e.note for e in entries)


@given(entries=glossaries())
def test_po_round_trip(entries):
    back = _round_trip("po", ".po", entries)
    assert _forms(back) == _forms(entries)


@given(entries=glossaries())
def test_csv_round_trip(entries):
    back = _round_trip("csv", ".csv", entries)
    pairs = sorted((e.langs["ko"].preferred, e.langs["en"].preferred) for e in back)
    assert pairs == sorted((e.langs["ko"].preferred, e.langs["en"].preferred) for e in entries)

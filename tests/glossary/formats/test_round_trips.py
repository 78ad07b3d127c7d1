"""YAML → format → YAML on many entries built from awkward text: the lossless formats lose nothing."""

from __future__ import annotations

import random

import pytest

from diglot.glossary.formats import format_for_path, get_format
from diglot.glossary.model import CASE_POLICIES, STATUSES, TYPES, Entry, Problem, Terms

# Text that trips up XML, PO, JSON or whitespace handling.
AWKWARD = [
    "<b>bold</b>",
    "AT&T",
    'a "quoted" term',
    "it's",
    r"back\slash",
    "{long}",
    "#. not a comment",
    'msgid "x"',
    "en.short: CNKR",
    "탈북자들은",
    "Kim\u00a0Jong-un",  # a no-break space is text, not layout
    "北朝鮮",
    "🇰🇷 flag",
    "zero\u200bwidth",
    "]]> end",
    "[1, 2]",
    "null",
    "tab\there",
]


def _entry(rng: random.Random, n: int) -> Entry:
    def terms() -> Terms:
        forms = rng.sample(AWKWARD, 6)
        short = forms[3] if rng.random() < 0.5 else None
        return Terms(
            preferred=forms[0],
            variants=forms[1 : 1 + rng.randint(0, 2)],
            forbidden=forms[4:5] if rng.random() < 0.5 else [],
            short=short,
            first_mention=rng.choice(["{long} ({short})", "{short}, {long}"]) if short and rng.random() < 0.5 else None,
            plural=forms[5] if rng.random() < 0.3 else None,
            case=rng.choice([None, *CASE_POLICIES]),
        )

    langs = {lang: terms() for lang in ["ko", "en"] + rng.sample(["ja", "zh", "de-CH"], rng.randint(0, 2))}
    lines = rng.sample(AWKWARD, rng.randint(0, 3))
    return Entry(
        id=f"{n}-entry" if n % 7 == 0 else f"entry-{n}",
        type=rng.choice(TYPES),
        status=rng.choice(STATUSES),
        source=rng.choice(["", *AWKWARD]),
        note="\n".join(lines),
        valid_from=rng.choice([None, "2010", "2010-10", "2010-10-08"]),
        valid_until=rng.choice([None, "2013-03-11"]),
        evidence={"score": 0.5, "examples": rng.sample(AWKWARD, 2)} if rng.random() < 0.2 else None,
        langs=langs,
    )


@pytest.mark.parametrize("name", ["tbx", "po"])
def test_awkward_entries_survive(name, tmp_path):
    rng = random.Random(20111005)
    entries = [_entry(rng, n) for n in range(60)]
    path = tmp_path / f"awkward.{name}"
    path.write_text(get_format(name).dumps(entries), encoding="utf-8")
    problems: list[Problem] = []
    back = format_for_path(path).read(path, problems)
    assert problems == []
    assert [e.as_dict() for e in back] == [e.as_dict() for e in entries]

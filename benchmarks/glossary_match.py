"""How fast is glossary matching? diglot's Aho–Corasick matcher against one regex per entry.

Builds a synthetic glossary (the curated entries plus generated Korean and English terms),
a text of real Korean and English news (data/korean-parallel-corpora) with glossary terms
sprinkled in, and times, in the same run:

* diglot's :class:`~diglot.glossary.Matcher` (one automaton for all forms), and
* a naive matcher: one compiled regex per entry, run over the whole text.

The naive matcher is too slow for the full size (it scans the text once per entry), so the
ratio is measured on a size both can do, then diglot alone is timed at full size
(50,000 entries over 1 MB of text).

Then precision across word boundaries, on the English lines of the same text and the English
forms of the same glossary, in the same run:

* flashtext's ``KeywordProcessor``, a word-bounded matcher (a keyword matches whole words only);
* diglot's matcher;
* the same matcher with its spacing check turned off: the engine before it checked where a
  space of the text falls inside a match (it searched a space-free view and glued words).

A *cross-word* mention is one whose words are not the form's words (``Ona`` found in ``on a``):
its text and its form, split at spaces (a hyphen read as a space or as nothing: ``Kim Jong-il``
= ``Kim Jong il`` = ``Kim Jongil``), share no reading. flashtext cannot make one; diglot should
make none. A few Korean mentions the spacing check drops are printed, to be read.

    pip install -e '.[bench]'   # flashtext
    python benchmarks/glossary_match.py [--entries 50000] [--megabytes 1]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from flashtext import KeywordProcessor

import diglot.glossary.match as match
from diglot.glossary import Entry, Glossary, Matcher, Terms, load_glossary

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "korean-parallel-corpora"
SYLLABLES = [chr(c) for c in range(0xAC00, 0xD7A4, 37)]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def synthetic_glossary(size: int, rng: random.Random) -> Glossary:
    entries = list(load_glossary())
    while len(entries) < size:
        ko = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5)))
        en = " ".join("".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 9))).capitalize() for _ in range(rng.randint(1, 3)))
        entries.append(Entry(f"synthetic-{len(entries)}", "term", {"ko": Terms(ko), "en": Terms(en)}))
    return Glossary(entries)


def news_text(size: int, glossary: Glossary, rng: random.Random) -> str:
    lines = []
    for name in ("korean-english-park.dev.ko", "korean-english-park.dev.en", "jhe-koen-dev.ko", "jhe-koen-dev.en"):
        lines.extend((DATA / name).read_text(encoding="utf-8").splitlines())
    forms = [e.langs[lang].preferred for e in rng.sample(glossary.entries, min(5000, len(glossary))) for lang in ("ko", "en")]
    out, length = [], 0
    while length < size:
        line = rng.choice(lines)
        if rng.random() < 0.5:
            line = f"{line} {rng.choice(forms)}"
        out.append(line)
        length += len(line.encode("utf-8")) + 1
    return "\n".join(out)


class NaiveMatcher:
    """One regex per entry (all its forms), each scanned over the whole text."""

    def __init__(self, glossary: Glossary):
        self.patterns = []
        for entry in glossary:
            forms = sorted({form for terms in entry.langs.values() for form, _kind, _short in terms.forms()}, key=len, reverse=True)
            self.patterns.append((entry.id, re.compile("|".join(re.escape(f) for f in forms))))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), entry_id) for entry_id, pattern in self.patterns for m in pattern.finditer(text)]


def timed(function, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def _readings(text: str) -> set[tuple[str, ...]]:
    """The words of ``text``, a hyphen read as a space and as nothing (lower case)."""
    lowered = text.lower()
    return {tuple(lowered.replace("-", " ").split()), tuple(lowered.replace("-", "").split())}


def is_cross_word(mention: match.Mention) -> bool:
    return not (_readings(mention.text) & _readings(mention.form))


def space_blind(glossary: Glossary) -> Matcher:
    """diglot's matcher as it was before it checked spacing: every gap inside a match accepted."""
    matcher = Matcher(glossary)
    for automaton in matcher._automata.values():
        for key in list(automaton.keys()) if len(automaton) else []:
            _key, forms = automaton.get(key)
            blind = tuple(_Blind(**{name: getattr(f, name) for name in f.__dataclass_fields__}) for f in forms)
            automaton.add_word(key, (key, blind))
        if len(automaton):
            automaton.make_automaton()
    return matcher


class _Blind(match._Form):
    def spacing_fits(self, gaps: frozenset[int]) -> bool:
        return True


def cross_word_report(glossary: Glossary, text: str, rng: random.Random) -> None:
    english = "\n".join(line for line in text.splitlines() if match._HANGUL_RUN.search(line) is None)
    keywords = KeywordProcessor(case_sensitive=False)
    for entry in glossary:
        for form, _kind, _short in entry.langs["en"].forms():
            keywords.add_keyword(form, entry.id)
    flash, flash_time = timed(keywords.extract_keywords, english, True)
    print(f"cross-word matches: English forms of {len(glossary):,} entries over {len(english.encode()) / 1e3:.0f} kB of English")
    print(f"  flashtext (word-bounded): {len(flash):,} mentions in {flash_time:.3f} s, 0 cross-word by construction")
    old_english = []
    for label, matcher in (("diglot Matcher", Matcher(glossary, ["en"])), ("diglot, spacing unchecked (the old engine)", space_blind(Glossary(glossary.entries)))):
        found = old_english = matcher.find(english, "en")
        crossing = [m for m in found if is_cross_word(m)]
        print(f"  {label}: {len(found):,} mentions, {len(crossing):,} cross-word ({100 * len(crossing) / max(len(found), 1):.2f} %)")
        for m in crossing[:3]:
            print(f"    e.g. {m.text!r} as {m.form!r}")
    old_crossing = sum(map(is_cross_word, old_english))
    korean = "\n".join(line for line in text.splitlines() if match._HANGUL_RUN.search(line))
    new = {(m.start, m.end) for m in Matcher(glossary, ["ko"]).find(korean, "ko")}
    old = space_blind(Glossary(glossary.entries)).find(korean, "ko")
    dropped = [m for m in old if (m.start, m.end) not in new and " " in m.text]
    print(f"  Korean: the spacing check drops {len(dropped):,} of the old engine's {len(old):,} mentions "
          f"({100 * len(dropped) / max(len(old), 1):.2f} %); a sample to read:")
    for m in rng.sample(dropped, min(5, len(dropped))):
        print(f"    {korean[max(0, m.start - 12):m.end + 6]!r}: {m.text!r} as {m.form!r}")
    share = 100 * (old_crossing + len(dropped)) / max(len(old_english) + len(old), 1)
    print(f"  the old engine, both languages: {share:.2f} % of all its mentions glued words; diglot's matcher: 0 English cross-word")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--compare-entries", type=int, default=2_000, help="glossary size for the head-to-head")
    parser.add_argument("--compare-kilobytes", type=int, default=200, help="text size for the head-to-head")
    args = parser.parse_args()
    rng = random.Random(20111005)

    glossary = synthetic_glossary(args.entries, rng)
    text = news_text(int(args.megabytes * 1_000_000), glossary, rng)
    matcher, build = timed(Matcher, glossary)
    matcher.find(text[:1000])  # warm up
    mentions, find = timed(matcher.find, text)
    print(f"diglot Matcher: {len(glossary):,} entries, {len(text.encode()) / 1e6:.2f} MB of text")
    print(f"  build {build:.2f} s, find {find:.3f} s ({len(mentions):,} mentions, {len(text.encode()) / 1e6 / find:.1f} MB/s)")

    small = Glossary(glossary.entries[: args.compare_entries])
    small_text = text[: args.compare_kilobytes * 1000 // 2]  # about that many kB of mixed Korean/English
    small_matcher = Matcher(small)
    _, ours = timed(small_matcher.find, small_text)
    naive_matcher = NaiveMatcher(small)
    naive_mentions, naive = timed(naive_matcher.find, small_text)
    print(f"head-to-head: {len(small):,} entries over {len(small_text.encode()) / 1e3:.0f} kB")
    print(f"  diglot Matcher {ours:.4f} s; naive one-regex-per-entry {naive:.3f} s ({len(naive_mentions):,} raw hits)")
    print(f"  ratio: diglot is {naive / ours:.0f}x faster")
    scale = (len(glossary) / len(small)) * (len(text) / len(small_text))
    print(f"  naive at full size, extrapolated linearly: about {naive * scale:.0f} s against diglot's {find:.3f} s")
    cross_word_report(glossary, text, rng)


if __name__ == "__main__":
    main()

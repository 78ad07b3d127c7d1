"""How good are the mined term pairs? Precision at 20 and 50 against hand-made lists.

Mines the line-parallel news dev data (data/korean-parallel-corpora/korean-english-park.dev.*,
1,000 pairs) with :func:`diglot.mine.propose` and scores the ranked list against
``benchmarks/data/term-gold.tsv`` (how it was built is written at its top). In the same run, a
reference miner is scored the same way: whitespace tokens on both sides (Korean words with their
particles, as a naive tool would see them), each Korean word paired with the English word of
highest Dice, ranked by Dice × log2(1 + frequency). It shows what the morphology, the noun-phrase
chunks and the competitive linking are worth. The miner is also run on
``ko-en-news.dev.jsonl`` (38 documents built from the same news, lines merged, dropped and noise
added), which it must align first: the same gold list applies.

Matching is lenient in documented ways only: Korean spaces are ignored; English case, full
stops, a possessive 's and plural endings are ignored (``talks`` = ``talk``, ``U.S`` = ``U.S.``).
Precision is computed against the gold list alone. Mined pairs outside the gold list are then
looked up in ``benchmarks/data/term-judged.tsv``, judgments made by hand after reading the miner's
output and the data; they are reported beside the precision, never inside it.

Correct is not enough: a glossary wants names, acronyms and terms of a field, not everyday words
(government, police) nor fragments of names (Barack beside Barack Obama). ``W@20`` and ``W@50``
are the precision of *glossary-worthy* pairs, from ``benchmarks/data/term-worthy.tsv`` (pairs
judged by reading the data before the ranking was tuned, method at its top); a mined pair that
list lacks counts as not worthy and is reported as not judged, to be read and added. ``type`` is
the share of the worthy pairs of the top 50 whose proposed type (person, place, organization …)
is the judged one. Last, parts of the data are mined alone (25 to 400 line pairs), to show how
much text mining needs before its proposals are worth reading.

The curated glossary is not used (``--glossary`` to leave its terms out, as ``diglot glossary mine``
does), so the figures measure the miner, not the glossary's coverage.

    python benchmarks/mine_eval.py [--glossary] [--show 50]
"""

from __future__ import annotations

import argparse
import math
import re
import time
from collections import Counter
from pathlib import Path

from diglot.glossary import load_glossary
from diglot.errors import InputError
from diglot.mine import line_pairs, propose, read_file_pairs, read_jsonl
from diglot.mine.associate import associate
from diglot.mine.candidates import singular
from diglot.textio import read_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "korean-parallel-corpora"
GOLD = ROOT / "benchmarks" / "data" / "term-gold.tsv"
JUDGED = ROOT / "benchmarks" / "data" / "term-judged.tsv"
WORTHY = ROOT / "benchmarks" / "data" / "term-worthy.tsv"
SIZES = (25, 50, 100, 200, 400)


def ko_key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def en_key(text: str) -> str:
    """English compared ignoring case, full stops, a possessive and a plural ending."""
    words = re.sub(r"['\u2019]s\b", "", text.lower().replace(".", "")).split()
    return " ".join(words[:-1] + [singular(words[-1])]) if words else ""


def read_pairs_file(path: Path) -> dict[str, set[str]]:
    """``ko TAB en1|en2…`` lines (``#`` comments and a header allowed) → Korean key → English keys."""
    out: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("ko\t"):
            continue
        ko, en = line.split("\t")[:2]
        out.setdefault(ko_key(ko), set()).update(en_key(form) for form in en.split("|"))
    return out


def read_judged(path: Path) -> dict[tuple[str, str], bool]:
    """``ko TAB en TAB yes|no`` lines → (Korean key, English key) → judged correct."""
    out = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#") and not line.startswith("ko\t"):
                ko, en, verdict = line.split("\t")[:3]
                out[(ko_key(ko), en_key(en))] = verdict.strip() == "yes"
    return out


def read_worthy(path: Path) -> dict[tuple[str, str], tuple[bool, bool, str]]:
    """``ko TAB en TAB correct TAB worthy TAB type`` lines → (Korean key, English key) → verdicts."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and not line.startswith("ko\t"):
            ko, en, correct, worthy, entry_type = line.split("\t")[:5]
            out[(ko_key(ko), en_key(en))] = (correct == "yes", worthy == "yes", entry_type.strip())
    return out


def worthiness(
    proposals: list[tuple[str, str, str]], worthy: dict[tuple[str, str], tuple[bool, bool, str]], n: int
) -> tuple[float, float, list[tuple[str, str]]]:
    """Glossary-worthy precision at ``n``, the share of those worthy pairs whose type is right, and
    the pairs of the top ``n`` not judged yet (counted as not worthy)."""
    top = proposals[:n]
    verdicts = [worthy.get((ko_key(ko), en_key(en))) for ko, en, _type in top]
    good = [(verdict, entry_type) for verdict, (_ko, _en, entry_type) in zip(verdicts, top) if verdict and verdict[1]]
    typed = sum(verdict[2] == entry_type for verdict, entry_type in good) / len(good) if good else 0.0
    unjudged = [(ko, en) for verdict, (ko, en, _type) in zip(verdicts, top) if verdict is None]
    return len(good) / n, typed, unjudged


def in_gold(gold: dict[str, set[str]], ko: str, en: str) -> bool:
    return en_key(en) in gold.get(ko_key(ko), ())


def reference_pairs(ko_lines: list[str], en_lines: list[str]) -> list[tuple[str, str]]:
    """Whitespace tokens, best English word by Dice for each Korean word, ranked."""
    beads = []
    for ko, en in zip(ko_lines, en_lines):
        ko_words = {w.strip(".,\"'“”‘’()") for w in ko.split()} - {""}
        en_words = {w.strip(".,\"'“”‘’()").lower() for w in en.split()} - {""}
        beads.append((ko_words, en_words))
    best: dict[str, tuple[float, str]] = {}
    for a in associate(beads, min_count=2, min_llr=0.0):
        score = a.dice * math.log2(1 + a.together)
        if a.ko not in best or score > best[a.ko][0]:
            best[a.ko] = (score, a.en)
    return [(ko, en) for ko, (score, en) in sorted(best.items(), key=lambda item: -item[1][0])]


def precision(pairs: list[tuple[str, str]], gold: dict[str, set[str]], n: int) -> tuple[float, int]:
    hits = sum(in_gold(gold, ko, en) for ko, en in pairs[:n])
    return hits / n, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--glossary", action="store_true", help="leave out terms of the curated glossary")
    parser.add_argument("--show", type=int, default=50, help="list this many mined pairs with their verdicts")
    args = parser.parse_args()

    ko_text = read_text(DATA / "korean-english-park.dev.ko")
    en_text = read_text(DATA / "korean-english-park.dev.en")
    gold = read_pairs_file(GOLD)
    judged = read_judged(JUDGED)
    worthy = read_worthy(WORTHY)
    glossary = load_glossary() if args.glossary else None

    def mine(beads: list) -> tuple[list[tuple[str, str, str]], float]:  # type: ignore[type-arg]
        start = time.perf_counter()
        entries = propose(beads, glossary, limit=200)
        seconds = time.perf_counter() - start
        return [(e.langs["ko"].preferred, e.langs["en"].preferred, e.type) for e in entries], seconds

    mined, mine_seconds = mine(line_pairs(ko_text, en_text))
    aligned, aligned_seconds = mine(read_jsonl(DATA / "ko-en-news.dev.jsonl"))
    start = time.perf_counter()
    reference = [(ko, en, "term") for ko, en in reference_pairs(ko_text.splitlines(), en_text.splitlines())]
    reference_seconds = time.perf_counter() - start

    print(f"gold list: {sum(len(v) > 0 for v in gold.values())} Korean terms ({GOLD.relative_to(ROOT)}); "
          f"judged for a glossary: {len(worthy)} pairs ({WORTHY.relative_to(ROOT)})")  # fmt: skip
    print(f"{'miner':<36}{'P@20':>7}{'P@50':>7}{'W@20':>7}{'W@50':>7}{'type':>7}{'pairs':>7}{'seconds':>9}")
    unjudged: dict[tuple[str, str], None] = {}
    for name, pairs, seconds in (
        ("diglot glossary mine --presplit", mined, mine_seconds),
        ("diglot glossary mine --jsonl", aligned, aligned_seconds),
        ("reference: whitespace tokens+Dice", reference, reference_seconds),
    ):
        p20, _ = precision([(ko, en) for ko, en, _type in pairs], gold, 20)
        p50, _ = precision([(ko, en) for ko, en, _type in pairs], gold, 50)
        w20, _typed, _missing = worthiness(pairs, worthy, 20)
        w50, typed, missing = worthiness(pairs, worthy, 50)
        if pairs is not reference:
            unjudged.update(dict.fromkeys(missing))
        print(f"{name:<36}{p20:>7.2f}{p50:>7.2f}{w20:>7.2f}{w50:>7.2f}{typed:>7.2f}{len(pairs):>7}{seconds:>9.1f}")
    print("(the reference is not judged for a glossary: its W and type columns only count pairs judged for diglot)")
    if unjudged:
        print(f"not judged yet, counted as not worthy ({len(unjudged)}): " + ", ".join(f"{k}/{e}" for k, e in unjudged))

    print("\nhow much text mining needs (diglot.mine.propose.MIN_SENTENCE_PAIRS): W@20 of the first and the")
    print("second half's first N line pairs, mined alone (unjudged pairs count as not worthy):")
    ko_lines, en_lines = ko_text.splitlines(), en_text.splitlines()
    for n in SIZES:
        figures = []
        for offset in (0, len(ko_lines) // 2):
            part = line_pairs("\n".join(ko_lines[offset : offset + n]), "\n".join(en_lines[offset : offset + n]))
            proposals = [(e.langs["ko"].preferred, e.langs["en"].preferred, e.type)
                         for e in propose(part, glossary, min_pairs=1, limit=20)]  # fmt: skip
            w, _typed, missing = worthiness(proposals, worthy, max(1, min(20, len(proposals))))
            figures.append(f"{w:.2f} of {len(proposals)}" + (f" ({len(missing)} not judged)" if missing else ""))
        print(f"  {n:>4} pairs: " + ", ".join(figures))

    seed = [ROOT / "seeds" / "000_4cf5f6c82bb4f27d.ko.txt", ROOT / "seeds" / "000_4cf5f6c82bb4f27d.txt"]
    try:
        print(f"the seed article alone: {len(propose(read_file_pairs(seed, presplit=False), glossary))} proposals")
    except InputError as err:
        print(f"the seed article alone: {err}")

    top = [(ko, en) for ko, en, _type in mined[:50]]
    gold_hits = [pair for pair in top if in_gold(gold, *pair)]
    outside = [pair for pair in top if not in_gold(gold, *pair)]
    verdicts = Counter(judged.get((ko_key(ko), en_key(en))) for ko, en in outside)
    print(
        f"top 50 of diglot: {len(gold_hits)} in the gold list (the precision above); of the {len(outside)} "
        f"outside it, judged by hand ({JUDGED.relative_to(ROOT)}): {verdicts[True]} correct, "
        f"{verdicts[False]} wrong, {verdicts[None]} not judged"
    )
    if args.show:
        print()
        for rank, (ko, en, entry_type) in enumerate(mined[: args.show], 1):
            verdict = worthy.get((ko_key(ko), en_key(en)))
            if verdict is None:
                label = "gold" if in_gold(gold, ko, en) else "not judged"
            else:
                label = ("worthy" if verdict[1] else "correct, not worthy" if verdict[0] else "wrong")
                label += f", type {entry_type}" + ("" if entry_type == verdict[2] else f" (judged {verdict[2]})")
            print(f"{rank:>3}  {ko}\t{en}\t{label}")


if __name__ == "__main__":
    main()

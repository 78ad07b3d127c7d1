"""How alignment time and memory grow with the length of one document.

Builds one long document of N lines a side from the dev documents
(``data/korean-parallel-corpora/ko-en-news.dev.jsonl``), deterministically: rounds of all 38
documents in a shuffled order, each round rewritten by one of the harder variants of
``align_variants.py`` in turn (none, merged, north, spacing), so that the text does not repeat
word for word; the last document is cut at a gold bead so that the Korean side has N lines.
Each size is aligned in a fresh process, from lines to beads (boilerplate marked, as
``diglot align --presplit`` does), and the process reports its CPU time and peak resident
memory. Plain Gale–Church (:mod:`diglot.align.gale_church`) is measured the same way, as the
reference; it is run on the smaller sizes only (by default up to 5,000 lines), since its tables
are lines × lines.

The growth exponent between two sizes is ``log(t2 / t1) / log(n2 / n1)``: 1 is linear. Memory
is the process's peak resident set (``resource.getrusage``); its exponent is taken on what the
alignment added to the peak before it started (the interpreter, the libraries, the document's
lines and the seed lexicon).

    python benchmarks/align_scale.py                  # 100 to 20,000 lines
    python benchmarks/align_scale.py --max 100000     # up to 100,000 lines (several minutes)
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from align_variants import VARIANTS  # noqa: E402  (a sibling script, not a package)

DEV = Path(__file__).resolve().parents[1] / "data" / "korean-parallel-corpora" / "ko-en-news.dev.jsonl"
SIZES = (100, 1_000, 5_000, 10_000, 20_000, 50_000, 100_000)
ROUND_VARIANTS = (None, "merged", "north", "spacing")


def long_document(lines: int, path: Path = DEV) -> dict:
    """One document of ``lines`` Korean lines (``ko``, ``en``, ``gold``), the same every run."""
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(15)
    ko: list[str] = []
    en: list[str] = []
    gold: list[list[list[int]]] = []
    round_number = 0
    while len(ko) < lines:
        name = ROUND_VARIANTS[round_number % len(ROUND_VARIANTS)]
        order = docs[:]
        rng.shuffle(order)
        for doc in order:
            if name:
                doc = VARIANTS[name](doc, rng)
            for k, e in doc["gold"]:
                if len(ko) + len(k) > lines:
                    break
                gold.append([list(range(len(ko), len(ko) + len(k))), list(range(len(en), len(en) + len(e)))])
                ko += [doc["ko"][i] for i in k]
                en += [doc["en"][j] for j in e]
            if len(ko) >= lines:
                break
        round_number += 1
    return {"id": f"long-{lines}", "ko": ko, "en": en, "gold": gold}


def worker(aligner: str, lines: int) -> None:
    """Align one document of ``lines`` lines; print its CPU seconds, the peak resident memory of
    the process and how much of it the alignment added (MB), as JSON."""
    doc = long_document(lines)
    if aligner == "diglot":
        from diglot.align import align
        from diglot.align.seed import seed_lexicon
        from diglot.segment import segment_lines

        seed_lexicon()  # loaded once per process, not per document
        before = _peak_mb()
        start = time.process_time()
        align(segment_lines(doc["ko"], "ko"), segment_lines(doc["en"], "en"))
    else:
        from diglot.align.gale_church import gale_church

        before = _peak_mb()
        start = time.process_time()
        gale_church(doc["ko"], doc["en"])
    elapsed = time.process_time() - start
    print(json.dumps({"seconds": elapsed, "peak_mb": _peak_mb(), "added_mb": max(_peak_mb() - before, 0.1)}))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def measure(aligner: str, lines: int) -> dict:
    command = [sys.executable, __file__, "--worker", aligner, "--lines", str(lines)]
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def exponent(small: tuple[int, float], large: tuple[int, float]) -> float:
    """How fast a measure grows between two sizes: 1 is linear, 2 quadratic."""
    return math.log(large[1] / small[1]) / math.log(large[0] / small[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max", type=int, default=20_000, help="the largest size, in lines a side (default 20,000)")
    parser.add_argument("--gale-church-max", type=int, default=5_000, help="the largest size for Gale–Church (its tables are lines × lines: 10,000 lines take 3 GB)")
    parser.add_argument("--worker", choices=("diglot", "Gale-Church"), help=argparse.SUPPRESS)
    parser.add_argument("--lines", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.lines)
        return
    sizes = [n for n in SIZES if n <= args.max]
    figures: dict[str, list[tuple[int, dict]]] = {"diglot": [], "Gale-Church": []}
    print(f"{'lines':>7}  {'aligner':<12} {'CPU s':>8} {'ms/line':>8} {'peak MB':>8} {'added MB':>8}  {'time exp.':>9} {'memory exp.':>11}")
    for n in sizes:
        for aligner in figures:
            if aligner == "Gale-Church" and n > args.gale_church_max:
                continue
            result = measure(aligner, n)
            previous = figures[aligner][-1] if figures[aligner] else None
            figures[aligner].append((n, result))
            grow = ""
            if previous:
                (n0, r0) = previous
                grow = f"{exponent((n0, r0['seconds']), (n, result['seconds'])):9.2f} "
                grow += f"{exponent((n0, r0['added_mb']), (n, result['added_mb'])):11.2f}"
            print(
                f"{n:7d}  {aligner:<12} {result['seconds']:8.2f} {1000 * result['seconds'] / n:8.3f} "
                f"{result['peak_mb']:8.0f} {result['added_mb']:8.0f}  {grow}",
                flush=True,
            )
    diglot = dict(figures["diglot"])
    if 5_000 in diglot and len(diglot) > 1:
        largest = max(diglot)
        per_line = lambda n: diglot[n]["seconds"] / n  # noqa: E731
        print(f"\ndiglot: time per line at {largest:,} lines is {per_line(largest) / per_line(5_000):.2f}× that at 5,000")


if __name__ == "__main__":
    main()

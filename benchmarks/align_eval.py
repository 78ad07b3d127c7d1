"""Sentence-alignment quality and speed on the Korean–English dev documents.

Scores diglot's aligner and plain Gale–Church, computed in the same run, on documents in the
format of ``data/korean-parallel-corpora/ko-en-news.dev.jsonl`` (``id``, ``ko``, ``en``,
``gold``), and prints strict and lax precision, recall and F1 (definitions in that folder's
README: a predicted bead counts strictly only if it equals a gold bead, laxly if it shares a
(ko, en) line pair with one; beads with an empty side are left out) and sentence pairs a second:
Korean lines aligned per second of CPU time, from lines to beads (boilerplate marked, as
``diglot align --presplit`` does), the best of ``--repeat`` runs each in a fresh
process (so no cache of these sentences is warm and other work on a shared machine weighs as
little as it can). Each process first aligns other text (general-domain pairs from
``jhe-koen-dev``) untimed, so models, tables and compiled patterns are loaded, as the issue
asks ("once models are loaded"), without warming any cache of the timed sentences (``--warm``
aligns the timed documents themselves first, as a long batch would have seen their words).

    python benchmarks/align_eval.py                       # all dev documents
    python benchmarks/align_eval.py --half even           # every other document (0, 2, 4, ...)
    python benchmarks/align_eval.py --variant merged      # harder: see align_variants.py
    python benchmarks/align_eval.py --warm                # speed with word caches warm, as in a long batch
    python benchmarks/align_eval.py --data other.jsonl --no-glossary
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from diglot.align import align_many
from diglot.align.gale_church import gale_church
from diglot.doc import Segment
from diglot.glossary import Matcher, load_glossary
from diglot.segment import is_boilerplate

sys.path.insert(0, str(Path(__file__).resolve().parent))
from align_variants import VARIANTS, variant  # noqa: E402  (a sibling script, not a package)

DEV = Path(__file__).resolve().parents[1] / "data" / "korean-parallel-corpora" / "ko-en-news.dev.jsonl"


def read_documents(path: Path, half: str | None, variant_name: str | None = None) -> list[dict]:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if variant_name:
        docs = variant(docs, variant_name)
    if half == "even":
        docs = docs[0::2]
    elif half == "odd":
        docs = docs[1::2]
    return docs


def scores(predicted: list[list], gold: list[list]) -> dict[str, float]:
    """Strict and lax precision, recall and F1 over all documents (beads with an empty side left out)."""
    counts = {"strict": [0, 0], "lax": [0, 0]}  # [predicted beads correct, gold beads found]
    n_pred = n_gold = 0
    for pred_doc, gold_doc in zip(predicted, gold):
        pred = [(tuple(k), tuple(e)) for k, e in pred_doc if k and e]
        true = [(tuple(k), tuple(e)) for k, e in gold_doc if k and e]
        n_pred, n_gold = n_pred + len(pred), n_gold + len(true)
        true_set, pred_set = set(true), set(pred)
        counts["strict"][0] += sum(b in true_set for b in pred)
        counts["strict"][1] += sum(b in pred_set for b in true)
        true_links = {(i, j) for k, e in true for i in k for j in e}
        pred_links = {(i, j) for k, e in pred for i in k for j in e}
        counts["lax"][0] += sum(any((i, j) in true_links for i in k for j in e) for k, e in pred)
        counts["lax"][1] += sum(any((i, j) in pred_links for i in k for j in e) for k, e in true)
    out = {}
    for name, (right, found) in counts.items():
        p, r = right / max(n_pred, 1), found / max(n_gold, 1)
        out[name] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def run_diglot(docs: list[dict], matcher) -> tuple[list[list], float]:
    """Beads of each document, and the CPU time from its lines (boilerplate marked, as
    ``diglot align --presplit`` does) to its beads."""
    start = time.process_time()
    pairs = [
        ([Segment(t, i, is_boilerplate(t, "ko")) for i, t in enumerate(d["ko"])],
         [Segment(t, i, is_boilerplate(t, "en")) for i, t in enumerate(d["en"])])
        for d in docs
    ]  # fmt: skip
    results = align_many(pairs, "ko", "en", matcher=matcher)
    elapsed = time.process_time() - start
    return [[b.as_lists() for b in beads] for beads in results], elapsed


def run_gale_church(docs: list[dict]) -> tuple[list[list], float]:
    start = time.process_time()
    results = [[[list(k), list(e)] for k, e in gale_church(d["ko"], d["en"])] for d in docs]
    return results, time.process_time() - start


WARM_UP = DEV.parent / "jhe-koen-dev"


def warm_up_documents() -> list[dict]:
    """Forty general-domain pairs, none of them in the dev documents."""
    ko = WARM_UP.with_suffix(".ko").read_text(encoding="utf-8").splitlines()[:40]
    en = WARM_UP.with_suffix(".en").read_text(encoding="utf-8").splitlines()[:40]
    return [{"id": "warm-up", "ko": ko, "en": en}]


def run(name: str, docs: list[dict], no_glossary: bool) -> tuple[list[list], float]:
    if name == "diglot":
        return run_diglot(docs, None if no_glossary else Matcher(load_glossary(), ["ko", "en"]))
    return run_gale_church(docs)


def fastest(name: str, args: argparse.Namespace) -> float:
    """The least CPU time of ``args.repeat`` runs, each in a fresh process."""
    command = [sys.executable, __file__, "--worker", name, "--data", str(args.data)]
    command += ["--half", args.half] if args.half else []
    command += ["--variant", args.variant] if args.variant else []
    command += ["--warm"] if args.warm else []
    command += ["--no-glossary"] if args.no_glossary else []
    return min(float(subprocess.run(command, capture_output=True, text=True, check=True).stdout) for _ in range(args.repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEV, help="documents with gold beads (JSON Lines)")
    parser.add_argument("--half", choices=("even", "odd"), help="only every other document")
    parser.add_argument("--variant", choices=sorted(VARIANTS), help="a harder version of the documents")
    parser.add_argument("--no-glossary", action="store_true", help="align without the curated glossary")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per aligner, each in a fresh process")
    parser.add_argument(
        "--warm", action="store_true", help="align the documents once untimed first (caches warm, as in a long batch)"
    )
    parser.add_argument("--worker", choices=("diglot", "Gale-Church"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    docs = read_documents(args.data, args.half, args.variant)
    if args.worker:  # one timed run, for fastest()
        run(args.worker, docs if args.warm else warm_up_documents(), args.no_glossary)
        print(run(args.worker, docs, args.no_glossary)[1])
        return
    gold = [d["gold"] for d in docs]
    pairs = sum(len(d["ko"]) for d in docs)
    rows = []
    for name in ("diglot", "Gale-Church"):
        predicted, _ = run(name, docs, args.no_glossary)
        s = scores(predicted, gold)
        rows.append((name, *s["strict"], *s["lax"], pairs / fastest(name, args)))
    print(f"{len(docs)} documents, {pairs} Korean lines, {sum(len(d['en']) for d in docs)} English lines")
    print(f"{'aligner':<12} {'strict P':>8} {'R':>6} {'F1':>6}   {'lax P':>6} {'R':>6} {'F1':>6}   {'pairs/s':>8}")
    for name, sp, sr, sf, lp, lr, lf, speed in rows:
        print(f"{name:<12} {sp:8.4f} {sr:6.4f} {sf:6.4f}   {lp:6.4f} {lr:6.4f} {lf:6.4f}   {speed:8.0f}")


if __name__ == "__main__":
    main()

"""Pairing an unpaired archive: precision and recall on real news, and how time grows with size.

Quality, two archives. First: the 38 dev documents of ``ko-en-news.dev.jsonl`` and 100 more articles of ten
consecutive lines of ``korean-english-park.dev.*``, each side written to its own folder under
random names, with 72 unrelated distractor documents (ten lines each of ``jhe-koen-dev``, which
is not news) on one side only: 36 Korean ones without an English partner, 36 English ones
without a Korean partner. Second, distractors that are news too: the park lines in articles of
six consecutive lines, shuffled with a fixed seed; half of them paired, a quarter Korean only, a
quarter English only (a distractor is often the neighbour of a paired article, cut from the same
story: the hardest case). Every document is read from its file, as ``diglot pair KO_DIR EN_DIR``
reads it.

Scale: 1,000 × 1,000 and 10,000 × 10,000 documents of eight lines drawn (with a fixed seed)
from the same line pairs, each pair with its own digits; the time per document at 10,000 against that at 1,000 says whether
pairing grows linearly (1.0) or with the square of the archive (10).

    python benchmarks/pair_eval.py [--scale-only|--quality-only] [--data DIR]

``--data DIR``: a folder holding files of the same names (held-out documents, say), instead of
``data/korean-parallel-corpora/``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from diglot.pair import Document, pair_documents, read_folder

DATA = Path(__file__).resolve().parents[1] / "data" / "korean-parallel-corpora"
ARTICLE_LINES = 10


def _lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").splitlines()


def news_set(rng: random.Random) -> tuple[list[tuple[list[str], list[str]]], list[list[str]], list[list[str]]]:
    """The park lines as articles of six lines: half paired, a quarter Korean only, a quarter English only."""
    park_ko, park_en = _lines("korean-english-park.dev.ko"), _lines("korean-english-park.dev.en")
    articles = [(park_ko[s : s + 6], park_en[s : s + 6]) for s in range(0, len(park_ko), 6)]
    rng.shuffle(articles)
    quarter = len(articles) // 4
    ko_only = [ko for ko, _en in articles[2 * quarter : 3 * quarter]]
    return articles[: 2 * quarter], ko_only, [en for _ko, en in articles[3 * quarter :]]


def dev_set() -> tuple[list[tuple[list[str], list[str]]], list[list[str]], list[list[str]]]:
    """(true pairs of ko and en lines, Korean distractors, English distractors)."""
    pairs = []
    for line in (DATA / "ko-en-news.dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        pairs.append((record["ko"], record["en"]))
    park_ko, park_en = _lines("korean-english-park.dev.ko"), _lines("korean-english-park.dev.en")
    for start in range(0, len(park_ko), ARTICLE_LINES):
        pairs.append((park_ko[start : start + ARTICLE_LINES], park_en[start : start + ARTICLE_LINES]))
    jhe_ko, jhe_en = _lines("jhe-koen-dev.ko"), _lines("jhe-koen-dev.en")
    groups = [(jhe_ko[s : s + ARTICLE_LINES], jhe_en[s : s + ARTICLE_LINES]) for s in range(0, len(jhe_ko), ARTICLE_LINES)]
    half = len(groups) // 2
    return pairs, [ko for ko, _en in groups[:half]], [en for _ko, en in groups[half:]]


def quality(name: str, archive, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    pairs, ko_only, en_only = archive
    with tempfile.TemporaryDirectory() as tmp:
        ko_dir, en_dir = Path(tmp, "ko"), Path(tmp, "en")
        ko_dir.mkdir(), en_dir.mkdir()
        names = rng.sample(range(10**8), 2 * (len(pairs)) + len(ko_only) + len(en_only))
        gold = set()
        for ko, en in pairs:
            ko_path, en_path = ko_dir / f"{names.pop():08d}.txt", en_dir / f"{names.pop():08d}.txt"
            ko_path.write_text("\n".join(ko) + "\n", encoding="utf-8")
            en_path.write_text("\n".join(en) + "\n", encoding="utf-8")
            gold.add((str(ko_path), str(en_path)))
        for folder, documents in ((ko_dir, ko_only), (en_dir, en_only)):
            for lines in documents:
                (folder / f"{names.pop():08d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        start = time.perf_counter()
        found = pair_documents(read_folder(ko_dir, "ko"), read_folder(en_dir, "en"))
        seconds = time.perf_counter() - start
    predicted = {(p.korean.id, p.english.id) for p in found}
    right = len(predicted & gold)
    precision, recall = right / max(len(predicted), 1), right / len(gold)
    print(f"quality, {name}: {len(pairs)} true pairs, {len(ko_only)} + {len(en_only)} distractors, "
          f"{len(pairs) + len(ko_only)} x {len(pairs) + len(en_only)} documents")  # fmt: skip
    print(f"  pairs found {len(predicted)}, right {right}: precision {precision:.3f}, recall {recall:.3f} "
          f"({seconds:.1f} s)")  # fmt: skip
    wrong = sorted((p.score, p.korean.id, p.english.id) for p in found if (p.korean.id, p.english.id) not in gold)
    if wrong:
        print(f"  wrong pairs' scores: {', '.join(f'{s:.3f}' for s, _k, _e in wrong)}")
    lowest = min((p.score for p in found if (p.korean.id, p.english.id) in gold), default=0)
    print(f"  lowest right score {lowest:.3f}")


def synthetic(count: int, rng: random.Random) -> tuple[list[Document], list[Document]]:
    """``count`` pairs of eight-line documents drawn from the line-parallel data, shuffled apart."""
    ko_lines = _lines("korean-english-park.dev.ko") + _lines("jhe-koen-dev.ko")
    en_lines = _lines("korean-english-park.dev.en") + _lines("jhe-koen-dev.en")
    korean, english = [], []
    for number in range(count):
        picks = rng.sample(range(len(ko_lines)), 8)
        # each pair's own digits (1-9 permuted, 0 kept, both sides alike: 2만 and 20,000 stay one
        # number), so that a drawn line's numbers are not shared by every document that drew it
        digits = rng.sample("123456789", 9)
        table = str.maketrans("123456789", "".join(digits))
        korean.append(Document(f"ko-{number}", "ko", tuple(ko_lines[i].translate(table) for i in picks)))
        english.append(Document(f"en-{number}", "en", tuple(en_lines[i].translate(table) for i in picks)))
    rng.shuffle(english)
    return korean, english


def scale(rng: random.Random) -> None:
    per_document = {}
    for count in (1000, 10000):
        korean, english = synthetic(count, rng)
        start = time.process_time()  # CPU time: the machine may be busy with other work
        found = pair_documents(korean, english)
        seconds = time.process_time() - start
        right = sum(p.korean.id[3:] == p.english.id[3:] for p in found)
        per_document[count] = seconds / count
        print(f"scale: {count:,} x {count:,} documents in {seconds:.1f} CPU s ({1000 * seconds / count:.2f} ms a "
              f"document; {right} of {len(found)} pairs right)")  # fmt: skip
    print(f"  time per document at 10,000 / at 1,000: {per_document[10000] / per_document[1000]:.2f} "
          f"(1.0 linear, 10 quadratic)")  # fmt: skip


def main(argv: list[str]) -> None:
    global DATA
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale-only", action="store_true")
    parser.add_argument("--quality-only", action="store_true")
    parser.add_argument("--data", type=Path, default=DATA, help="the folder of the data files (default: %(default)s)")
    args = parser.parse_args(argv)
    DATA = args.data
    if not args.scale_only:
        quality("dev documents and park articles, non-news distractors", dev_set(), random.Random(15))
        quality("park articles, news distractors", news_set(random.Random(6)), random.Random(15))
    if not args.quality_only:
        scale(random.Random(15))


if __name__ == "__main__":
    main(sys.argv[1:])

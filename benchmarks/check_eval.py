"""Precision and recall of ``diglot check`` on real news pairs, beside its perturbation accuracy.

Runs today's check over the line-parallel news dev pairs (``korean-english-park.dev.{ko,en}``,
both directions, with ``--presplit`` as the CLI does) and scores its findings against
``benchmarks/data/check-judged-dev.tsv``, where every finding of an earlier check was judged true
or false by a bilingual reading (the method is written at the top of that file). A reported
finding is matched to a judged row by its key (direction, line, status, entry, expected, found),
never by its place in the output. Printed, for each half of the data (A: lines 1-500, the half
tuned on; B: lines 501-1000, held back) and in all:

* precision: true findings reported / judged findings reported;
* recall: true findings still reported / all true findings judged;
* unjudged: findings reported that no judged row has (listed with ``--show-unjudged``; they must
  be judged and added to the file, never counted as true or false);
* the causes of the false alarms still reported.

Beside it, in the same run: the status accuracy on perturbed pairs built deterministically from
the same data (a preferred rendering replaced by a variant or a forbidden form, or removed; a
number changed), checked one pair at a time as the unit tests do, and whether ``fix_text`` keeps
every byte outside the span it fixes.

    python benchmarks/check_eval.py
    python benchmarks/check_eval.py --show-unjudged
    python benchmarks/check_eval.py --show-false     # the false alarms still reported, with their notes
    python benchmarks/check_eval.py --show-true-notes  # true findings the report hides as notes
    python benchmarks/check_eval.py --glossary other/  # with another glossary
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from diglot.check import check_pair, check_presplit, fails, fix_text, is_problem
from diglot.check.numbers import compare_numbers
from diglot.check.terms import derived_rendering, qualifier
from diglot.doc import Finding
from diglot.glossary import FORBIDDEN, VARIANT, Matcher, load_glossary
from diglot.numbers import extract_numbers
from diglot.textio import read_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "korean-parallel-corpora" / "korean-english-park.dev"
JUDGED = ROOT / "benchmarks" / "data" / "check-judged-dev.tsv"
HALF_B_FROM = 501  # lines 1-500 are half A, 501-1000 half B
KEY_FIELDS = ("direction", "line", "status", "entry", "expected", "found")


@dataclass
class Judged:
    verdict: str  # "T" or "F"
    cause: str
    note: str


def read_judged(path: Path) -> dict[tuple[str, ...], list[Judged]]:
    """Judged rows by key; a key may hold several rows (one term named twice in a line)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    judged: dict[tuple[str, ...], list[Judged]] = {}
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t")))
        key = tuple(row[field] for field in KEY_FIELDS)
        judged.setdefault(key, []).append(Judged(row["verdict"], row["cause"], row["note"]))
    return judged


def key_of(direction: str, finding: Finding) -> tuple[str, ...]:
    line = finding.bead + 1 if finding.bead is not None else 0
    return (direction, str(line), finding.status, finding.entry or "", finding.expected or "", finding.found or "")


def half_of(line: str) -> str:
    return "A" if int(line) < HALF_B_FROM else "B"


def score(texts: dict[str, tuple[str, str]], matcher: Matcher, judged: dict, args: argparse.Namespace) -> None:
    unused = {key: list(rows) for key, rows in judged.items()}
    reported: list[tuple[tuple[str, ...], Judged, bool]] = []  # with whether the report shows it by default
    unjudged: list[tuple[tuple[str, ...], Finding]] = []
    for direction, (source, target) in texts.items():
        src_lang, tgt_lang = direction.split("-")
        report = check_presplit(source, target, src_lang, tgt_lang, matcher)
        for finding in report.findings:
            if not is_problem(finding.status):
                continue
            key = key_of(direction, finding)
            if unused.get(key):
                reported.append((key, unused[key].pop(0), fails(finding)))
            else:
                unjudged.append((key, finding))
    all_true = Counter(half_of(key[1]) for key, rows in judged.items() for row in rows if row.verdict == "T")
    print(f"judged set: {sum(len(r) for r in judged.values())} findings, {sum(all_true.values())} true")
    print("shown: errors and warnings, what the report shows by default; +notes: with the notes (--notes).")
    print("recall: true findings shown by default / all true findings judged.")
    header = f"{'half':<6}{'':<8}{'reported':>9}{'true':>6}{'false':>6}{'precision':>10}{'recall':>8}{'unjudged':>9}"
    print(header)
    for half in ("A", "B", "all"):
        judged_true = sum(all_true.values()) if half == "all" else all_true[half]
        shown_true = sum(j.verdict == "T" for key, j, shown in reported if shown and half in ("all", half_of(key[1])))
        for label, with_notes in (("shown", False), ("+notes", True)):
            mine = [j for key, j, shown in reported if (shown or with_notes) and half in ("all", half_of(key[1]))]
            true = sum(j.verdict == "T" for j in mine)
            extra = sum(half in ("all", half_of(key[1])) and (with_notes or fails(f)) for key, f in unjudged)
            precision = true / len(mine) if mine else 1.0
            recall = f"{shown_true / judged_true:>8.3f}" if judged_true and not with_notes else f"{'':>8}"
            print(f"{half:<6}{label:<8}{len(mine):>9}{true:>6}{len(mine) - true:>6}{precision:>10.3f}{recall}{extra:>9}")
    causes = Counter(j.cause for _, j, shown in reported if j.verdict == "F" and shown)
    print("false alarms still shown by default, by cause:", ", ".join(f"{c} {n}" for c, n in causes.most_common()) or "none")
    notes = Counter(j.cause for _, j, shown in reported if j.verdict == "T" and not shown)
    print("true findings now notes, by cause:", ", ".join(f"{c} {n}" for c, n in notes.most_common()) or "none")
    lost = Counter(j.cause for key, rows in unused.items() for j in rows if j.verdict == "T")
    print("true findings no longer reported, by cause:", ", ".join(f"{c} {n}" for c, n in lost.most_common()) or "none")
    if args.show_false:
        for key, j, shown in sorted(reported, key=lambda r: (r[0][0], int(r[0][1]))):
            if j.verdict == "F":
                print("  false:" if shown else "  false (note):", " | ".join(key), "|", j.cause, "|", j.note)
    if args.show_true_notes:
        for key, j, shown in sorted(reported, key=lambda r: (r[0][0], int(r[0][1]))):
            if j.verdict == "T" and not shown:
                print("  true (note):", " | ".join(key), "|", j.cause, "|", j.note)
    if args.show_lost:
        for key, rows in sorted(unused.items(), key=lambda r: (r[0][0], int(r[0][1]))):
            for j in rows:
                if j.verdict == "T":
                    print("  lost:", " | ".join(key), "|", j.cause, "|", j.note)
    if args.show_unjudged:
        for key, finding in unjudged:
            direction, line = key[0], int(key[1])
            source, target = (texts[direction][0].split("\n")[line - 1], texts[direction][1].split("\n")[line - 1])
            print("  unjudged:", "\t".join(key), "|", finding.message)
            print("     src:", source)
            print("     tgt:", target)


@dataclass
class Perturbed:
    source: str
    target: str
    src_lang: str
    tgt_lang: str
    status: str  # the status the check must give
    entry: str | None
    span: tuple[int, int]  # where the target was changed


def perturbations(texts: dict[str, tuple[str, str]], matcher: Matcher) -> list[Perturbed]:
    """Deterministic perturbations of the dev pairs: for each ok rendering of an entry, the same
    pair with a variant, with a forbidden form, and with the rendering removed (unless the source
    names a place only to qualify a noun, which a translation may leave out); for each number
    rendered the same on both sides, the pair with that number changed."""
    out = []
    glossary = matcher.glossary
    for direction, (source_text, target_text) in texts.items():
        src_lang, tgt_lang = direction.split("-")
        for source, target in zip(source_text.split("\n"), target_text.split("\n")):
            findings = check_pair(source, target, src_lang, tgt_lang, matcher)
            if any(f.status in (VARIANT, FORBIDDEN) for f in findings):
                continue  # a pair --fix would touch elsewhere too: byte-exactness could not be told
            for finding in findings:
                if finding.status != "ok" or not finding.tgt_span or not finding.entry:
                    continue
                start, end = finding.tgt_span
                terms = glossary.get(finding.entry).langs[tgt_lang]  # type: ignore[union-attr]
                if target[start:end].lower() != terms.preferred.lower():
                    continue  # an adjective or a reference: replacing it would not read as a variant
                for status, forms in ((VARIANT, terms.variants), (FORBIDDEN, terms.forbidden)):
                    if forms:
                        changed = target[:start] + forms[0] + target[end:]
                        span = (start, start + len(forms[0]))
                        out.append(Perturbed(source, changed, src_lang, tgt_lang, status, finding.entry, span))
                if (
                    target.count(target[start:end]) == 1
                    and not _other_renderings(target, tgt_lang, finding, matcher)
                    and not derived_rendering(removed := target[:start] + "them" + target[end:], glossary.get(finding.entry), tgt_lang)  # type: ignore[arg-type]
                    and not _may_be_left_implicit(source, src_lang, finding, matcher)
                ):
                    out.append(Perturbed(source, removed, src_lang, tgt_lang, "missing", finding.entry, (start, start + 4)))
            out += _number_perturbations(source, target, src_lang, tgt_lang, findings)
    return out


def _may_be_left_implicit(source: str, lang: str, finding: Finding, matcher: Matcher) -> bool:
    """A place named only to qualify a noun (중국 정부): a translation may leave it out, so removing
    its rendering makes no error to find (diglot.check.terms)."""
    entry = matcher.glossary.get(finding.entry)  # type: ignore[arg-type]
    return any(
        (m.start, m.end) == finding.src_span and qualifier(m, source, lang, entry)  # type: ignore[arg-type]
        for m in matcher.find(source, lang)
    )


def _other_renderings(target: str, lang: str, finding: Finding, matcher: Matcher) -> bool:
    return sum(m.entry == finding.entry for m in matcher.find(target, lang)) > 1


def _number_perturbations(source: str, target: str, src_lang: str, tgt_lang: str, findings: list[Finding]) -> list[Perturbed]:
    """The pair with its first figure changed (20,000 -> 30,000), where all its numbers agree.

    A figure is a number the check reports when it is left alone: not one it never reports alone
    (an ordinal, a date said as a weekday, a conversion in brackets; see diglot.check.numbers),
    whose change would rightly go unreported."""
    if any(f.status.startswith("number") for f in findings):
        return []
    src_values = {n.value for n in extract_numbers(source, src_lang)}
    for number in extract_numbers(target, tgt_lang):
        if number.spelled or number.value not in src_values or not re.fullmatch(r"\d[\d,.]*", number.text):
            continue
        new = str(int(number.text[0]) % 9 + 1) + number.text[1:]  # 20,000 -> 30,000; 9 -> 1
        changed = target[: number.start] + new + target[number.end :]
        left = compare_numbers(source, changed, src_lang, tgt_lang)
        if any(n.mention.start == number.start for n in left.target) and left.source:
            return [Perturbed(source, changed, src_lang, tgt_lang, "number-changed", None, (number.start, number.end))]
    return []


def perturbation_accuracy(cases: list[Perturbed], matcher: Matcher) -> None:
    right = Counter()
    total = Counter()
    fix_total = fix_exact = 0
    for case in cases:
        findings = check_pair(case.source, case.target, case.src_lang, case.tgt_lang, matcher)
        total[case.status] += 1
        hit = [f for f in findings if f.status == case.status and f.entry == case.entry]
        if case.status == "number-changed":
            hit = [f for f in hit if f.tgt_span and f.tgt_span[0] == case.span[0]]
        if hit:
            right[case.status] += 1
        if case.status in (VARIANT, FORBIDDEN) and hit:
            fix_total += 1
            fixed = fix_text(case.target, findings, matcher.glossary, case.tgt_lang)
            start, end = case.span
            head = max(0, start - 3)  # an "a"/"an" before the term may change with it
            tail = len(case.target) - end
            if fixed[:head] == case.target[:head] and fixed[len(fixed) - tail :] == case.target[end:]:
                fix_exact += 1
    n = sum(total.values())
    print(f"perturbation: {n} pairs, status accuracy {sum(right.values()) / n:.3f}", end="  (")
    print(", ".join(f"{s} {right[s]}/{total[s]}" for s in total), end=")\n")
    print(f"--fix byte-exact outside the fixed span: {fix_exact}/{fix_total}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--judged", type=Path, default=JUDGED)
    parser.add_argument("--glossary", type=Path, action="append", help="glossary files or folders (default: the curated one)")
    parser.add_argument("--show-unjudged", action="store_true", help="list the findings no judged row has")
    parser.add_argument("--show-false", action="store_true", help="list the false alarms still reported")
    parser.add_argument("--show-true-notes", action="store_true", help="list the true findings reported only as notes")
    parser.add_argument("--show-lost", action="store_true", help="list the true findings no longer reported")
    args = parser.parse_args()
    korean, english = read_text(str(DATA) + ".ko"), read_text(str(DATA) + ".en")
    texts = {"ko-en": (korean, english), "en-ko": (english, korean)}
    matcher = Matcher(load_glossary(args.glossary), ["ko", "en"])
    score(texts, matcher, read_judged(args.judged), args)
    perturbation_accuracy(perturbations(texts, matcher), matcher)


if __name__ == "__main__":
    main()

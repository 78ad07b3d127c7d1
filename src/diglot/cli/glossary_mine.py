"""``diglot glossary mine | review | consistency``: grow the glossary from aligned text.

Registered into the ``diglot glossary`` group by :func:`register` (called from
:mod:`diglot.cli.glossary`); a thin layer over :mod:`diglot.mine`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from pathlib import Path
from typing import Iterator

from rich.table import Table
from rich.text import Text

from diglot.cli.common import add_force_option, add_glossary_option
from diglot.cli.output import print_error, stderr, stdout
from diglot.errors import EXIT_FINDINGS, EXIT_OK, DiglotError
from diglot.glossary import TYPES, Entry, Glossary, Matcher, default_glossary_dir, load_glossary
from diglot.glossary.formats import get_format
from diglot.i18n import N_, _
from diglot.mine import BeadText, propose, read_file_pairs, read_jsonl
from diglot.mine.consistency import NONE, TermReport, glossary_consistency, mined_consistency
from diglot.mine.review import Review, read_entries, rejected_path, score_of
from diglot.provenance import Signature
from diglot.textio import atomic_write, check_output_path

KIND_STYLES = {"preferred": "green", "variant": "yellow", "forbidden": "red", NONE: "dim", "other": ""}
KIND_LABELS = {"preferred": N_("preferred"), "variant": N_("variant"), "forbidden": N_("forbidden")}
SHOWN_PROPOSALS = 20
EXAMPLE_WIDTH = 50


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``mine``, ``review`` and ``consistency`` to the ``diglot glossary`` subcommands."""
    p = commands.add_parser(
        "mine",
        help=_("propose new glossary entries from aligned Korean–English text"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "Align Korean and English text, find term candidates on both sides (Korean nouns and noun "
            "compounds from morphological analysis, so 탈북자들은 gives 탈북자; English noun phrases, names "
            "and acronyms), pair them by how consistently they appear in the same aligned sentences, and "
            "write the best pairs as glossary entries with status: proposed and their evidence (score, "
            "frequency, examples). Pairs already in the glossary, and pairs rejected in an earlier review "
            "of the same proposals file, are left out. Review the result with `diglot glossary review`.\n\n"
            "examples:\n"
            "  diglot glossary mine --presplit news.ko news.en -o proposals.yaml   (line i = line i)\n"
            "  diglot glossary mine article1.ko.txt article1.en.txt article2.ko.txt article2.en.txt\n"
            "  diglot glossary mine --jsonl docs.jsonl -o proposals.yaml          ({id, ko: [...], en: [...]})"
        ),
        epilog=_("Exit codes: 0 ok, 2 usage or input error. See docs/mining.md."),
    )
    _add_input_options(p)
    p.add_argument("-o", "--output", type=Path, metavar="PROPOSALS.yaml", help=_("write proposals here (default: standard output)"))
    p.add_argument("--top", type=int, default=200, metavar="N", help=_("propose at most N pairs, best first (default: 200)"))
    p.add_argument(
        "--min-count", type=int, default=2, metavar="N",
        help=_("a pair must be seen in at least N aligned sentence pairs (default: 2)"),
    )  # fmt: skip
    p.add_argument(
        "--min-pairs", type=int, default=None, metavar="N",
        help=_("mine only from at least N aligned sentence pairs; fewer are too few to tell terms from chance "
               "(default: 100)"),
    )  # fmt: skip
    add_force_option(p)
    p.set_defaults(func=run_mine)

    p = commands.add_parser(
        "review",
        help=_("accept, edit or reject proposed entries one by one"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "Go through the proposals of `diglot glossary mine` one by one: each is shown with its score and "
            "example sentences; answer a (accept), e (edit the forms, variants, type, id and note, then "
            "accept), r (reject), s (skip) or q (quit). "
            "Accepted entries are added to the glossary file with status: approved, atomically; rejected ones "
            "go to PROPOSALS.rejected.yaml and are not proposed again; decided ones leave the proposals file "
            "at once, so a later run resumes where this one stopped. With --accept-above, every proposal "
            "scoring at least SCORE is accepted without questions.\n\n"
            "examples:\n"
            "  diglot glossary review proposals.yaml --into glossaries/terms.yaml\n"
            "  diglot glossary review proposals.yaml --into mined.yaml --accept-above 3.5"
        ),
        epilog=_("Exit codes: 0 ok, 2 usage or input error."),
    )
    p.add_argument("proposals", type=Path, metavar="PROPOSALS.yaml")
    p.add_argument(
        "--into", type=Path, metavar="GLOSSARY.yaml",
        help=_("the YAML glossary file accepted entries go into (created if missing; default: terms.yaml of the curated glossaries)"),
    )  # fmt: skip
    p.add_argument("--accept-above", type=float, metavar="SCORE", help=_("accept every proposal scoring SCORE or more, without questions"))
    p.set_defaults(func=run_review)

    p = commands.add_parser(
        "consistency",
        help=_("report Korean terms rendered in more than one way across a corpus"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "Across a whole corpus of aligned text: for each glossary entry mentioned in the Korean, which of "
            "its English forms (preferred, variant, forbidden, or none) the translation uses; and for frequent "
            "terms the glossary lacks, the distinct English renderings found beside them, with counts and "
            "examples: the input for deciding a preferred form.\n\n"
            "examples:\n"
            "  diglot glossary consistency --presplit news.ko news.en\n"
            "  diglot glossary consistency --jsonl docs.jsonl --json > consistency.json"
        ),
        epilog=_(
            "Exit codes: 0 every glossary term rendered with its preferred form, 1 some rendered with a variant "
            "or forbidden form, 2 usage or input error."
        ),
    )
    _add_input_options(p)
    p.add_argument(
        "--min-count", type=int, default=3, metavar="N",
        help=_("report terms the glossary lacks when seen in at least N sentence pairs (default: 3)"),
    )  # fmt: skip
    p.add_argument("--all", action="store_true", help=_("also list terms rendered one way only"))
    p.add_argument("--json", action="store_true", help=_("write JSON for scripts instead of tables"))
    p.set_defaults(func=run_consistency)


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", metavar="FILE", help=_("Korean and English files, in pairs (either order within a pair)"))
    p.add_argument("--jsonl", metavar="DOCS.jsonl", help=_('documents, one JSON object a line: {"id", "ko": [lines], "en": [lines]}'))
    p.add_argument("--presplit", action="store_true", help=_("the file pairs are line-parallel: line i translates line i (no aligner)"))
    add_glossary_option(p)
    p.add_argument("--no-glossary", action="store_true", help=_("use no glossary (propose or report every term)"))


def _glossary(args: argparse.Namespace) -> Glossary:
    return Glossary([]) if args.no_glossary else load_glossary(args.glossary)


@contextlib.contextmanager
def _working(message: str) -> Iterator[None]:
    """A spinner on a terminal while the long part runs (Kiwi, the aligner)."""
    console = stderr()
    if console.is_terminal:
        with console.status(message):
            yield
    else:
        yield


def _beads(args: argparse.Namespace, glossary: Glossary) -> list[BeadText]:
    if args.jsonl and args.files:
        raise DiglotError(_("give either --jsonl DOCS.jsonl or file pairs, not both"))
    if not args.jsonl and not args.files:
        raise DiglotError(_("give Korean and English files in pairs, or --jsonl DOCS.jsonl"))
    matcher = Matcher(glossary, ["ko", "en"]) if len(glossary) else None
    with _working(_("aligning")):
        beads = read_jsonl(args.jsonl, matcher) if args.jsonl else read_file_pairs(args.files, args.presplit, matcher)
    if not beads:
        raise DiglotError(_("no aligned sentence pairs in the input: nothing to mine"))
    return beads


def _positive(value: int, option: str) -> None:
    if value < 1:
        raise DiglotError(_("{option} must be 1 or more").format(option=option))


def run_mine(args: argparse.Namespace) -> int:
    _positive(args.top, "--top")
    _positive(args.min_count, "--min-count")
    if args.min_pairs is not None:
        _positive(args.min_pairs, "--min-pairs")
    target = check_output_path(args.output, args.force) if args.output else None
    if target is not None and not target.parent.is_dir():
        raise DiglotError(_("{name}: no such folder").format(name=target.parent))
    glossary = _glossary(args)
    beads = _beads(args, glossary)
    exclude = []
    if target is not None:
        exclude = [(e.preferred("ko") or "", e.preferred("en") or "") for e in read_entries(rejected_path(target))]
    sources = [args.jsonl] if args.jsonl else [str(Path(f).name) for f in args.files]
    with _working(_("finding terms")):
        from diglot.mine.propose import MIN_SENTENCE_PAIRS

        entries = propose(
            beads, glossary, min_count=args.min_count, limit=args.top, exclude=exclude,
            min_pairs=MIN_SENTENCE_PAIRS if args.min_pairs is None else args.min_pairs,
            source=_("mined from {files}").format(files=", ".join(sources)),
        )  # fmt: skip
    signature = Signature.make(
        glossary=glossary.fingerprint if len(glossary) else "none", task="mine", presplit=args.presplit,
        min_count=args.min_count,
    )  # fmt: skip
    text = f"# {_('proposed by diglot glossary mine; review with `diglot glossary review`')}\n# {signature}\n"
    text += get_format("yaml").dumps(entries)
    if target is None:
        sys.stdout.write(text)
        return EXIT_OK
    atomic_write(target, text)
    console = stdout()
    console.print(_proposals_table(entries[:SHOWN_PROPOSALS], len(entries)))
    console.print(
        _("wrote {count} proposals from {beads} aligned sentence pairs to {file}").format(
            count=len(entries), beads=len(beads), file=target
        )
    )
    return EXIT_OK


def _proposals_table(entries: list[Entry], total: int) -> Table:
    table = Table(title=_("best {shown} of {total} proposals").format(shown=len(entries), total=total), title_justify="left")
    table.add_column("#", justify="right")
    table.add_column(_("Korean"))
    table.add_column(_("English"))
    table.add_column(_("score"), justify="right")
    table.add_column(_("seen together"), justify="right")
    for rank, entry in enumerate(entries, 1):
        evidence = entry.evidence or {}
        table.add_row(
            str(rank), entry.preferred("ko"), entry.preferred("en"), f"{score_of(entry):.2f}", str(evidence.get("frequency", ""))
        )
    return table


# --- review -----------------------------------------------------------------------------------

_ANSWERS = {"a": "accept", "accept": "accept", "e": "edit", "edit": "edit", "r": "reject", "reject": "reject",
            "s": "skip", "skip": "skip", "q": "quit", "quit": "quit"}  # fmt: skip


def run_review(args: argparse.Namespace) -> int:
    into = args.into or default_glossary_dir() / "terms.yaml"
    review = Review(args.proposals, into)
    pending = review.pending()
    console = stdout()
    if not pending:
        console.print(_("no proposals left to review in {file}").format(file=args.proposals))
        return EXIT_OK
    if args.accept_above is not None:
        chosen = [p for p in pending if score_of(p) >= args.accept_above]
        accepted = review.accept_many([(p, None) for p in chosen])
        console.print(
            _("accepted {count} proposals scoring {score} or more into {file}; {left} left in {proposals}").format(
                count=len(accepted), score=args.accept_above, file=into, left=len(pending) - len(chosen),
                proposals=args.proposals,
            )
        )  # fmt: skip
        return EXIT_OK
    counts = {"accept": 0, "reject": 0, "skip": 0}
    for number, proposal in enumerate(pending, 1):
        console.print(_proposal_view(proposal, number, len(pending)))
        decision = _decide(review, proposal, into)
        if decision == "quit":
            break
        counts[decision] += 1
    left = len(review.pending())
    console.print(
        _("{accepted} accepted, {rejected} rejected, {skipped} skipped; {left} left in {file}").format(
            accepted=counts["accept"], rejected=counts["reject"], skipped=counts["skip"], left=left, file=args.proposals
        )
    )
    return EXIT_OK


def _ask(question: str) -> str | None:
    """One answer from standard input; ``None`` at its end."""
    stdout().print(question, end=" ", markup=False)
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:
        stdout().print()
        return None
    return line.strip()


def _decide(review: Review, proposal: Entry, into: Path) -> str:
    """Ask until the proposal is decided; returns accept, reject, skip or quit."""
    while True:
        answer = _ask(_("[a]ccept, [e]dit, [r]eject, [s]kip, [q]uit?"))
        if answer is None:
            return "quit"
        action = _ANSWERS.get(answer.lower())
        if action is None:
            print_error(_("answer a, e, r, s or q"))
            continue
        if action in ("skip", "quit"):
            return action
        try:
            if action == "reject":
                review.reject(proposal)
                return "reject"
            changes = _edits(proposal) if action == "edit" else None
            if changes is None and action == "edit":
                return "quit"
            entry = review.accept(proposal, changes)
        except DiglotError as err:
            print_error(str(err))
            continue
        stdout().print(_("added {id} to {file}").format(id=entry.id, file=into))
        return "accept"


def _edits(proposal: Entry) -> dict[str, object] | None:
    """Ask for each field (Enter keeps it; variants: comma-separated, ``-`` for none); ``None`` if
    input ended. Returns changes in the YAML schema's shape."""
    fields = [
        ("ko", _("Korean form"), proposal.preferred("ko") or ""),
        ("ko_variants", _("Korean variants, comma-separated"), ", ".join(proposal.langs["ko"].variants)),
        ("en", _("English form"), proposal.preferred("en") or ""),
        ("en_variants", _("English variants, comma-separated"), ", ".join(proposal.langs["en"].variants)),
        ("type", _("type ({choices})").format(choices=", ".join(TYPES)), proposal.type),
        ("id", _("id"), proposal.id),
        ("note", _("note for translators"), proposal.note),
    ]
    answers: dict[str, str] = {}
    for key, label, current in fields:
        answer = _ask(f"{label} [{current}]:")
        if answer is None:
            return None
        answers[key] = answer or current
    changes: dict[str, object] = {key: answers[key] for key in ("type", "id", "note") if answers[key]}
    for lang in ("ko", "en"):
        variants = [] if answers[f"{lang}_variants"].strip() == "-" else answers[f"{lang}_variants"].split(",")
        changes[lang] = {"preferred": answers[lang], "variants": [v.strip() for v in variants if v.strip()]}
    return changes


def _proposal_view(entry: Entry, number: int, total: int) -> Table:
    ko, en = entry.preferred("ko") or "", entry.preferred("en") or ""
    evidence = entry.evidence or {}
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="bold")
    table.add_column()
    table.add_row(f"{number}/{total}", Text.assemble((ko, "bold cyan"), "  ↔  ", (en, "bold cyan")))
    table.add_row(
        "",
        _("score {score}, seen together in {together} sentence pairs (Korean in {ko}, English in {en})").format(
            score=evidence.get("score", "?"), together=evidence.get("frequency", "?"),
            ko=evidence.get("ko_frequency", "?"), en=evidence.get("en_frequency", "?"),
        ),
    )  # fmt: skip
    examples = evidence.get("examples")
    for example in examples if isinstance(examples, list) else []:
        if isinstance(example, dict):
            table.add_row(_("ko"), _highlight(str(example.get("ko", "")), ko))
            table.add_row(_("en"), _highlight(str(example.get("en", "")), en))
    return table


def _highlight(text: str, form: str) -> Text:
    """``text`` with every occurrence of ``form`` (any spacing, any case) in bold."""
    out = Text(text)
    pattern = r"\s*".join(re.escape(ch) for ch in form.replace(" ", ""))
    if pattern:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            out.stylize("bold yellow", match.start(), match.end())
    return out


# --- consistency ------------------------------------------------------------------------------


def run_consistency(args: argparse.Namespace) -> int:
    _positive(args.min_count, "--min-count")
    glossary = _glossary(args)
    beads = _beads(args, glossary)
    with _working(_("comparing renderings")):
        known = glossary_consistency(beads, glossary) if len(glossary) else []
        mined = mined_consistency(beads, glossary, min_count=args.min_count)
    if not args.all:
        known = [r for r in known if not r.is_consistent]
        mined = [r for r in mined if not r.is_consistent]
    failing = any(rendering.kind in ("variant", "forbidden") for report in known for rendering in report.renderings)
    if args.json:
        signature = Signature.make(glossary=glossary.fingerprint if len(glossary) else "none", task="consistency")
        payload = {
            "signature": signature.as_dict(),
            "sentence_pairs": len(beads),
            "glossary": [_report_dict(r) for r in known],
            "mined": [_report_dict(r) for r in mined],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
        return EXIT_FINDINGS if failing else EXIT_OK
    console = stdout()
    if len(glossary):
        console.print(_consistency_table(_("glossary terms: English forms used beside each Korean mention"), known, True))
    console.print(_consistency_table(_("terms the glossary lacks: English renderings found beside them"), mined, False))
    console.print(_("{pairs} aligned sentence pairs compared").format(pairs=len(beads)))
    return EXIT_FINDINGS if failing else EXIT_OK


def _report_dict(report: TermReport) -> dict[str, object]:
    return {
        "term": report.term,
        "entry": report.entry,
        "occurrences": report.occurrences,
        "renderings": [
            {"form": r.form, "kind": r.kind, "count": r.count, "examples": r.examples} for r in report.renderings
        ],
    }


def _consistency_table(title: str, reports: list[TermReport], with_entry: bool) -> Table:
    """One row per rendering, one section per term."""
    table = Table(title=title, title_justify="left")
    table.add_column(_("Korean"), overflow="fold", max_width=16)
    if with_entry:
        table.add_column(_("entry"), no_wrap=True, overflow="ellipsis", max_width=24)
    table.add_column(_("pairs"), justify="right", no_wrap=True)
    table.add_column(_("rendering"), overflow="fold", min_width=20, max_width=36)
    table.add_column(_("count"), justify="right", no_wrap=True)
    table.add_column(_("example"), no_wrap=True, overflow="ellipsis", max_width=EXAMPLE_WIDTH)
    for report in reports:
        for i, r in enumerate(report.renderings):
            label = r.form if r.kind != NONE else _("(none of its forms)")
            kind = f" ({_(KIND_LABELS[r.kind])})" if r.kind in KIND_LABELS else ""
            first = [report.term] + ([report.entry or ""] if with_entry else []) + [str(report.occurrences)]
            cells = (first if i == 0 else [""] * len(first)) + [
                Text(f"{label}{kind}", style=KIND_STYLES.get(r.kind, "")),
                str(r.count),
                r.examples[0] if r.examples else "",
            ]
            table.add_row(*cells, end_section=i == len(report.renderings) - 1)
    return table

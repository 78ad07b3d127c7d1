"""``diglot glossary review``: decide mined proposals one by one, at a prompt.

The decisions and the state that lets a review resume are :class:`diglot.mine.review.Review`'s;
this module only asks and shows. Registered by :mod:`diglot.cli.glossary_mine`.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from diglot.cli.common import add_command, finite_float
from diglot.errors import EXIT_OK, DiglotError
from diglot.i18n import _, ngettext

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from diglot.glossary import Entry
    from diglot.mine.review import Review

ANSWERS = {"a": "accept", "accept": "accept", "e": "edit", "edit": "edit", "r": "reject", "reject": "reject",
           "s": "skip", "skip": "skip", "q": "quit", "quit": "quit"}  # fmt: skip


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``review`` to the ``diglot glossary`` subcommands."""
    p = add_command(
        commands,
        "review",
        _(
            "Go through the proposals of `diglot glossary mine` one by one: each is shown with its type, score "
            "and example sentences; answer a (accept), e (edit the forms, variants, type, id and note, then "
            "accept), r (reject), s (skip) or q (quit). "
            "Accepted entries are added to the glossary file with status: approved, atomically; rejected ones "
            "go to PROPOSALS.rejected.yaml and are not proposed again; decided ones leave the proposals file "
            "at once, so a later run resumes where this one stopped. With --accept-above, every proposal "
            "scoring at least SCORE is accepted without questions."
        ),
        examples=[
            "diglot glossary review proposals.yaml --into glossaries/terms.yaml",
            "diglot glossary review proposals.yaml --into mined.yaml --accept-above 3.5",
        ],
        help_text=_("accept, edit or reject proposed entries one by one"),
    )
    p.add_argument("proposals", type=Path, metavar="PROPOSALS.yaml")
    p.add_argument(
        "--into", type=Path, metavar="GLOSSARY.yaml",
        help=_("the YAML glossary file accepted entries go into (created if missing; default: terms.yaml of the curated glossaries)"),
    )  # fmt: skip
    p.add_argument("--accept-above", type=finite_float, metavar="SCORE", help=_("accept every proposal scoring SCORE or more, without questions"))
    p.set_defaults(func=run_review)


def run_review(args: argparse.Namespace) -> int:
    from diglot.cli.output import stdout
    from diglot.glossary import default_glossary_dir
    from diglot.mine.review import Review, score_of

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
            ngettext(
                "accepted {count} proposal scoring {score} or more into {file}; {left} left in {proposals}",
                "accepted {count} proposals scoring {score} or more into {file}; {left} left in {proposals}",
                len(accepted),
            ).format(
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
    from diglot.cli.output import stdout

    stdout().print(question, end=" ", markup=False)
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:
        stdout().print()
        return None
    return line.strip()


def _decide(review: Review, proposal: Entry, into: Path) -> str:
    """Ask until the proposal is decided; returns accept, reject, skip or quit."""
    from diglot.cli.output import print_error, stdout

    while True:
        answer = _ask(_("[a]ccept, [e]dit, [r]eject, [s]kip, [q]uit?"))
        if answer is None:
            return "quit"
        action = ANSWERS.get(answer.lower())
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
    input ended. Returns changes in the YAML schema's shape. A side the proposal lacks (a
    hand-written proposals file) starts empty."""
    from diglot.glossary import TYPES

    def variants(lang: str) -> str:
        terms = proposal.langs.get(lang)
        return ", ".join(terms.variants) if terms is not None else ""

    fields = [
        ("ko", _("Korean form"), proposal.preferred("ko") or ""),
        ("ko_variants", _("Korean variants, comma-separated"), variants("ko")),
        ("en", _("English form"), proposal.preferred("en") or ""),
        ("en_variants", _("English variants, comma-separated"), variants("en")),
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
        given = [] if answers[f"{lang}_variants"].strip() == "-" else answers[f"{lang}_variants"].split(",")
        changes[lang] = {"preferred": answers[lang], "variants": [v.strip() for v in given if v.strip()]}
    return changes


def _proposal_view(entry: Entry, number: int, total: int) -> Table:
    from rich.table import Table
    from rich.text import Text

    ko, en = entry.preferred("ko") or "", entry.preferred("en") or ""
    evidence = entry.evidence or {}
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="bold")
    table.add_column()
    table.add_row(f"{number}/{total}", Text.assemble((ko, "bold cyan"), "  ↔  ", (en, "bold cyan"), f"  ({entry.type})"))
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
    from rich.text import Text

    out = Text(text)
    pattern = r"\s*".join(re.escape(ch) for ch in form.replace(" ", ""))
    if pattern:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            out.stylize("bold yellow", match.start(), match.end())
    return out

"""``diglot glossary consistency``: Korean terms a corpus renders in more than one way.

Registered by :mod:`diglot.cli.glossary_mine`; a thin layer over :mod:`diglot.mine.consistency`.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from diglot.cli.aligned_input import add_input_options, glossary_of
from diglot.cli.batchopts import add_batch_options
from diglot.cli.common import add_command, positive_int, working
from diglot.errors import EXIT_FINDINGS, EXIT_OK
from diglot.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from rich.table import Table

    from diglot.mine.consistency import TermReport

# "none" is diglot.mine.consistency.NONE, not imported here so that building the parser stays cheap.
KIND_STYLES = {"preferred": "green", "variant": "yellow", "forbidden": "red", "none": "dim", "other": ""}
KIND_LABELS = {"preferred": N_("preferred"), "variant": N_("variant"), "forbidden": N_("forbidden")}
EXAMPLE_WIDTH = 50


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``consistency`` to the ``diglot glossary`` subcommands."""
    p = add_command(
        commands,
        "consistency",
        _(
            "Across a whole corpus of aligned text: for each glossary entry mentioned in the Korean, which of "
            "its English forms (preferred, variant, forbidden, or none) the translation uses; and for frequent "
            "terms the glossary lacks, the distinct English renderings found beside them, with counts and "
            "examples: the input for deciding a preferred form."
        ),
        examples=[
            "diglot glossary consistency --presplit news.ko news.en",
            "diglot glossary consistency --jsonl docs.jsonl --json > consistency.json",
            "diglot glossary consistency --jsonl archive/ --out-dir candidates/ --workers 8 --json",
        ],
        exit_codes=_(
            "0 every glossary term rendered with its preferred form, 1 some rendered with a variant or forbidden "
            "form, 2 usage or input error"
        ),
        help_text=_("report Korean terms rendered in more than one way across a corpus"),
    )
    add_input_options(p)
    p.add_argument("--min-count", type=positive_int, default=3, metavar="N", help=_("report terms the glossary lacks when seen in at least N sentence pairs (default: 3)"))
    p.add_argument("--all", action="store_true", help=_("also list terms rendered one way only"))
    p.add_argument("--json", action="store_true", help=_("write JSON for scripts instead of tables"))
    add_batch_options(p)
    p.set_defaults(func=run_consistency)


def run_consistency(args: argparse.Namespace) -> int:
    from diglot.cli.output import stdout
    from diglot.mine.consistency import glossary_consistency, mined_consistency
    from diglot.provenance import Signature

    from diglot.cli.batchjobs import sharded_beads

    glossary = glossary_of(args)
    beads, table = sharded_beads(args, glossary)
    with working(_("comparing renderings")):
        known = glossary_consistency(beads, glossary) if len(glossary) else []
        mined = mined_consistency(beads, glossary, min_count=args.min_count, table=table)
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
    console.print(
        ngettext("{pairs} aligned sentence pair compared", "{pairs} aligned sentence pairs compared", len(beads)).format(
            pairs=len(beads)
        )
    )
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
    from rich.table import Table
    from rich.text import Text

    from diglot.mine.consistency import NONE

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

"""``diglot glossary mine``: propose new glossary entries from aligned text.

:func:`register` adds ``mine`` to the ``diglot glossary`` group (it is called from
:mod:`diglot.cli.glossary`), then ``review`` (:mod:`diglot.cli.glossary_review`) and
``consistency`` (:mod:`diglot.cli.glossary_consistency`). A thin layer over :mod:`diglot.mine`,
which is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from diglot.cli import glossary_consistency, glossary_review
from diglot.cli.aligned_input import add_input_options, glossary_of
from diglot.cli.batchopts import add_batch_options
from diglot.cli.common import add_command, add_force_option, glossary_inputs, positive_int, working
from diglot.errors import EXIT_OK
from diglot.i18n import _, ngettext

if TYPE_CHECKING:
    from rich.table import Table

    from diglot.glossary import Entry

SHOWN_PROPOSALS = 20
DEFAULT_MIN_PAIRS = 100  # diglot.mine.MIN_SENTENCE_PAIRS, written here so that --help imports nothing


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``mine``, ``review`` and ``consistency`` to the ``diglot glossary`` subcommands."""
    p = add_command(
        commands,
        "mine",
        _(
            "Align Korean and English text, find term candidates on both sides (Korean nouns and noun "
            "compounds from morphological analysis, so 탈북자들은 gives 탈북자; English noun phrases, names "
            "and acronyms), pair them by how consistently they appear in the same aligned sentences, and "
            "write the best pairs as glossary entries with status: proposed, a type (person, place, "
            "organization, event, title or term) and their evidence (score, frequency, examples). Names, "
            "acronyms and terms of a field rank above everyday words (police, government). Pairs already in "
            "the glossary, and pairs rejected in an earlier review of the same proposals file, are left out. "
            "Fewer than --min-pairs aligned sentence pairs are too few to mine. Review the result with "
            "`diglot glossary review`. See docs/mining.md."
        ),
        examples=[
            "diglot glossary mine --presplit news.ko news.en -o proposals.yaml",
            "diglot glossary mine article1.ko.txt article1.en.txt article2.ko.txt article2.en.txt",
            "diglot glossary mine --jsonl docs.jsonl -o proposals.yaml",
            "diglot glossary mine --jsonl archive/ --out-dir candidates/ --workers 8 -o proposals.yaml",
        ],
        help_text=_("propose new glossary entries from aligned Korean–English text"),
    )
    add_input_options(p)
    p.add_argument("-o", "--output", type=Path, metavar="PROPOSALS.yaml", help=_("write proposals here (default: standard output)"))
    p.add_argument("--top", type=positive_int, default=200, metavar="N", help=_("propose at most N pairs, best first (default: 200)"))
    p.add_argument("--min-count", type=positive_int, default=2, metavar="N", help=_("a pair must be seen in at least N aligned sentence pairs (default: 2)"))
    p.add_argument("--min-pairs", type=positive_int, default=DEFAULT_MIN_PAIRS, metavar="N", help=_("mine only from at least N aligned sentence pairs; fewer are too few to tell terms from chance (default: 100)"))
    add_force_option(p)
    add_batch_options(p)
    p.set_defaults(func=run_mine)
    glossary_review.register(commands)
    glossary_consistency.register(commands)


def run_mine(args: argparse.Namespace) -> int:
    from diglot.cli.batchjobs import sharded_beads
    from diglot.cli.output import stdout
    from diglot.glossary.formats import get_format
    from diglot.mine import Miner
    from diglot.mine.review import read_entries, rejected_path
    from diglot.textio import atomic_write, check_output_path

    inputs = [args.jsonl, *(args.files or []), *glossary_inputs(args.glossary)] if args.output else []
    target = check_output_path(args.output, args.force, inputs) if args.output else None
    glossary = glossary_of(args)
    beads, table = sharded_beads(args, glossary)
    exclude = []
    if target is not None:
        exclude = [(e.preferred("ko") or "", e.preferred("en") or "") for e in read_entries(rejected_path(target))]
    sources = [args.jsonl] if args.jsonl else [str(Path(f).name) for f in args.files]
    miner = Miner(glossary, min_count=args.min_count, min_pairs=args.min_pairs)
    with working(_("finding terms")):
        entries = miner.propose(
            beads, limit=args.top, exclude=exclude, source=_("mined from {files}").format(files=", ".join(sources)),
            table=table,
        )  # fmt: skip
    text = f"# {_('proposed by diglot glossary mine; review with `diglot glossary review`')}\n"
    text += f"# {miner.signature(presplit=args.presplit)}\n" + get_format("yaml").dumps(entries)
    if target is None:
        sys.stdout.write(text)
        return EXIT_OK
    atomic_write(target, text)
    console = stdout()
    console.print(_proposals_table(entries[:SHOWN_PROPOSALS], len(entries)))
    console.print(
        ngettext(
            "wrote {count} proposal from {beads} aligned sentence pairs to {file}",
            "wrote {count} proposals from {beads} aligned sentence pairs to {file}",
            len(entries),
        ).format(
            count=len(entries), beads=len(beads), file=target
        )
    )
    return EXIT_OK


def _proposals_table(entries: list[Entry], total: int) -> Table:
    from rich.table import Table

    from diglot.mine.review import score_of

    table = Table(title=_("best {shown} of {total} proposals").format(shown=len(entries), total=total), title_justify="left")
    table.add_column("#", justify="right")
    table.add_column(_("Korean"))
    table.add_column(_("English"))
    table.add_column(_("type"))
    table.add_column(_("score"), justify="right")
    table.add_column(_("seen together"), justify="right")
    for rank, entry in enumerate(entries, 1):
        evidence = entry.evidence or {}
        table.add_row(
            str(rank), entry.preferred("ko"), entry.preferred("en"), entry.type, f"{score_of(entry):.2f}",
            str(evidence.get("frequency", "")),
        )  # fmt: skip
    return table

"""``diglot pair``: which Korean article of an archive is the translation of which English one.

A thin layer over :mod:`diglot.pair`; ``--align`` goes on to align each pair's sentences with
:func:`diglot.align.align_many` and writes them as the edition writers' JSON lines.
"""

from __future__ import annotations

import argparse
import os
import sys

from diglot.cli.batchopts import add_batch_options, shard_texts, sharded
from diglot.cli.common import (
    add_command,
    add_force_option,
    add_glossary_option,
    add_output_option,
    finite_float,
    glossary_inputs,
)
from diglot.errors import EXIT_OK, DiglotError
from diglot.i18n import _, ngettext


def register(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        subparsers,
        "pair",
        _(
            "Find which Korean article is the translation of which English one, in an archive where nothing "
            "says so. Each document's anchors (numbers with Korean units, names through romanisation, glossary "
            "terms, Latin-script words, a seed lexicon) are looked up in an index of the other language's "
            "documents, so not every pair is compared; the best candidates are scored by a quick alignment "
            "(how many anchors have their counterpart near the same place), and pairs are taken best first, "
            "each document at most once, down to a threshold: articles without a partner stay unpaired."
        )
        + "\n\n"
        + _("Writes KO TAB EN TAB SCORE a line, best first, after a # line with the signature."),
        examples=[
            "diglot pair archive/ko/ archive/en/ -o pairs.tsv",
            "diglot pair --jsonl articles.jsonl --date-window 2 -o pairs.tsv",
            "diglot pair archive/ko/ archive/en/ -o pairs.tsv --align aligned.jsonl",
            "diglot pair --jsonl 'archive/*.jsonl.gz' --out-dir anchors/ --workers 8 -o pairs.tsv",
        ],
    )
    p.add_argument("folders", nargs="*", metavar="DIR", help=_("the folder of Korean articles, then that of English ones"))
    p.add_argument(
        "--jsonl",
        metavar="DOCS.jsonl",
        help=_(
            "read documents of both languages from JSON lines instead: "
            '{"id", "lang": "ko"|"en", "date"?: "YYYY-MM-DD", "text" or "lines"}'
        ),
    )
    add_output_option(p)
    add_force_option(p)
    p.add_argument(
        "--date-window",
        type=int,
        metavar="DAYS",
        help=_("never pair two documents whose dates (where known) are more than DAYS apart"),
    )
    p.add_argument(
        "--threshold",
        type=finite_float,
        metavar="SCORE",
        help=_("the lowest score of a pair, a probability from 0 to 1 (default: {score})").format(score="0.5"),
    )
    p.add_argument(
        "--align",
        metavar="OUT.jsonl",
        help=_("also align the sentences of every pair and write them here (the edition's JSON lines, one edition a pair)"),
    )
    add_glossary_option(p, _("glossary whose terms are anchors; repeat to combine (default: the curated glossaries)"))
    p.add_argument("--no-glossary", action="store_true", help=_("do not use glossary terms as anchors"))
    add_batch_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from diglot.cli.align import _matcher  # the glossary's anchors, as align takes them
    from diglot.pair import THRESHOLD, pair_documents, read_documents, read_folder, signature
    from diglot.textio import atomic_write, check_output_path

    if args.jsonl and args.folders:
        raise DiglotError(_("give either --jsonl DOCS.jsonl or two folders, not both"))
    if not args.jsonl and len(args.folders) != 2:
        raise DiglotError(_("give two folders (Korean articles, then English ones), or --jsonl DOCS.jsonl"))
    if not args.jsonl and all(os.path.isdir(f) for f in args.folders) and os.path.samefile(*args.folders):
        # every article would be read as both languages, and each paired with itself
        raise DiglotError(_("{name} is given as both the Korean and the English folder").format(name=args.folders[1]))
    if args.threshold is not None and not 0 <= args.threshold <= 1:
        raise DiglotError(_("--threshold must be a probability from 0 to 1, not {value}").format(value=args.threshold))
    if args.date_window is not None and args.date_window < 0:
        raise DiglotError(_("--date-window must be a number of days, 0 or more"))
    inputs = [args.jsonl] if args.jsonl and not any(c in args.jsonl for c in "*?[") else []
    inputs += glossary_inputs(args.glossary) if not args.no_glossary else []
    target = check_output_path(args.output, args.force, inputs) if args.output else None
    aligned = check_output_path(args.align, args.force, inputs) if args.align else None
    if target and aligned and os.path.abspath(target) == os.path.abspath(aligned):
        raise DiglotError(_("-o and --align name the same file, {name}: give each its own").format(name=target))
    anchors = None
    if sharded(args, merged=True):
        # each shard's documents and their anchors from the workers; the index and assignment here
        from diglot.cli.batchjobs import read_anchored

        texts = shard_texts(args, "diglot.cli.batchjobs:AnchorsJob", glossary=args.glossary, no_glossary=args.no_glossary)
        documents, found = read_anchored(texts)
        anchors = [a for d, a in zip(documents, found) if d.lang == "ko"] + [a for d, a in zip(documents, found) if d.lang == "en"]
    elif args.jsonl:
        documents = read_documents(args.jsonl)
    if args.jsonl:
        korean = [d for d in documents if d.lang == "ko"]
        english = [d for d in documents if d.lang == "en"]
    else:
        korean, english = read_folder(args.folders[0], "ko"), read_folder(args.folders[1], "en")
    matcher, glossary_id = _matcher(args)
    threshold = THRESHOLD if args.threshold is None else args.threshold
    pairs = pair_documents(
        korean, english, matcher=matcher, date_window=args.date_window, threshold=threshold, anchors=anchors
    )
    stamp = signature(glossary_id, date_window=args.date_window, threshold=threshold)
    text = f"# {stamp}\n" + "".join(f"{p.korean.id}\t{p.english.id}\t{p.score:.4f}\n" for p in pairs)
    if target:
        atomic_write(target, text)
    else:
        sys.stdout.write(text)
    if aligned:
        atomic_write(aligned, _alignments(pairs, matcher, stamp))
    from diglot.cli.output import stderr

    stderr().print(
        ngettext("{n} pair", "{n} pairs", len(pairs)).format(n=len(pairs))
        + "; "
        + _("unpaired: {ko} Korean, {en} English").format(ko=len(korean) - len(pairs), en=len(english) - len(pairs)),
        markup=False,
        highlight=False,
    )
    return EXIT_OK


def _alignments(pairs, matcher, stamp) -> str:  # type: ignore[no-untyped-def]
    """Every pair's sentences aligned (together, so the lexicon learns from them all), as editions' JSON lines."""
    from diglot.align import align_many
    from diglot.doc import AlignedDocument
    from diglot.edition import make_edition, render_edition
    from diglot.segment import segment

    sides = [(segment("\n".join(p.korean.lines), "ko"), segment("\n".join(p.english.lines), "en")) for p in pairs]
    results = align_many(sides, "ko", "en", matcher=matcher)
    return "".join(
        render_edition(
            make_edition(AlignedDocument(f"{p.korean.id}\t{p.english.id}", "ko", "en", ko, en, beads),
                         signature=stamp, findings=[]),
            "jsonl",
        )
        for p, (ko, en), beads in zip(pairs, sides, results)
    )

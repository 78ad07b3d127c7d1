"""``diglot edition``: two versions of an article side by side, or as a translation-exchange file."""

from __future__ import annotations

import argparse
from pathlib import Path

from diglot.cli.common import (
    add_command,
    add_date_option,
    add_force_option,
    add_glossary_option,
    add_output_option,
    glossary_from_args,
    glossary_inputs,
    refuse_stdin_twice,
    working,
)
from diglot.errors import EXIT_OK
from diglot.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    from diglot.edition import WRITERS

    parser = add_command(
        subparsers,
        "edition",
        _(
            "Segment and align an article and its translation, find the glossary terms on both sides, "
            "check the translation, and write the result. The first file is the source (the left column); "
            "the languages are told by their script."
        )
        + "\n\n"
        + _("formats (default: from the suffix of -o):")
        + "\n"
        + WRITERS.help(),
        examples=[
            "diglot edition seeds/000_4cf5f6c82bb4f27d.txt seeds/000_4cf5f6c82bb4f27d.ko.txt -o article.html",
            "diglot edition article.ko.txt article.en.txt -o article.tmx",
            "diglot edition a.txt b.txt -o review.xlf -g glossaries/ -g newsroom.yaml --force",
        ],
        exit_codes=_("0 written (findings are part of the edition), 2 usage or input error"),
    )
    parser.add_argument("source", metavar="FILE_A", help=_("the article as first written: the left column"))
    parser.add_argument("target", metavar="FILE_B", help=_("its translation, in the other language"))
    add_output_option(parser, required=True)
    parser.add_argument("--format", choices=WRITERS.names(), help=_("output format (default: from the suffix of OUT)"))
    add_glossary_option(parser)
    add_date_option(parser)
    parser.add_argument(
        "--no-glossary", action="store_true", help=_("align only: no glossary terms, no check findings")
    )
    add_force_option(parser)
    parser.set_defaults(func=run_edition)


def document_id(path: str) -> str:
    """The document id a file name gives: its name up to the first dot (``article.ko.txt`` → ``article``)."""
    return "stdin" if path == "-" else Path(path).name.split(".")[0] or Path(path).name


def run_edition(args: argparse.Namespace) -> int:
    from diglot.segment import warm_up
    from diglot.textio import check_output_path, read_text

    refuse_stdin_twice([args.source, args.target])
    # Refuse a bad output before the slow work, not after.
    output = check_output_path(args.output, args.force, [args.source, args.target, *glossary_inputs(args.glossary)])
    warm_up()  # one side is Korean: Kiwi loads while the rest is imported and the glossary read
    from diglot.cli.output import stdout
    from diglot.edition import build_edition, format_for_path, write_edition

    fmt = args.format or format_for_path(output)
    text_a, text_b = read_text(args.source), read_text(args.target)
    glossary = None if args.no_glossary else glossary_from_args(args)
    with working(_("Aligning and checking…")):
        edition = build_edition(
            text_a, text_b, glossary, doc_id=document_id(args.source), names=(args.source, args.target)
        )
    write_edition(edition, output, fmt, force=args.force)
    stdout().print(
        _("Wrote {path} ({format}): {summary}").format(path=output, format=fmt, summary=edition.summary_line(", ")),
        markup=False,
    )
    return EXIT_OK

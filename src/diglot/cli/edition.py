"""``diglot edition``: two versions of an article side by side, or as a translation-exchange file."""

from __future__ import annotations

import argparse
from pathlib import Path

from diglot.cli.common import add_date_option, add_force_option, add_glossary_option, glossary_from_args
from diglot.cli.output import stderr, stdout
from diglot.edition import FORMATS, build_edition, format_for_path, write_edition
from diglot.errors import EXIT_OK
from diglot.i18n import _
from diglot.textio import check_output_path, read_text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "edition",
        help=_("make a bilingual edition (HTML side by side) or a TMX, XLIFF, PO, TSV or JSONL file"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "Segment and align an article and its translation, find the glossary terms on both sides, "
            "check the translation, and write the result. The first file is the source (the left column); "
            "the languages are told by their script.\n\n"
            "formats (default: from the suffix of -o):\n"
            "  html   the bilingual edition: two columns, terms highlighted, findings marked; one file\n"
            "  md     a Markdown table\n"
            "  tmx    TMX 1.4b translation memory (translation pairs only)\n"
            "  xliff  XLIFF 1.2 (.xlf) for CAT tools; findings as notes\n"
            "  po     gettext PO: msgctxt DOCUMENT#BEAD, msgid source, msgstr target\n"
            "  tsv    one line per bead; jsonl: one JSON record per bead\n\n"
            "examples:\n"
            "  diglot edition seeds/000_4cf5f6c82bb4f27d.txt seeds/000_4cf5f6c82bb4f27d.ko.txt -o article.html\n"
            "  diglot edition article.ko.txt article.en.txt -o article.tmx\n"
            "  diglot edition a.txt b.txt -o review.xlf -g glossaries/ -g newsroom.yaml --force"
        ),
    )
    parser.add_argument("source", metavar="FILE_A", help=_("the article as first written: the left column"))
    parser.add_argument("target", metavar="FILE_B", help=_("its translation, in the other language"))
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help=_("the file to write"))
    parser.add_argument("--format", choices=FORMATS, help=_("output format (default: from the suffix of OUT)"))
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
    # Refuse a bad output before the slow work, not after.
    output = check_output_path(args.output, args.force)
    fmt = args.format or format_for_path(output)
    text_a, text_b = read_text(args.source), read_text(args.target)
    glossary = None if args.no_glossary else glossary_from_args(args)
    with stderr().status(_("Aligning and checking…")):
        edition = build_edition(
            text_a, text_b, glossary, doc_id=document_id(args.source), names=(args.source, args.target)
        )
    write_edition(edition, output, fmt, force=args.force)
    stdout().print(
        _("Wrote {path} ({format}): {summary}").format(path=output, format=fmt, summary=edition.summary_line(", ")),
        markup=False,
    )
    return EXIT_OK

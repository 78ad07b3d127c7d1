"""Options and helpers shared by several commands."""

from __future__ import annotations

import argparse

from diglot.glossary import Glossary, load_glossary
from diglot.glossary.model import is_date
from diglot.i18n import _


def add_glossary_option(parser: argparse.ArgumentParser, help_text: str | None = None) -> None:
    """``-g/--glossary PATH`` (repeatable); ``help_text`` says what this command does with it."""
    parser.add_argument(
        "-g",
        "--glossary",
        action="append",
        metavar="PATH",
        help=help_text
        or _(
            "glossary to use: a YAML file, a folder of them, or a TBX, CSV/TSV or PO file; "
            "repeat to combine (default: the curated glossaries shipped with diglot)"
        ),
    )


def add_date_option(parser: argparse.ArgumentParser) -> None:
    """``--date YYYY[-MM[-DD]]``: keep only the glossary entries in force when the text was written."""
    parser.add_argument(
        "--date",
        type=_date,
        metavar="YYYY[-MM[-DD]]",
        help=_(
            "when the text was written: use only the glossary entries in force then (office holders, "
            "agencies renamed since)"
        ),
    )


def _date(value: str) -> str:
    if not is_date(value):
        raise argparse.ArgumentTypeError(_("expected YYYY, YYYY-MM or YYYY-MM-DD, not {value}").format(value=value))
    return value


def glossary_from_args(args: argparse.Namespace) -> Glossary:
    """The glossaries of ``-g`` (default: the curated ones), as of ``--date`` where the command has it."""
    glossary = load_glossary(args.glossary)
    return glossary.valid_on(args.date) if getattr(args, "date", None) else glossary


def add_force_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help=_("overwrite the output file if it exists"))

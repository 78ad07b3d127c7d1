"""Options and helpers shared by several commands."""

from __future__ import annotations

import argparse

from diglot.glossary import Glossary, load_glossary
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


def glossary_from_args(args: argparse.Namespace) -> Glossary:
    return load_glossary(args.glossary)


def add_force_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help=_("overwrite the output file if it exists"))

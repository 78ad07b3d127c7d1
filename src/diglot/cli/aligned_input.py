"""The aligned text that ``diglot glossary mine`` and ``consistency`` read.

File pairs (aligned, or line-parallel with ``--presplit``) or ``--jsonl`` documents, and the
glossary that anchors the alignment (``-g``, ``--no-glossary``).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from diglot.cli.common import add_glossary_option, refuse_stdin_twice, working
from diglot.errors import DiglotError
from diglot.i18n import _

if TYPE_CHECKING:
    from diglot.glossary import Glossary
    from diglot.mine import BeadText


def add_input_options(p: argparse.ArgumentParser) -> None:
    """The aligned text that ``mine`` and ``consistency`` read: file pairs or ``--jsonl``."""
    p.add_argument("files", nargs="*", metavar="FILE", help=_("Korean and English files, in pairs (either order within a pair)"))
    p.add_argument("--jsonl", metavar="DOCS.jsonl", help=_('documents, one JSON object a line: {"id", "ko": [lines], "en": [lines]}'))
    p.add_argument("--presplit", action="store_true", help=_("the file pairs are line-parallel: line i translates line i (no aligner)"))
    add_glossary_option(p)
    p.add_argument("--no-glossary", action="store_true", help=_("use no glossary (propose or report every term)"))


def glossary_of(args: argparse.Namespace) -> Glossary:
    """The glossary of ``-g`` (default: the curated ones), or none with ``--no-glossary``."""
    from diglot.glossary import Glossary, load_glossary

    return Glossary([]) if args.no_glossary else load_glossary(args.glossary)


def read_beads(args: argparse.Namespace, glossary: Glossary) -> list[BeadText]:
    """The aligned sentence pairs of the input options (:func:`add_input_options`)."""
    from diglot.glossary import Matcher
    from diglot.mine import read_file_pairs, read_jsonl

    if args.jsonl and args.files:
        raise DiglotError(_("give either --jsonl DOCS.jsonl or file pairs, not both"))
    if not args.jsonl and not args.files:
        raise DiglotError(_("give Korean and English files in pairs, or --jsonl DOCS.jsonl"))
    refuse_stdin_twice(args.files)
    matcher = Matcher(glossary, ["ko", "en"]) if len(glossary) else None
    with working(_("aligning")):
        beads = read_jsonl(args.jsonl, matcher) if args.jsonl else read_file_pairs(args.files, args.presplit, matcher)
    if not beads:
        raise DiglotError(_("no aligned sentence pairs in the input: nothing to mine"))
    return beads

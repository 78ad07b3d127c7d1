"""``diglot align``: sentence-align a Korean and an English version of an article."""

from __future__ import annotations

import argparse
import json
import sys

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from diglot.align import align_many
from diglot.align.batch import read_batch
from diglot.align.formats import NAMES as PLAIN_FORMATS
from diglot.align.formats import get_writer
from diglot.cli.common import add_force_option, add_glossary_option
from diglot.cli.output import print_warning, stderr
from diglot.doc import AlignedDocument, Segment
from diglot.errors import EXIT_OK, DiglotError, InputError
from diglot.glossary import Matcher, load_glossary
from diglot.i18n import _
from diglot.provenance import Signature
from diglot.segment import is_boilerplate, segment, segment_lines
from diglot.languages import script_of
from diglot.textio import atomic_write, check_output_path, normalize, read_text

PROGRESS_THRESHOLD = 200  # documents; fewer finish before a bar is worth drawing
FORMATS = (*PLAIN_FORMATS, "tmx")  # tmx is written by diglot.edition


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "align",
        help=_("align the Korean and English versions of an article sentence by sentence"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "Split both files into sentences (Korean with Kiwi, English with pysbd), set page noise aside "
            "(bylines, datelines, credits, copyright), and align the sentences: one to one, one to two, two "
            "to one, two to two, or left alone. The aligner weighs sentence lengths, numbers (2만 = 20,000), "
            "Latin words, glossary terms and names across scripts (김성환 = Kim Sung-hwan), and a lexicon it "
            "learns from the files themselves. The first file is the source; either language may come first.\n\n"
            "examples:\n"
            "  diglot align article.ko.txt article.en.txt\n"
            "  diglot align article.ko.txt article.en.txt -o article.tsv --format tsv\n"
            "  diglot align --presplit ko.txt en.txt --format jsonl      (one sentence a line already)\n"
            "  diglot align --presplit --jsonl docs.jsonl > alignments.jsonl   (batch: {id, ko, en} a line)"
        ),
        epilog=_("Exit codes: 0 ok, 2 usage or input error."),
    )
    p.add_argument("files", nargs="*", metavar="FILE", help=_("the source and target files (- for standard input)"))
    p.add_argument("-o", "--output", metavar="OUT", help=_("write here instead of standard output"))
    p.add_argument("--format", choices=FORMATS, default="tsv", help=_("output format (default: tsv)"))
    add_force_option(p)
    p.add_argument("--presplit", action="store_true", help=_("the input has one sentence a line: do not segment"))
    p.add_argument(
        "--jsonl",
        metavar="DOCS.jsonl",
        help=_(
            "batch mode (with --presplit): one document a line, {\"id\", \"ko\": [lines], \"en\": [lines]}; "
            "writes {\"id\", \"alignment\": [[[ko ids], [en ids]], ...]} a line"
        ),
    )
    add_glossary_option(
        p, _("glossary whose terms anchor the alignment; repeat to combine (default: the curated glossaries)")
    )
    p.add_argument("--no-glossary", action="store_true", help=_("do not use glossary terms as anchors"))
    p.add_argument(
        "--use-mt",
        action="store_true",
        help=_("also compare a machine translation of each Korean sentence (needs an installed ko→en model)"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.jsonl:
        if args.files:
            raise DiglotError(_("give either --jsonl DOCS.jsonl or two files, not both"))
        if not args.presplit:
            raise DiglotError(_("--jsonl reads documents already split into lines: add --presplit"))
        return _run_batch(args)
    if len(args.files) != 2:
        raise DiglotError(_("give two files to align (source and target), or --presplit --jsonl DOCS.jsonl"))
    if args.files[0] == "-" and args.files[1] == "-":
        raise DiglotError(_("only one of the two files can be standard input"))
    target = check_output_path(args.output, args.force) if args.output else None
    texts = [read_text(name) for name in args.files]
    if not any(t.strip() for t in texts):
        raise InputError(_("both files are empty: nothing to align"))
    src_lang, tgt_lang = _languages(texts, args.files)
    split = segment_lines if args.presplit else segment
    src, tgt = split(texts[0], src_lang), split(texts[1], tgt_lang)
    for name, segments in zip(args.files, (src, tgt)):
        if not any(not s.boilerplate for s in segments):
            print_warning(_("{name} has no sentences to align: every line is left unaligned").format(name=name))
    matcher, glossary_id = _matcher(args)
    translate, model_id = _translator(args)
    beads = align_many([(src, tgt)], src_lang, tgt_lang, matcher=matcher, translate=translate)[0]
    doc = AlignedDocument(args.files[0], src_lang, tgt_lang, src, tgt, beads)
    signature = Signature.make(
        glossary=glossary_id, model=model_id, task="align", presplit=args.presplit, format=args.format
    )
    if args.format == "tmx":
        from diglot.edition import make_edition, render_edition

        text = render_edition(make_edition(doc, signature=signature, findings=[]), "tmx")
    else:
        text = get_writer(args.format).render(doc, signature)
    if target:
        atomic_write(target, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _languages(texts: list[str], names: list[str]) -> tuple[str, str]:
    """Which file is Korean: decided by script, so either may come first."""
    langs = [script_of(t) if t.strip() else None for t in texts]
    if langs[0] is None:
        langs[0] = "en" if langs[1] == "ko" else "ko"
    if langs[1] is None:
        langs[1] = "en" if langs[0] == "ko" else "ko"
    if langs[0] == langs[1]:
        raise InputError(
            _("{a} and {b} are both in {lang}: give one Korean and one English file").format(
                a=names[0], b=names[1], lang=_("Korean") if langs[0] == "ko" else _("English")
            )
        )
    return langs[0], langs[1]


def _matcher(args: argparse.Namespace) -> tuple[Matcher | None, str]:
    if args.no_glossary:
        return None, "none"
    glossary = load_glossary(args.glossary)
    return Matcher(glossary, ["ko", "en"]), glossary.fingerprint


def _translator(args: argparse.Namespace):
    """The ``translate`` hook for ``--use-mt``: a ko→en model from :mod:`diglot.translate`."""
    if not args.use_mt:
        return None, "none"
    from diglot.align.mt import installed_translator

    return installed_translator()


def _run_batch(args: argparse.Namespace) -> int:
    documents = read_batch(args.jsonl)
    ids = [doc.id for doc in documents]
    pairs = [(_presplit_segments(doc.ko, "ko"), _presplit_segments(doc.en, "en")) for doc in documents]
    target = check_output_path(args.output, args.force) if args.output else None
    matcher, _glossary = _matcher(args)
    translate, _model = _translator(args)
    if len(pairs) >= PROGRESS_THRESHOLD and stderr().is_terminal:
        with Progress(TextColumn(_("aligning")), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=stderr(), transient=True) as bar:  # fmt: skip
            task = bar.add_task("", total=None)
            results = align_many(
                pairs, "ko", "en", matcher=matcher, translate=translate,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
            )  # fmt: skip
    else:
        results = align_many(pairs, "ko", "en", matcher=matcher, translate=translate)
    lines = [
        json.dumps({"id": doc_id, "alignment": [bead.as_lists() for bead in beads]}, ensure_ascii=False)
        for doc_id, beads in zip(ids, results)
    ]
    text = "\n".join(lines) + ("\n" if lines else "")
    if target:
        atomic_write(target, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK



def _presplit_segments(lines: list[str], lang: str) -> list[Segment]:
    """One segment a line, as :func:`diglot.segment.segment_lines` gives for a file."""
    out = []
    for index, line in enumerate(lines):
        text = " ".join(normalize(line).split())
        out.append(Segment(text, index, is_boilerplate(text, lang)))
    return out

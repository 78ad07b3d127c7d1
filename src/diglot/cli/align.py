"""``diglot align``: sentence-align a Korean and an English version of an article.

A thin layer over :mod:`diglot.align`: the alignment is written by the edition writers
(:mod:`diglot.edition.writers`, an edition without glossary terms or findings), so that
``align -o x.tsv`` and ``edition -o x.tsv`` write one layout. ``--jsonl`` is the batch mode.
"""

from __future__ import annotations

import argparse
import json
import sys

from diglot.cli.batchopts import add_batch_options, run_sharded, sharded
from diglot.cli.common import (
    add_command,
    add_force_option,
    add_glossary_option,
    add_output_option,
    glossary_inputs,
    progress_bar,
    refuse_stdin_twice,
)
from diglot.errors import EXIT_OK, DiglotError
from diglot.i18n import _

PROGRESS_THRESHOLD = 200  # documents; fewer finish before a bar is worth drawing


def register(subparsers: argparse._SubParsersAction) -> None:
    from diglot.edition.writers import WRITERS

    p = add_command(
        subparsers,
        "align",
        _(
            "Split both files into sentences (Korean with Kiwi, English with pysbd), set page noise aside "
            "(bylines, datelines, credits, copyright), and align the sentences: one to one, one to two, two "
            "to one, two to two, or left alone. The aligner weighs sentence lengths, numbers (2만 = 20,000), "
            "Latin words, glossary terms and names across scripts (김성환 = Kim Sung-hwan), and a lexicon it "
            "learns from the files themselves. The first file is the source; either language may come first."
        )
        + "\n\n"
        + _("formats (default: from the suffix of -o, else tsv):")
        + "\n"
        + WRITERS.help(),
        examples=[
            "diglot align article.ko.txt article.en.txt",
            "diglot align article.ko.txt article.en.txt -o article.tmx",
            "diglot align --presplit ko.txt en.txt --format jsonl",
            "diglot align --presplit --jsonl docs.jsonl -o alignments.jsonl",
            "diglot align --presplit --jsonl archive/ --out-dir aligned/ --workers 4",
        ],
        help_text=_("align the Korean and English versions of an article sentence by sentence"),
    )
    p.add_argument("files", nargs="*", metavar="FILE", help=_("the source and target files (- for standard input)"))
    add_output_option(p)
    p.add_argument(
        "--format", choices=WRITERS.names(), help=_("output format (default: from the suffix of OUT, else tsv)")
    )
    add_force_option(p)
    p.add_argument("--presplit", action="store_true", help=_("the input has one sentence a line: do not segment"))
    p.add_argument(
        "--jsonl",
        metavar="DOCS.jsonl",
        help=_(
            "batch mode (with --presplit): one document a line, {\"id\", \"ko\": [lines], \"en\": [lines]}; "
            "writes {\"id\", \"alignment\": [[[ko ids], [en ids]], ...]} a line (ids are line numbers from 0)"
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
    add_batch_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.jsonl:
        if args.files:
            raise DiglotError(_("give either --jsonl DOCS.jsonl or two files, not both"))
        if not args.presplit:
            raise DiglotError(_("--jsonl reads documents already split into lines: add --presplit"))
        if sharded(args):
            return run_sharded(args, "diglot.cli.batchjobs:AlignJob", glossary=args.glossary,
                               no_glossary=args.no_glossary, use_mt=args.use_mt)  # fmt: skip
        return _run_batch(args)
    sharded(args)  # refuses --workers and --scheduler without --jsonl
    if len(args.files) != 2:
        raise DiglotError(_("give two files to align (source and target), or --presplit --jsonl DOCS.jsonl"))
    refuse_stdin_twice(args.files)
    from diglot.edition import format_for_path, make_edition, render_edition
    from diglot.textio import atomic_write, check_output_path, read_text

    target = check_output_path(args.output, args.force, [*args.files, *glossary_inputs(args.glossary)]) if args.output else None
    fmt = args.format or (format_for_path(args.output) if args.output else "tsv")
    texts = [read_text(name) for name in args.files]
    doc, signature = _align_files(args, texts, fmt)
    text = render_edition(make_edition(doc, signature=signature, findings=[]), fmt)
    if target:
        atomic_write(target, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _align_files(args: argparse.Namespace, texts: list[str], fmt: str):
    """The two files segmented (or split into lines) and aligned, and the signature of the run."""
    from diglot.align import align
    from diglot.cli.output import print_warning
    from diglot.doc import AlignedDocument
    from diglot.languages import pair_languages
    from diglot.provenance import Signature
    from diglot.segment import segment, segment_lines

    src_lang, tgt_lang = pair_languages(texts[0], texts[1], (args.files[0], args.files[1]), allow_empty=True)
    split = segment_lines if args.presplit else segment
    src, tgt = split(texts[0], src_lang), split(texts[1], tgt_lang)
    for name, segments in zip(args.files, (src, tgt)):
        if not any(not s.boilerplate for s in segments):
            print_warning(_("{name} has no sentences to align: every line is left unaligned").format(name=name))
    matcher, glossary_id = _matcher(args)
    translate, model_id = _translator(args)
    beads = align(src, tgt, src_lang, tgt_lang, matcher=matcher, translate=translate)
    signature = Signature.make(glossary=glossary_id, model=model_id, task="align", presplit=args.presplit, format=fmt)
    return AlignedDocument(args.files[0], src_lang, tgt_lang, src, tgt, beads), signature


def _matcher(args: argparse.Namespace):
    """The glossary matcher whose terms anchor the alignment, and the glossary's fingerprint."""
    if args.no_glossary:
        return None, "none"
    from diglot.cli.common import glossary_from_args
    from diglot.glossary import Matcher

    glossary = glossary_from_args(args)
    return Matcher(glossary, ["ko", "en"]), glossary.fingerprint


def _translator(args: argparse.Namespace):
    """The ``translate`` hook for ``--use-mt``: the installed ko→en model, and its id."""
    if not args.use_mt:
        return None, "none"
    from diglot.translate import translator_for

    translate = translator_for("ko", "en")
    return translate, translate.model_id


def _run_batch(args: argparse.Namespace) -> int:
    from diglot.align.batch import read_batch
    from diglot.textio import atomic_write, check_output_path

    target = check_output_path(args.output, args.force, [args.jsonl, *glossary_inputs(args.glossary)]) if args.output else None
    documents = read_batch(args.jsonl)
    matcher, _glossary = _matcher(args)
    translate, _model = _translator(args)
    with progress_bar(_("aligning"), len(documents) >= PROGRESS_THRESHOLD) as progress:
        text = batch_lines(documents, matcher, translate, progress=progress)
    if target:
        atomic_write(target, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def batch_lines(documents, matcher=None, translate=None, progress=None) -> str:  # type: ignore[no-untyped-def]
    """``align --presplit --jsonl``'s output for ``documents`` (:class:`diglot.align.batch.BatchDocument`):
    one ``{"id", "alignment"}`` line each, aligned together so the lexicon learns from them all."""
    from diglot.align import align_many
    from diglot.segment import segment_lines

    pairs = [(segment_lines(doc.ko, "ko"), segment_lines(doc.en, "en")) for doc in documents]
    results = align_many(pairs, "ko", "en", matcher=matcher, translate=translate, progress=progress)
    lines = [
        json.dumps({"id": doc.id, "alignment": [bead.as_lists() for bead in beads]}, ensure_ascii=False)
        for doc, beads in zip(documents, results)
    ]
    return "".join(line + "\n" for line in lines)

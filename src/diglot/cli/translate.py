"""``diglot translate``: offline translation with glossary enforcement."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from diglot.cli.batchopts import add_batch_options, run_sharded
from diglot.cli.common import add_command, add_date_option, add_force_option, add_glossary_option, add_output_option
from diglot.cli.common import glossary_from_args, progress_bar
from diglot.errors import EXIT_OK, EXIT_STRICT, DiglotError
from diglot.i18n import _, ngettext
from diglot.textio import atomic_write, check_output_path, read_text
from diglot.translate.engines import ENGINES
from diglot.translate.engines.base import MAX_BATCH_SIZE, MAX_BEAM_SIZE

FORMATS = ("txt", "md", "jsonl")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        subparsers,
        "translate",
        _(
            "Translate text files offline with an installed Argos model run by CTranslate2. Every glossary "
            "term in the source is carried into the translation in its approved form; each mention is reported "
            "as kept, restored, repaired or failed. Sentences already translated are taken from the translation "
            "memory. Paragraphs are kept; boilerplate lines (bylines, credits) pass through untranslated."
        )
        + "\n\n"
        + _("engines:\n{engines}").format(engines=ENGINES.help()),
        examples=[
            "diglot translate article.txt --to en",
            "diglot translate a.txt b.txt --to en --out-dir en/ --report terms.json --strict",
            "cat article.txt | diglot translate - --to en --glossary my-terms.yaml",
        ],
        exit_codes=_("0 ok, 2 usage or input error, 3 with --strict when a glossary mention failed"),
    )
    p.add_argument("files", nargs="*", metavar="FILE", help=_("text files to translate; - reads standard input"))
    p.add_argument(
        "--jsonl", metavar="DOCS.jsonl",
        help=_("translate JSON Lines documents {\"id\", \"ko\": [lines]} (or \"text\"): each comes out with its \"en\" lines beside"),
    )
    p.add_argument("--to", required=True, dest="to_lang", metavar="LANG", help=_("target language: en or ko"))
    p.add_argument("--from", dest="from_lang", metavar="LANG", help=_("source language (default: guessed from the script)"))
    add_glossary_option(
        p, _("glossary to enforce; repeat to combine (default: the curated glossaries shipped with diglot)")
    )
    add_date_option(p)
    p.add_argument("--no-glossary", action="store_true", help=_("translate without glossary enforcement"))
    add_output_option(p, help_text=_("write the translation to this file (one input only)"))
    add_batch_options(p)  # --out-dir DIR: each translation to DIR/NAME (same file name)
    p.add_argument("--format", choices=FORMATS, default="txt", help=_("output format (default: txt)"))
    p.add_argument("--report", metavar="FILE.json", help=_("write every glossary mention and its status as JSON"))
    p.add_argument(
        "--edition", metavar="OUT.html",
        help=_("also write the source beside its translation (one input only; .html, .md, .tmx, .xlf, .po, .tsv, .jsonl)"),
    )
    p.add_argument("--strict", action="store_true", help=_("exit 3 if any glossary mention could not be enforced"))
    p.add_argument(
        "--engine", choices=ENGINES.names(), default="ctranslate2", help=_("translation engine (default: ctranslate2)")
    )
    p.add_argument(
        "--beam-size", type=int, default=4, metavar="N",
        help=_("beam size, 1 to {most} (default: 4)").format(most=MAX_BEAM_SIZE),
    )
    p.add_argument("--threads", type=int, default=0, metavar="N", help=_("CPU threads, at most the CPU count (default: all cores)"))
    p.add_argument(
        "--batch-size", type=int, default=32, metavar="N",
        help=_("sentences per batch, 1 to {most} (default: 32)").format(most=MAX_BATCH_SIZE),
    )
    p.add_argument(
        "--compute-type", default="int8", metavar="TYPE",
        help=_("CTranslate2 compute type: int8 (default), int8_float32, float32, ..."),
    )
    p.add_argument("--no-cache", action="store_true", help=_("neither read nor fill the translation memory"))
    add_force_option(p)
    p.set_defaults(func=run_translate)


def run_translate(args: argparse.Namespace) -> int:
    from diglot.languages import check_language, other_language, script_of
    from diglot.translate.engines import EngineOptions

    for lang in (args.to_lang, args.from_lang):
        if lang is not None:
            check_language(lang)
    if args.jsonl:
        return _run_jsonl(args)
    if not args.files:
        raise DiglotError(_("give FILE... to translate, or --jsonl DOCS.jsonl"))
    if args.workers > 1 or args.scheduler:
        raise DiglotError(_("--out-dir, --workers and --scheduler run the shards of --jsonl: add --jsonl"))
    if args.output and args.out_dir:
        raise DiglotError(_("give either -o OUT or --out-dir DIR, not both"))
    if args.output and len(args.files) > 1:
        raise DiglotError(_("-o takes one input file; use --out-dir for several"))
    options = EngineOptions(
        beam_size=args.beam_size, threads=args.threads, batch_size=args.batch_size, compute_type=args.compute_type
    )
    targets = _output_paths(args)
    if args.report:
        check_output_path(args.report, args.force)
    if args.edition:
        from diglot.edition import format_for_path

        if len(args.files) > 1:
            raise DiglotError(_("--edition takes one input file"))
        format_for_path(check_output_path(args.edition, args.force))
    texts = [(name, read_text(name)) for name in args.files]
    everything = " ".join(text for _, text in texts)
    if args.from_lang:
        src_lang = args.from_lang
    elif any(ch.isalpha() for ch in everything):
        src_lang = script_of(everything)
    else:  # nothing to tell the language by (an empty file): nothing to translate either
        src_lang = other_language(args.to_lang)
    if src_lang == args.to_lang:
        raise DiglotError(_("the text is already in {lang}; use --from if it is not").format(lang=src_lang))
    if src_lang == "ko":
        from diglot.segment import warm_up

        warm_up()  # Kiwi loads while the glossary is read and the model loaded
    from diglot.cli.output import print_warning, stdout
    from diglot.translate import DocumentTranslator

    glossary = None if args.no_glossary else glossary_from_args(args)
    translator = DocumentTranslator(src_lang, args.to_lang, glossary, args.engine, options, use_cache=not args.no_cache)
    with progress_bar(_("translating"), _worth_a_bar(texts)) as progress:
        run = translator.translate(texts, progress=progress)
    for warning in run.warnings:
        print_warning(warning)
    for doc, target in zip(run.documents, targets):
        rendered = _render(doc, run, args.format)
        if target is None:
            stdout().print(rendered, end="", markup=False, highlight=False)
        else:
            atomic_write(target, rendered)
    if args.report:
        atomic_write(args.report, json.dumps(run.report(), ensure_ascii=False, indent=2) + "\n")
    if args.edition:
        from diglot.edition import translation_edition, write_edition

        doc = run.documents[0]
        edition = translation_edition(
            doc.name, doc.src_lang, doc.tgt_lang, doc.segments, doc.translations, glossary, run.signature
        )
        write_edition(edition, args.edition, force=args.force)
    _summary(run)
    return EXIT_STRICT if args.strict and run.failed else EXIT_OK


def _run_jsonl(args: argparse.Namespace) -> int:
    """``--jsonl``: each shard's documents translated by :class:`diglot.cli.batchjobs.TranslateJob`,
    with ``--out-dir``, ``--workers`` and ``--scheduler`` as every batch command takes them."""
    if args.files:
        raise DiglotError(_("give either --jsonl DOCS.jsonl or FILE..., not both"))
    for option, given in (("--report", args.report), ("--edition", args.edition), ("--strict", args.strict)):
        if given:
            raise DiglotError(_("{option} does not go with --jsonl").format(option=option))
    if args.format != "txt":
        raise DiglotError(_("--jsonl writes JSON Lines documents; leave out --format"))
    if args.out_dir and args.output:
        raise DiglotError(_("give either -o OUT or --out-dir DIR, not both"))
    return run_sharded(
        args, "diglot.cli.batchjobs:TranslateJob", to_lang=args.to_lang, from_lang=args.from_lang,
        glossary=args.glossary, no_glossary=args.no_glossary, date=args.date, engine=args.engine,
        beam_size=args.beam_size, threads=args.threads, batch_size=args.batch_size, compute_type=args.compute_type,
        use_cache=not args.no_cache,
    )  # fmt: skip


def _output_paths(args: argparse.Namespace) -> list[Path | None]:
    if args.output:
        return [check_output_path(args.output, args.force)]
    if args.out_dir:
        folder = Path(args.out_dir)
        if folder.exists() and not folder.is_dir():
            raise DiglotError(_("{name} is a file, not a folder").format(name=folder))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise DiglotError(_("cannot make the folder {name}: {reason}").format(name=folder, reason=err.strerror or err)) from None
        names = [Path("stdin.txt" if f == "-" else f).name for f in args.files]
        if len(set(names)) < len(names):
            raise DiglotError(_("two inputs have the same file name; --out-dir would overwrite one with the other"))
        suffix = {"txt": None, "md": ".md", "jsonl": ".jsonl"}[args.format]
        return [check_output_path(folder / (Path(n).with_suffix(suffix).name if suffix else n), args.force) for n in names]
    return [None] * len(args.files)


def _worth_a_bar(texts: list[tuple[str, str]]) -> bool:
    """Whether ``texts`` hold more than about 20 sentences (fewer finish before a bar is worth
    drawing), told before they are split."""
    return sum(text.count(".") + text.count("다") + text.count("\n") for _, text in texts) > 20


def _render(doc, run, fmt: str) -> str:
    if fmt == "jsonl":
        lines = [
            json.dumps(
                {"document": doc.name, "segment": i, "paragraph": seg.paragraph, "boilerplate": seg.boilerplate,
                 "source": seg.text, "target": target},
                ensure_ascii=False,
            )
            for i, (seg, target) in enumerate(zip(doc.segments, doc.translations))
        ]
        return "\n".join(lines) + "\n"
    if fmt == "md":
        return doc.text() + f"\n<!-- diglot {run.signature} -->\n"
    return doc.text()


def _summary(run) -> None:
    from diglot.cli.output import print_warning, stderr

    report = run.report()
    counts = ", ".join(f"{status} {n}" for status, n in sorted(report["counts"].items())) or _("no glossary mentions")
    translated = ngettext("{n} sentence translated", "{n} sentences translated", run.decoded).format(n=run.decoded)
    stderr().print(
        _("{translated}, {cached} from memory; glossary: {counts}").format(
            translated=translated, cached=run.cached, counts=counts
        ),
        markup=False,
    )
    for m in run.failed:
        print_warning(
            _("{entry}: {source!r} (sentence {n}) could not be rendered as {rendering!r}").format(
                entry=m.entry, source=m.source, n=m.sentence + 1, rendering=m.rendering
            )
        )

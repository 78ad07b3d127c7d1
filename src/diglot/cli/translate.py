"""``diglot translate``: offline translation with glossary enforcement."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from diglot.cli.batchopts import add_batch_options, run_sharded
from diglot.cli.common import add_command, add_date_option, add_force_option, add_glossary_option, add_output_option
from diglot.cli.common import glossary_from_args, progress_bar, refuse_stdin_twice
from diglot.errors import EXIT_OK, EXIT_STRICT, DiglotError
from diglot.i18n import _, ngettext
from diglot.textio import atomic_write, check_output_path, read_text
from diglot.translate.engines import ENGINES
from diglot.translate.engines.base import MAX_BATCH_SIZE, MAX_BEAM_SIZE
from diglot.translate.enforce import FAILED

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
        + _(
            "With --out-dir DIR, many files are one batch run: each file's translation goes to DIR under its "
            "name (with the suffix of --format md or jsonl), with a completion marker, and summary.json says what "
            "the run did; a rerun skips the files already done and redoes one a killed run left unfinished. "
            "--workers N or --scheduler spread the files over processes or a Dask cluster, with the same output. "
            "--report and --strict cover every file of the run, those skipped included."
        )
        + "\n\n"
        + _("engines:\n{engines}").format(engines=ENGINES.help()),
        examples=[
            "diglot translate article.txt --to en",
            "diglot translate a.txt b.txt --to en --out-dir en/ --report terms.json --strict",
            "diglot translate ko/*.txt --to en --out-dir en/ --workers 4",
            "cat article.txt | diglot translate - --to en --glossary my-terms.yaml",
        ],
        exit_codes=_("0 ok, 2 usage or input error, 3 with --strict when a glossary mention failed"),
    )
    p.add_argument(
        "files", nargs="*", metavar="FILE", help=_("text files to translate; - reads standard input (not with --out-dir)")
    )
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
    add_batch_options(p)  # FILE... --out-dir DIR: each translation to DIR/NAME, a resumable run (_run_files)
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
    from diglot.languages import check_language
    from diglot.translate.engines import EngineOptions

    for lang in (args.to_lang, args.from_lang):
        if lang is not None:
            check_language(lang)
    if args.jsonl:
        return _run_jsonl(args)
    if not args.files:
        raise DiglotError(_("give FILE... to translate, or --jsonl DOCS.jsonl"))
    refuse_stdin_twice(args.files)
    if args.output and args.out_dir:
        raise DiglotError(_("give either -o OUT or --out-dir DIR, not both"))
    if args.out_dir:
        return _run_files(args)
    if args.workers > 1 or args.scheduler:
        raise DiglotError(_("--workers and --scheduler translate FILE... into --out-dir DIR: add --out-dir"))
    if args.output and len(args.files) > 1:
        raise DiglotError(_("-o takes one input file; use --out-dir for several"))
    options = EngineOptions(
        beam_size=args.beam_size, threads=args.threads, batch_size=args.batch_size, compute_type=args.compute_type
    )
    targets = [check_output_path(args.output, args.force)] if args.output else [None] * len(args.files)
    if args.report:
        check_output_path(args.report, args.force)
    if args.edition:
        from diglot.edition import format_for_path

        if len(args.files) > 1:
            raise DiglotError(_("--edition takes one input file"))
        format_for_path(check_output_path(args.edition, args.force))
    texts = [(name, read_text(name)) for name in args.files]
    src_lang = _source_language(args, texts)
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
        rendered = render(doc, run, args.format)
        if target is None:
            stdout().print(rendered, end="", markup=False, highlight=False)
        else:
            atomic_write(target, rendered)
    report = run.report()
    if args.report:
        atomic_write(args.report, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    if args.edition:
        from diglot.edition import translation_edition, write_edition

        doc = run.documents[0]
        edition = translation_edition(
            doc.name, doc.src_lang, doc.tgt_lang, doc.segments, doc.translations, glossary, run.signature
        )
        write_edition(edition, args.edition, force=args.force)
    _summary(report)
    return EXIT_STRICT if args.strict and run.failed else EXIT_OK


def _run_files(args: argparse.Namespace) -> int:
    """``FILE… --out-dir DIR``: a sharded run (:mod:`diglot.cli.batchopts`) in which each file is a
    shard of one document, translated by :class:`diglot.cli.batchjobs.TranslateJob` into
    ``DIR/NAME`` (its ``--format``'s suffix for md and jsonl); a rerun skips the files already
    complete. ``--report`` and ``--strict`` cover every file, those skipped included: each
    file's glossary mentions are kept in its completion marker."""
    from diglot.batch import JobSpec, Shard, read_details
    from diglot.cli.batchopts import run_out_dir

    if "-" in args.files:
        raise DiglotError(_("--out-dir translates files; standard input (-) goes with -o FILE or to standard output"))
    if args.edition:
        raise DiglotError(_("--edition takes one input file and -o FILE or standard output, not --out-dir"))
    suffix = {"txt": None, "md": ".md", "jsonl": ".jsonl"}[args.format]
    names = [Path(f).with_suffix(suffix).name if suffix else Path(f).name for f in args.files]
    if len(set(names)) < len(names):
        raise DiglotError(_("two inputs have the same file name; --out-dir would overwrite one with the other"))
    if args.report:
        check_output_path(args.report, args.force)
    src_lang = _source_language(args, [(name, read_text(name)) for name in args.files])
    spec = JobSpec.make(
        "diglot.cli.batchjobs:TranslateJob", to_lang=args.to_lang, from_lang=src_lang, glossary=args.glossary,
        no_glossary=args.no_glossary, date=args.date, engine=args.engine, beam_size=args.beam_size,
        threads=args.threads, batch_size=args.batch_size, compute_type=args.compute_type,
        use_cache=not args.no_cache, render=args.format,
    )  # fmt: skip
    shards = [Shard(name, path) for name, path in zip(names, args.files)]
    summary = run_out_dir(args, spec, shards)
    report = _whole_report([(shard.path, read_details(shard, args.out_dir)) for shard in shards], summary.signature)
    if args.report:
        atomic_write(args.report, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    _summary(report, sentences=False)  # the sentences of skipped files were translated by an earlier run
    failed = any(m["status"] == FAILED for m in report["mentions"])
    return EXIT_STRICT if args.strict and failed else EXIT_OK


def _source_language(args: argparse.Namespace, texts: list[tuple[str, str]]) -> str:
    """``--from``, or the language of the script of every input together."""
    from diglot.languages import other_language, script_of

    everything = " ".join(text for _, text in texts)
    if args.from_lang:
        src_lang = args.from_lang
    elif any(ch.isalpha() for ch in everything):
        src_lang = script_of(everything)
    else:  # nothing to tell the language by (an empty file): nothing to translate either
        src_lang = other_language(args.to_lang)
    if src_lang == args.to_lang:
        raise DiglotError(_("the text is already in {lang}; use --from if it is not").format(lang=src_lang))
    return src_lang


def _whole_report(parts: list, signature) -> dict:  # type: ignore[type-arg, no-untyped-def]
    """The ``--report`` JSON of a run over files, from each file's name and details (its mentions
    and sentence counts), in the order of the files: what :meth:`TranslationRun.report` gives for
    one process, with the run's signature. Each mention is named by the file as given to this run
    (a skipped file's marker may have been written by a run that named it by another path)."""
    from diglot.translate.pipeline import term_report

    mentions = [{"document": name, **m} for name, part in parts for m in part["mentions"]]
    decoded, cached = (sum(part["sentences"][key] for _name, part in parts) for key in ("decoded", "cached"))
    return term_report(mentions, decoded, cached, signature)


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


def _worth_a_bar(texts: list[tuple[str, str]]) -> bool:
    """Whether ``texts`` hold more than about 20 sentences (fewer finish before a bar is worth
    drawing), told before they are split."""
    return sum(text.count(".") + text.count("다") + text.count("\n") for _, text in texts) > 20


def render(doc, run, fmt: str) -> str:  # type: ignore[no-untyped-def]
    """One translated document as ``--format`` ``fmt`` writes it (txt, md or jsonl)."""
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


def _summary(report: dict, *, sentences: bool = True) -> None:  # type: ignore[type-arg]
    """A line on standard error from a ``--report`` JSON: the sentences translated (if ``sentences``)
    and the glossary mentions by status; a warning for each mention that could not be enforced."""
    from diglot.cli.output import print_warning, stderr

    counts = ", ".join(f"{status} {n}" for status, n in sorted(report["counts"].items())) or _("no glossary mentions")
    if sentences:
        decoded, cached = report["sentences"]["decoded"], report["sentences"]["cached"]
        translated = ngettext("{n} sentence translated", "{n} sentences translated", decoded).format(n=decoded)
        line = _("{translated}, {cached} from memory; glossary: {counts}").format(
            translated=translated, cached=cached, counts=counts
        )
    else:
        line = _("glossary: {counts}").format(counts=counts)
    stderr().print(line, markup=False)
    for m in report["mentions"]:
        if m["status"] == FAILED:
            print_warning(
                _("{entry}: {source!r} (sentence {n}) could not be rendered as {rendering!r}").format(
                    entry=m["entry"], source=m["source"], n=m["sentence"] + 1, rendering=m["rendering"]
                )
            )

"""``diglot check``: glossary and number QA of a translation, with safe fixes and waivers."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from diglot.cli.batchopts import add_batch_options, run_sharded, sharded
from diglot.cli.common import (
    add_date_option,
    add_force_option,
    add_glossary_option,
    glossary_from_args,
    glossary_inputs,
    path_arg,
    refuse_stdin_twice,
    working,
)
from diglot.errors import EXIT_FINDINGS, EXIT_OK, DiglotError, InputError
from diglot.i18n import _, ngettext

if TYPE_CHECKING:
    from diglot.check import CheckReport, Waivers
    from diglot.doc import Finding

DIRECTIONS = ("ko-en", "en-ko")
STATUS_STYLES = {"ok": "green", "variant": "bold yellow", "forbidden": "bold red", "missing": "bold magenta"}
SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "note": "cyan"}
_OTHER_STYLE = "bold cyan"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help=_("check a translation against the glossary and its numbers; fix wrong renderings"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "Check a translation (TARGET) of a text (SOURCE): every glossary term of the source must have its "
            "preferred rendering in the translation (statuses ok, variant, forbidden, missing), the first "
            "mention of an agency must read 'long form (ACRONYM)', an entry must be rendered one way throughout, "
            "and numbers must not change (Korean units are converted: 2만여 명 = more than 20,000). "
            "Without --presplit both files are split into sentences and aligned first; with it, line N of "
            "one file translates line N of the other (each line pair is checked on its own for style, since "
            "the file does not say where its articles start). --jsonl checks a batch of documents, one "
            "report each.\n\n"
            "Each finding has a severity (error, warning, note) and an id. Notes (a term, event or title not "
            "found in its listed words, which translations often paraphrase; renderings that vary) are counted "
            "but listed only with --notes or --all. Accept a finding with --waive ID "
            "(or all of them with --waive-all): it goes into the waivers file (TARGET.waivers.yaml, or "
            "--waivers FILE) and is not reported again while the sentence and the rendering stay the same.\n\n"
            "Exit codes: 0 clean (notes alone are clean), 1 errors or warnings, 2 usage or input error. "
            "Statuses, severities and the waivers file: see docs/check.md.\n\n"
            "examples:\n"
            "  diglot check seeds/000_4cf5f6c82bb4f27d.ko.txt seeds/000_4cf5f6c82bb4f27d.txt\n"
            "  diglot check --presplit --json source.ko target.en > findings.jsonl\n"
            "  diglot check --presplit ko.txt en.txt --fix en.fixed.txt\n"
            "  diglot check --jsonl documents.jsonl --json\n"
            "  diglot check --presplit ko.txt en.txt --waive 3f2a91c0"
        ),
    )
    parser.add_argument("source", metavar="SOURCE_FILE", nargs="?", help=_("the original text"))
    parser.add_argument(
        "target", metavar="TARGET_FILE", nargs="?", help=_("its translation, the text checked and fixed")
    )
    add_glossary_option(parser)
    add_date_option(parser)
    parser.add_argument(
        "--presplit",
        action="store_true",
        help=_("the files are already aligned: line N of one translates line N of the other"),
    )
    parser.add_argument(
        "--jsonl",
        metavar="DOCS.jsonl",
        help=_('check a batch of documents, one JSON object a line: {"id": ..., "ko": [lines], "en": [lines]}'),
    )
    parser.add_argument(
        "--direction",
        choices=DIRECTIONS,
        help=_("source and target language (default: told by each file's script; ko-en for --jsonl)"),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=_("print JSON lines for scripts: one per line pair, bead or document; see docs/check.md"),
    )
    parser.add_argument(
        "--fix",
        metavar="OUT",
        type=path_arg,
        help=_(
            "write the translation to OUT with variant and forbidden renderings replaced by the preferred one "
            "(Korean particles adjusted; quoted speech left as written); every other byte is kept"
        ),
    )
    parser.add_argument(
        "--notes",
        action="store_true",
        help=_("also list the notes (a term not found in its listed words, renderings that vary)"),
    )
    parser.add_argument(
        "--all", action="store_true", help=_("also list the notes and the terms that are rendered correctly")
    )
    parser.add_argument("--no-numbers", action="store_true", help=_("do not compare numbers"))
    parser.add_argument(
        "--waivers",
        metavar="FILE",
        type=path_arg,
        help=_("the waivers file to honour and write (default: TARGET.waivers.yaml)"),
    )
    parser.add_argument(
        "--waive",
        metavar="ID",
        action="append",
        default=[],
        help=_("accept the finding with this id (shown in the report); repeatable"),
    )
    parser.add_argument("--waive-all", action="store_true", help=_("accept every finding reported now"))
    add_force_option(parser)
    add_batch_options(parser)
    parser.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    from diglot.check import Waivers, fix_document, waivers_path
    from diglot.textio import atomic_write, check_output_path, read_input

    if args.jsonl and (args.source or args.target):
        raise DiglotError(_("give either --jsonl DOCS.jsonl or two files, not both"))
    if not args.jsonl and not (args.source and args.target):
        raise DiglotError(_("give two files to check (source and target), or --jsonl DOCS.jsonl"))
    refuse_stdin_twice([args.source, args.target])
    if args.jsonl and args.fix:
        raise DiglotError(_("--fix writes one translation: give two files, not --jsonl"))
    if sharded(args):
        if not args.jsonl or args.waive or args.waive_all:
            raise DiglotError(_("--out-dir checks the shards of --jsonl, and waives nothing: give --jsonl, not --waive"))
        return run_sharded(args, "diglot.cli.batchjobs:CheckJob", glossary=args.glossary, date=args.date,
                           direction=args.direction, numbers=not args.no_numbers, presplit=args.presplit,
                           waivers=args.waivers)  # fmt: skip
    inputs = [args.source, args.target, *glossary_inputs(args.glossary)] if args.fix else []
    out_path = check_output_path(args.fix, args.force, inputs) if args.fix else None
    waivers = Waivers.load(args.waivers or waivers_path(args.jsonl or args.target))
    glossary = glossary_from_args(args)
    if args.jsonl:
        reports = _check_batch(args, glossary, waivers)
        target_text = None
    else:
        target_text = read_input(args.target)
        reports = [_check_files(args, _read_nonempty(args.source), target_text, glossary, waivers)]
    if args.waive or args.waive_all:
        _waive(reports, waivers, args.waive, args.waive_all)
    if args.json:
        _print_json(reports, args.presplit, bool(args.jsonl))
    else:
        for report in reports:
            _print_report(report, args.all, args.notes or args.all, args.presplit, bool(args.jsonl))
    if out_path is not None and target_text is not None:
        [report] = reports
        fixed = fix_document(target_text, report.doc, report.findings, glossary)
        atomic_write(out_path, fixed.text)
        if fixed.skipped:
            from diglot.cli.output import print_warning

            print_warning(
                _("{count} fixes could not be placed in {name} and were left out").format(
                    count=fixed.skipped, name=args.target
                )
            )
        if not args.json:
            _say(_("wrote {name}: {count} renderings fixed").format(name=out_path, count=fixed.applied))
    return EXIT_FINDINGS if any(report.failed for report in reports) else EXIT_OK


def _check_files(args: argparse.Namespace, source: str, target_text, glossary, waivers: Waivers) -> CheckReport:  # type: ignore[no-untyped-def]
    from diglot.check import check, check_presplit
    from diglot.glossary import Matcher

    target = target_text.text
    if not target.strip():
        raise InputError(_("{name} is empty: nothing to check").format(name=args.target))
    src_lang, tgt_lang = _direction(args, source, target)
    matcher = Matcher(glossary, [src_lang, tgt_lang])
    numbers = not args.no_numbers
    if args.presplit:
        return check_presplit(source, target, src_lang, tgt_lang, matcher, numbers, waivers, args.source, args.target)
    from diglot.align import align_texts  # kiwipiepy is loaded only when needed

    with working(_("splitting and aligning sentences")):
        doc = align_texts(source, target, src_lang, tgt_lang, matcher=matcher, doc_id=Path(args.target).name)
    return check(doc, matcher, numbers=numbers, waivers=waivers)


def _check_batch(args: argparse.Namespace, glossary, waivers: Waivers, documents=None) -> list[CheckReport]:  # type: ignore[no-untyped-def]
    """One report per document of a JSON Lines batch (``documents``, or those of ``args.jsonl``),
    each document aligned and checked on its own."""
    from diglot.align import align_many
    from diglot.align.batch import read_batch
    from diglot.check import check
    from diglot.doc import AlignedDocument
    from diglot.glossary import Matcher
    from diglot.segment import segment_lines

    src_lang, tgt_lang = (args.direction or "ko-en").split("-")
    documents = read_batch(args.jsonl) if documents is None else documents
    matcher = Matcher(glossary, [src_lang, tgt_lang])
    sides = [
        (segment_lines(getattr(d, src_lang), src_lang), segment_lines(getattr(d, tgt_lang), tgt_lang))
        for d in documents
    ]
    with working(_("aligning sentences")):
        aligned = align_many(sides, src_lang, tgt_lang, matcher=matcher)
    reports = []
    for document, (src, tgt), beads in zip(documents, sides, aligned):
        doc = AlignedDocument(str(document.id), src_lang, tgt_lang, list(src), list(tgt), beads)
        reports.append(check(doc, matcher, numbers=not args.no_numbers, waivers=waivers))
    return reports


def _waive(reports: list[CheckReport], waivers: Waivers, ids: list[str], every: bool) -> None:
    """Add the findings named by ``ids`` (or all problems) to ``waivers``, save them, and set them aside."""
    wanted = set(ids)
    known = {report.id_of(f) for report in reports for f in report.problems}
    unknown = sorted(wanted - known)
    if unknown:
        raise InputError(_("no finding has the id {ids}; the report shows each finding's id").format(ids=", ".join(unknown)))
    for report in reports:
        kept = []
        for finding in report.findings:
            chosen = finding in report.problems and (every or report.id_of(finding) in wanted)
            if chosen:
                waivers.add(finding, report.source_of(finding))
                report.dismissed.append(finding)
            else:
                kept.append(finding)
        report.findings = kept
    waivers.save()
    _say(ngettext("{name}: {count} waiver", "{name}: {count} waivers", len(waivers)).format(name=waivers.path, count=len(waivers)))


def _say(message: str) -> None:
    from diglot.cli.output import stdout

    stdout().print(message, markup=False, emoji=False)


def _read_nonempty(path: str) -> str:
    from diglot.textio import read_text

    text = read_text(path)
    if not text.strip():
        raise InputError(_("{name} is empty: nothing to check").format(name=path))
    return text


def _direction(args: argparse.Namespace, source: str, target: str) -> tuple[str, str]:
    from diglot.languages import pair_languages, script_of

    if args.direction:
        src_lang, tgt_lang = args.direction.split("-")
        if (script_of(source), script_of(target)) == (tgt_lang, src_lang):
            from diglot.cli.output import print_warning

            print_warning(
                _("the source looks {src} and the target {tgt}, but --direction says {direction}").format(
                    src=tgt_lang, tgt=src_lang, direction=args.direction
                )
            )
        return src_lang, tgt_lang
    if script_of(source) == script_of(target):
        raise DiglotError(
            _("both files look {lang}: say which language is which with --direction ko-en or --direction en-ko").format(
                lang=script_of(source)
            )
        )
    return pair_languages(source, target, (args.source, args.target))


def _print_json(reports: list[CheckReport], presplit: bool, batch: bool) -> None:
    sys.stdout.write(json_lines(reports, presplit, batch))  # plain text: rich would touch :emoji: codes


def json_lines(reports: list[CheckReport], presplit: bool, batch: bool) -> str:
    """JSON lines (:func:`diglot.check.json_records`): one per line pair, N from 1, or per bead;
    with --jsonl one per document, its beads with findings inside."""
    from diglot.check import json_records

    lines = []
    for report in reports:
        records = json_records(report.doc, report.findings, presplit)
        if batch:
            records = [
                {
                    "id": report.doc.id,
                    "beads": [r for r in records if r["findings"]],
                    "dismissed": len(report.dismissed),
                    "signature": str(report.signature),
                }
            ]
        lines += [json.dumps(record, ensure_ascii=False) + "\n" for record in records]
    return "".join(lines)


def _print_report(report: CheckReport, show_all: bool, show_notes: bool, presplit: bool, batch: bool) -> None:
    from rich.table import Table
    from rich.text import Text

    from diglot.check import fails, is_problem, severity_of, statuses, summary_line
    from diglot.cli.output import stdout

    console = stdout()
    doc = report.doc
    if batch:
        console.rule(Text(_("document {id}").format(id=doc.id), style="bold reverse"), align="left")
    shown = report.findings if show_all else report.problems if show_notes else [f for f in report.findings if fails(f)]
    by_bead: dict[int, list[Finding]] = {}
    for finding in shown:
        by_bead.setdefault(finding.bead if finding.bead is not None else 0, []).append(finding)
    for index, bead_findings in sorted(by_bead.items()):
        source, target = doc.bead_text(doc.beads[index])
        where = _("line {n}") if presplit else _("bead {n}")
        console.rule(Text(where.format(n=index + 1), style="bold"), align="left")
        console.print(_labelled(_("source"), source, [(f.src_span, f.status) for f in bead_findings]))
        console.print(_labelled(_("target"), target, [(f.tgt_span, f.status) for f in bead_findings]))
        for finding in bead_findings:
            line = Text("  ")
            level = severity_of(finding) or "ok"
            line.append(f"{level:<8}", style=SEVERITY_STYLES.get(level, "green"))
            line.append(f"{finding.status:<15}", style=STATUS_STYLES.get(finding.status, _OTHER_STYLE))
            if is_problem(finding.status):
                line.append(f"[{report.id_of(finding)}] ", style="dim")
            if finding.entry:
                line.append(f"{finding.entry}: ", style="dim")
            line.append(finding.message)
            console.print(line)
    counts = Counter((f.status, severity_of(f) or "") for f in report.findings)
    table = Table(title=_("check summary"), show_edge=False)
    table.add_column(_("status"))
    table.add_column(_("severity"))
    table.add_column(_("count"), justify="right")
    for (status, level), count in sorted(counts.items(), key=_summary_order):
        table.add_row(
            Text(status, style=STATUS_STYLES.get(status, _OTHER_STYLE)),
            Text(level, style=SEVERITY_STYLES.get(level, "")),
            str(count),
        )
    console.print()
    if counts:
        console.print(table)
    hidden = 0 if show_notes else len(report.problems) - sum(fails(f) for f in report.findings)
    if hidden:
        console.print(
            ngettext("{count} note not shown: see it with --notes", "{count} notes not shown: see them with --notes", hidden).format(
                count=hidden
            )
        )
    console.print(
        summary_line(report.findings, len(doc.beads), len(report.dismissed), report.signature, presplit),
        markup=False,
        emoji=False,
    )


def _summary_order(item: tuple[tuple[str, str], int]) -> tuple[int, int]:
    """Summary rows in the order of the statuses, a status's warnings before its notes."""
    from diglot.check import statuses

    (status, level), _count = item
    rank = statuses.SEVERITIES.index(level) if level in statuses.SEVERITIES else -1
    return (statuses.ALL_STATUSES.index(status), rank)


def _labelled(label: str, text: str, spans: list[tuple[tuple[int, int] | None, str]]):  # type: ignore[no-untyped-def]
    from rich.text import Text

    out = Text(f"  {label}: ", style="dim")
    body = Text(text)
    for span, status in spans:
        if span:
            body.stylize(f"{STATUS_STYLES.get(status, _OTHER_STYLE)} underline", *span)
    out.append_text(body)
    return out

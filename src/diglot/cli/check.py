"""``diglot check``: glossary and number QA of a translation, with safe fixes."""

from __future__ import annotations

import argparse
import contextlib
import json
from collections import Counter
from pathlib import Path

from rich.table import Table
from rich.text import Text

from diglot.check import check_document, fix_document, is_problem, json_records, presplit_document, statuses
from diglot.cli.common import add_date_option, add_force_option, add_glossary_option, glossary_from_args
from diglot.cli.output import print_warning, stderr, stdout
from diglot.doc import AlignedDocument, Finding
from diglot.errors import EXIT_FINDINGS, EXIT_OK, DiglotError, InputError
from diglot.glossary import Matcher
from diglot.i18n import _
from diglot.provenance import Signature
from diglot.languages import script_of
from diglot.textio import atomic_write, check_output_path, read_text

DIRECTIONS = ("ko-en", "en-ko")
STATUS_STYLES = {
    statuses.OK: "green",
    statuses.VARIANT: "bold yellow",
    statuses.FORBIDDEN: "bold red",
    statuses.MISSING: "bold magenta",
}
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
            "one file translates line N of the other.\n\n"
            "Exit codes: 0 clean, 1 findings, 2 usage or input error. Statuses: see docs/check.md.\n\n"
            "examples:\n"
            "  diglot check seeds/000_4cf5f6c82bb4f27d.ko.txt seeds/000_4cf5f6c82bb4f27d.txt\n"
            "  diglot check --presplit --json source.ko target.en > findings.jsonl\n"
            "  diglot check --presplit ko.txt en.txt --fix en.fixed.txt"
        ),
    )
    parser.add_argument("source", metavar="SOURCE_FILE", help=_("the original text"))
    parser.add_argument("target", metavar="TARGET_FILE", help=_("its translation, the text checked and fixed"))
    add_glossary_option(parser)
    add_date_option(parser)
    parser.add_argument(
        "--presplit",
        action="store_true",
        help=_("the files are already aligned: line N of one translates line N of the other"),
    )
    parser.add_argument(
        "--direction",
        choices=DIRECTIONS,
        help=_("source and target language (default: told by each file's script)"),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=_("print one JSON object per line pair (--presplit) or per bead, for scripts; see docs/check.md"),
    )
    parser.add_argument(
        "--fix",
        metavar="OUT",
        help=_(
            "write the translation to OUT with variant and forbidden renderings replaced by the preferred one "
            "(Korean particles adjusted); every other byte is kept"
        ),
    )
    parser.add_argument("--all", action="store_true", help=_("also list the terms that are rendered correctly"))
    parser.add_argument("--no-numbers", action="store_true", help=_("do not compare numbers"))
    add_force_option(parser)
    parser.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    out_path = check_output_path(args.fix, args.force) if args.fix else None
    source = _read_nonempty(args.source)
    target = _read_nonempty(args.target)
    src_lang, tgt_lang = _direction(args, source, target)
    glossary = glossary_from_args(args)
    matcher = Matcher(glossary, [src_lang, tgt_lang])
    if args.presplit:
        doc = presplit_document(source, target, src_lang, tgt_lang, args.source, args.target)
    else:
        from diglot.align import align_texts  # kiwipiepy is loaded only when needed

        with _working(_("splitting and aligning sentences")):
            doc = align_texts(source, target, src_lang, tgt_lang, matcher=matcher, doc_id=Path(args.target).name)
    findings = check_document(doc, matcher, numbers=not args.no_numbers)
    problems = [f for f in findings if is_problem(f.status)]

    if args.json:
        _print_json(doc, findings, args.presplit)
    else:
        signature = Signature.make(
            glossary=glossary.fingerprint, direction=f"{src_lang}-{tgt_lang}", presplit=args.presplit
        )
        _print_report(doc, findings if args.all else problems, findings, args.presplit, signature)
    if out_path is not None:
        fixed = fix_document(_raw_text(args.target, target), doc, findings, glossary)
        atomic_write(out_path, fixed.text)
        if fixed.skipped:
            print_warning(
                _("{count} fixes could not be placed in {name} and were left out").format(
                    count=fixed.skipped, name=args.target
                )
            )
        if not args.json:
            stdout().print(
                _("wrote {name}: {count} renderings fixed").format(name=out_path, count=fixed.applied),
                markup=False,
                emoji=False,
            )
    return EXIT_FINDINGS if problems else EXIT_OK


def _working(message: str) -> contextlib.AbstractContextManager[object]:
    """A spinner on a terminal while slow work runs; nothing in pipes and logs."""
    console = stderr()
    return console.status(message) if console.is_terminal else contextlib.nullcontext()


def _read_nonempty(path: str) -> str:
    text = read_text(path)
    if not text.strip():
        raise InputError(_("{name} is empty: nothing to check").format(name=path))
    return text


def _raw_text(path: str, text: str) -> str:
    """The target as it is on disk (``text`` is its normalised form), so --fix keeps every byte."""
    if path == "-":
        return text
    return Path(path).read_bytes().decode("utf-8")  # read_text has already refused anything not UTF-8


def _direction(args: argparse.Namespace, source: str, target: str) -> tuple[str, str]:
    detected = (script_of(source), script_of(target))
    if args.direction:
        src_lang, tgt_lang = args.direction.split("-")
        if detected == (tgt_lang, src_lang):
            print_warning(
                _("the source looks {src} and the target {tgt}, but --direction says {direction}").format(
                    src=detected[0], tgt=detected[1], direction=args.direction
                )
            )
        return src_lang, tgt_lang
    if detected[0] == detected[1]:
        raise DiglotError(
            _("both files look {lang}: say which language is which with --direction ko-en or --direction en-ko").format(
                lang=detected[0]
            )
        )
    return detected


def _print_json(doc: AlignedDocument, findings: list[Finding], presplit: bool) -> None:
    for record in json_records(doc, findings, presplit):
        print(json.dumps(record, ensure_ascii=False))  # plain print: rich would touch :emoji: codes


def _print_report(
    doc: AlignedDocument,
    shown: list[Finding],
    findings: list[Finding],
    presplit: bool,
    signature: Signature,
) -> None:
    console = stdout()
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
            line.append(f"{finding.status:<15}", style=STATUS_STYLES.get(finding.status, _OTHER_STYLE))
            if finding.entry:
                line.append(f"{finding.entry}: ", style="dim")
            line.append(finding.message)
            console.print(line)
    counts = Counter(f.status for f in findings)
    table = Table(title=_("check summary"), show_edge=False)
    table.add_column(_("status"))
    table.add_column(_("count"), justify="right")
    for status in statuses.ALL_STATUSES:
        if counts[status]:
            table.add_row(Text(status, style=STATUS_STYLES.get(status, _OTHER_STYLE)), str(counts[status]))
    console.print()
    if counts:
        console.print(table)
    problems = sum(n for status, n in counts.items() if is_problem(status))
    summary = (
        _("{problems} findings in {beads} line pairs; signature {signature}")
        if presplit
        else _("{problems} findings in {beads} beads; signature {signature}")
    )
    console.print(
        summary.format(problems=problems, beads=len(doc.beads), signature=signature), markup=False, emoji=False
    )


def _labelled(label: str, text: str, spans: list[tuple[tuple[int, int] | None, str]]) -> Text:
    out = Text(f"  {label}: ", style="dim")
    body = Text(text)
    for span, status in spans:
        if span:
            body.stylize(f"{STATUS_STYLES.get(status, _OTHER_STYLE)} underline", *span)
    out.append_text(body)
    return out

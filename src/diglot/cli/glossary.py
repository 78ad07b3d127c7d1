"""``diglot glossary``: lint, show, find, add, remove, import and export glossary entries."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from rich.table import Table
from rich.text import Text

from diglot.cli.common import add_force_option, add_glossary_option, glossary_from_args
from diglot.cli.output import stdout
from diglot.errors import EXIT_FINDINGS, EXIT_OK, DiglotError, MalformedInput
from diglot.glossary import TYPES, Entry, Matcher, Origin, Problem, default_glossary_dir
from diglot.glossary.edit import add_entries, remove_entry
from diglot.glossary.formats import NAMES, format_for_path, get_format
from diglot.glossary.lint import lint
from diglot.glossary.load import glossary_files
from diglot.glossary.match import search_key
from diglot.glossary.model import Glossary, entry_from_dict
from diglot.i18n import _
from diglot.textio import atomic_write, check_output_path, read_text

KIND_STYLES = {"preferred": "bold green", "variant": "bold yellow", "forbidden": "bold red reverse"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "glossary",
        help=_("check, search, edit, import and export the terminology glossary"),
        description=_(
            "The glossary holds the names, agencies and terms every output must render the same way. "
            "It lives in YAML files (see glossaries/README.md)."
        ),
    )
    commands = parser.add_subparsers(dest="glossary_command", metavar=_("COMMAND"), required=True)

    p = commands.add_parser(
        "lint",
        help=_("check glossary files for errors"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "Check glossary files: malformed YAML, duplicate ids, a form claimed by two entries, a preferred "
            "form also forbidden, a variant equal to its preferred form, a missing language, unknown fields "
            "or types. Exit code 1 when there are errors.\n\nexample:\n  diglot glossary lint glossaries/"
        ),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=_("glossary files or folders (default: the curated ones)"))
    p.set_defaults(func=run_lint)

    p = commands.add_parser(
        "show",
        help=_("show one entry, by id or by any of its forms"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_("Show an entry with all its forms.\n\nexamples:\n  diglot glossary show cnkr\n  diglot glossary show 탈북민"),
    )
    p.add_argument("query", metavar="ID|FORM")
    add_glossary_option(p)
    p.set_defaults(func=run_show)

    p = commands.add_parser(
        "find",
        help=_("highlight glossary terms in a text file and count them"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "Print the text with every glossary mention highlighted (green: preferred, yellow: variant, "
            "red: forbidden), then a table of the entries found.\n\nexample:\n"
            "  diglot glossary find seeds/000_4cf5f6c82bb4f27d.txt"
        ),
    )
    p.add_argument("file", metavar="FILE", help=_("a text file, or - for standard input"))
    p.add_argument("--lang", dest="text_lang", help=_("only look for forms of this language (default: all)"))
    p.add_argument("--table-only", action="store_true", help=_("print only the table, not the text"))
    add_glossary_option(p)
    p.set_defaults(func=run_find)

    p = commands.add_parser(
        "add",
        help=_("add an entry to a glossary file"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "Add an entry to a glossary file, atomically (other lines and comments are kept).\n\nexample:\n"
            "  diglot glossary add --file glossaries/terms.yaml --id hanawon --type organization \\\n"
            "      --ko 하나원 --en Hanawon --en-variant 'Hanawon resettlement center' --source 'Ministry of Unification'"
        ),
    )
    p.add_argument("--file", required=True, type=Path, help=_("the YAML glossary file to add to (created if missing)"))
    p.add_argument("--id", required=True, help=_("stable id: lowercase letters, digits and hyphens"))
    p.add_argument("--type", required=True, choices=TYPES)
    p.add_argument("--status", default="approved", choices=("approved", "proposed"))
    p.add_argument("--source", default="", help=_("where the rendering comes from"))
    p.add_argument("--note", default="", help=_("a short note for translators"))
    p.add_argument("--valid-from", help=_("date the entry starts to apply (YYYY[-MM[-DD]])"))
    p.add_argument("--valid-until", help=_("date the entry stops applying (YYYY[-MM[-DD]])"))
    for lang in ("ko", "en"):
        p.add_argument(f"--{lang}", required=True, help=_("preferred form in this language"))
        p.add_argument(f"--{lang}-variant", action="append", default=[], help=_("an accepted variant (repeatable)"))
        p.add_argument(f"--{lang}-forbidden", action="append", default=[], help=_("a forbidden rendering (repeatable)"))
        p.add_argument(f"--{lang}-short", help=_("short form or acronym"))
    p.set_defaults(func=run_add)

    p = commands.add_parser("remove", help=_("remove an entry from its glossary file"))
    p.add_argument("entry_id", metavar="ID")
    p.add_argument("--file", type=Path, help=_("the YAML file holding it (default: looked up in the curated glossaries)"))
    p.set_defaults(func=run_remove)

    p = commands.add_parser(
        "import",
        help=_("convert a TBX, CSV/TSV or PO glossary to diglot's YAML"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_("Read a glossary in another format and write it as YAML.\n\nexample:\n  diglot glossary import terms.tbx -o glossaries/imported.yaml"),
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", type=Path, help=_("YAML file to write (default: standard output)"))
    add_force_option(p)
    p.set_defaults(func=run_import)

    p = commands.add_parser(
        "export",
        help=_("write the glossary as TBX, CSV, TSV or PO"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_("Export glossary entries for CAT tools and MT engines.\n\nexample:\n  diglot glossary export --format tbx -o glossary.tbx"),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=_("glossary files or folders (default: the curated ones)"))
    p.add_argument("--format", required=True, choices=[n for n in NAMES if n != "yaml"] + ["yaml"])
    p.add_argument("-o", "--output", type=Path, help=_("file to write (default: standard output)"))
    add_force_option(p)
    p.set_defaults(func=run_export)

    register_mining = _mining_commands()
    if register_mining:
        register_mining(commands)


def _mining_commands():  # type: ignore[no-untyped-def]
    """``mine``, ``review`` and ``consistency`` live in their own module."""
    try:
        from diglot.cli.glossary_mine import register as register_mining
    except ModuleNotFoundError as err:
        if err.name != "diglot.cli.glossary_mine":
            raise
        return None
    return register_mining


def _read_for_lint(paths: list[str]) -> Glossary:
    """Read every file, turning a file that cannot be read into a problem rather than a stop."""
    problems: list[Problem] = []
    entries: list[Entry] = []
    for path in glossary_files(paths or [default_glossary_dir()]):
        try:
            entries.extend(format_for_path(path).read(path, problems))
        except MalformedInput as err:
            problems.append(Problem("error", err.problem, Origin(err.file, err.line, err.column)))
        except DiglotError as err:
            problems.append(Problem("error", str(err), Origin(str(path))))
    return Glossary(entries, problems)


def run_lint(args: argparse.Namespace) -> int:
    glossary = _read_for_lint(args.paths)
    problems = lint(glossary)
    console = stdout()
    for problem in problems:
        style = "red" if problem.severity == "error" else "yellow"
        severity = _("error") if problem.severity == "error" else _("warning")
        console.print(Text.assemble((f"{problem.origin}: ", "bold"), (f"{severity}: ", style), problem.message))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    console.print(
        _("{entries} entries checked: {errors} errors, {warnings} warnings").format(
            entries=len(glossary), errors=errors, warnings=warnings
        )
    )
    return EXIT_FINDINGS if errors else EXIT_OK


def _lookup(glossary: Glossary, query: str) -> list[Entry]:
    if query in glossary:
        return [glossary.get(query)]  # type: ignore[list-item]
    key = search_key(query).casefold()
    return [
        entry
        for entry in glossary
        if any(search_key(form).casefold() == key for terms in entry.langs.values() for form, _k, _s in terms.forms())
    ]


def entry_table(entry: Entry) -> Table:
    """A table of one entry: its fields, then a row per language."""
    table = Table(title=f"{entry.id} ({entry.type}, {entry.status})", show_header=True, title_justify="left")
    table.add_column(_("language"))
    table.add_column(_("preferred"), style="green")
    table.add_column(_("variants"), style="yellow")
    table.add_column(_("forbidden"), style="red")
    table.add_column(_("short form"))
    for lang, terms in entry.langs.items():
        table.add_row(lang, terms.preferred, ", ".join(terms.variants), ", ".join(terms.forbidden), terms.short or "")
    notes = [(_("note"), entry.note), (_("source of the rendering"), entry.source)]
    if entry.valid_from or entry.valid_until:
        notes.append((_("valid"), f"{entry.valid_from or '…'} – {entry.valid_until or '…'}"))
    table.caption = "\n".join(f"{label}: {value}" for label, value in notes if value)
    table.caption_justify = "left"
    return table


def run_show(args: argparse.Namespace) -> int:
    glossary = glossary_from_args(args)
    found = _lookup(glossary, args.query)
    if not found:
        raise DiglotError(_("no entry has the id or form {query!r}").format(query=args.query))
    console = stdout()
    for entry in found:
        console.print(entry_table(entry))
    return EXIT_OK


def run_find(args: argparse.Namespace) -> int:
    glossary = glossary_from_args(args)
    text = read_text(args.file)
    mentions = Matcher(glossary).find(text, args.text_lang)
    console = stdout()
    if not args.table_only:
        highlighted = Text(text)
        for m in mentions:
            highlighted.stylize(KIND_STYLES[m.kind], m.start, m.end)
        console.print(highlighted)
        console.print()
    counts = Counter((m.entry, m.kind) for m in mentions)
    forms: dict[str, set[str]] = {}
    for m in mentions:
        forms.setdefault(m.entry, set()).add(m.text)
    table = Table(title=_("{count} mentions of {entries} entries").format(count=len(mentions), entries=len(forms)))
    table.add_column(_("entry"), overflow="fold")
    table.add_column(_("type"), no_wrap=True)
    table.add_column(_("preferred"), justify="right", style="green")
    table.add_column(_("variant"), justify="right", style="yellow")
    table.add_column(_("forbidden"), justify="right", style="red")
    table.add_column(_("forms found"))
    for entry_id in sorted(forms, key=lambda e: (-sum(counts[(e, k)] for k in KIND_STYLES), e)):
        entry = glossary.get(entry_id)
        table.add_row(
            entry_id,
            entry.type if entry else "",
            *(str(counts[(entry_id, kind)] or "") for kind in KIND_STYLES),
            ", ".join(sorted(forms[entry_id])),
        )
    console.print(table)
    return EXIT_OK


def run_add(args: argparse.Namespace) -> int:
    raw: dict[str, object] = {"id": args.id, "type": args.type, "status": args.status}
    for name in ("source", "note", "valid_from", "valid_until"):
        if getattr(args, name):
            raw[name] = getattr(args, name)
    for lang in ("ko", "en"):
        raw[lang] = {
            "preferred": getattr(args, lang),
            "variants": getattr(args, f"{lang}_variant"),
            "forbidden": getattr(args, f"{lang}_forbidden"),
            "short": getattr(args, f"{lang}_short"),
        }
    problems: list[Problem] = []
    entry = entry_from_dict(raw, Origin(str(args.file)), problems)
    if problems or entry is None:
        raise DiglotError(problems[0].message if problems else _("invalid entry"))
    add_entries(args.file, [entry])
    stdout().print(_("added {id} to {file}").format(id=entry.id, file=args.file))
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    candidates = [args.file] if args.file else glossary_files([default_glossary_dir()])
    for path in candidates:
        problems: list[Problem] = []
        if any(entry.id == args.entry_id for entry in format_for_path(Path(path)).read(Path(path), problems)):
            remove_entry(path, args.entry_id)
            stdout().print(_("removed {id} from {file}").format(id=args.entry_id, file=path))
            return EXIT_OK
    raise DiglotError(_("no entry {id} in {where}").format(id=args.entry_id, where=", ".join(map(str, candidates))))


def _write_output(text: str, output: Path | None, force: bool) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    atomic_write(check_output_path(output, force), text)
    stdout().print(_("wrote {file}").format(file=output))


def run_import(args: argparse.Namespace) -> int:
    problems: list[Problem] = []
    entries = format_for_path(args.file).read(args.file, problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DiglotError(str(errors[0]))
    _write_output(get_format("yaml").dumps(entries), args.output, args.force)
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from diglot.glossary import load_glossary

    glossary = load_glossary(args.paths or None)
    _write_output(get_format(args.format).dumps(glossary.entries), args.output, args.force)
    return EXIT_OK

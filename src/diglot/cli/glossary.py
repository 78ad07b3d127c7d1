"""``diglot glossary``: lint, show, find, add, remove, import and export glossary entries.

Building the parser imports nothing heavy: the matcher, rich and the format readers are
imported by the command that uses them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diglot.cli.common import add_force_option, add_glossary_option, glossary_from_args, glossary_inputs
from diglot.errors import EXIT_FINDINGS, EXIT_OK, DiglotError
from diglot.glossary.model import STATUSES, TYPES, Entry, Glossary, Origin, Problem
from diglot.i18n import _, ngettext

KIND_STYLES = {
    "preferred": "bold green",
    "variant": "bold yellow",
    "adjective": "bold cyan",
    "accepted": "bold cyan",
    "reference": "bold cyan",
    "forbidden": "bold red reverse",
}


def _command(
    commands: argparse._SubParsersAction, name: str, help_text: str, description: str, example: str, exit_codes: str | None = None
) -> argparse.ArgumentParser:
    """A subcommand whose ``--help`` teaches: what it does, an example, and its exit codes."""
    exit_codes = exit_codes or _("exit codes: 0 ok, 2 usage or input error")
    return commands.add_parser(
        name,
        help=help_text,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=f"{description}\n\n{_('example:')}\n{example}\n\n{exit_codes}",
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "glossary",
        help=_("check, search, edit, import and export the terminology glossary"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "The glossary holds the names, agencies and terms every output must render the same way. "
            "It lives in YAML files (see glossaries/README.md).\n\nexample:\n  diglot glossary lint\n  "
            "diglot glossary show 탈북자\n\nexit codes: 0 ok, 1 findings (lint), 2 usage or input error"
        ),
    )
    commands = parser.add_subparsers(dest="glossary_command", metavar=_("COMMAND"), required=True)

    p = _command(
        commands,
        "lint",
        _("check glossary files for errors"),
        _(
            "Check glossary files: malformed YAML, a key written twice, a field of the wrong type, duplicate ids, "
            "a form claimed by two entries, a preferred form also forbidden, a variant equal to its preferred "
            "form, a missing language, unknown fields or types. Each problem names its file, line and column."
        ),
        "  diglot glossary lint glossaries/",
        _("exit codes: 0 no errors, 1 errors found, 2 usage error"),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=_("glossary files or folders (default: the curated ones)"))
    p.set_defaults(func=run_lint)

    p = _command(
        commands,
        "show",
        _("show one entry, by id or by any of its forms"),
        _("Show an entry with all its forms."),
        "  diglot glossary show cnkr\n  diglot glossary show 탈북민",
    )
    p.add_argument("query", metavar="ID|FORM")
    add_glossary_option(p)
    p.set_defaults(func=run_show)

    p = _command(
        commands,
        "find",
        _("highlight glossary terms in a text file and count them"),
        _(
            "Print the text with every glossary mention highlighted (green: preferred, yellow: variant, "
            "cyan: adjective, accepted or reference, red: forbidden), then a table of the entries found."
        ),
        "  diglot glossary find seeds/000_4cf5f6c82bb4f27d.txt --text-lang en",
    )
    p.add_argument("file", metavar="FILE", help=_("a text file, or - for standard input"))
    p.add_argument("--text-lang", choices=("ko", "en"), help=_("the language of the text: look only for its forms (default: all)"))
    p.add_argument("--table-only", action="store_true", help=_("print only the table, not the text"))
    add_glossary_option(p)
    p.set_defaults(func=run_find)

    p = _command(
        commands,
        "add",
        _("add an entry to a glossary file"),
        _(
            "Add an entry to a YAML glossary file, atomically: other lines and comments are kept, a symbolic "
            "link is followed, the file keeps its owner and mode. The entry is checked against the whole "
            "glossary the file belongs to (every YAML file in its folder): an id or a form another entry "
            "already has is refused with lint's message, and nothing is written."
        ),
        "  diglot glossary add --file glossaries/organizations.yaml --id korea-hana-foundation \\\n"
        "      --type organization --ko 남북하나재단 --en 'Korea Hana Foundation' \\\n"
        "      --source \"The foundation's own English name\"",
    )
    p.add_argument("--file", required=True, type=Path, help=_("the YAML glossary file to add to (created if missing)"))
    p.add_argument("--id", required=True, help=_("stable id: lowercase letters, digits and hyphens"))
    p.add_argument("--type", required=True, choices=TYPES)
    p.add_argument("--status", default="approved", choices=STATUSES)
    p.add_argument("--source", default="", help=_("where the rendering comes from"))
    p.add_argument("--note", default="", help=_("a short note for translators"))
    p.add_argument("--valid-from", help=_("date the entry starts to apply (YYYY[-MM[-DD]])"))
    p.add_argument("--valid-until", help=_("date the entry stops applying (YYYY[-MM[-DD]])"))
    for lang in ("ko", "en"):
        p.add_argument(f"--{lang}", required=True, help=_("preferred form in this language"))
        p.add_argument(f"--{lang}-variant", action="append", default=[], help=_("an accepted variant (repeatable)"))
        p.add_argument(f"--{lang}-forbidden", action="append", default=[], help=_("a forbidden rendering (repeatable)"))
        p.add_argument(f"--{lang}-short", help=_("short form or acronym"))
        p.add_argument(f"--{lang}-adjective", action="append", default=[], help=_("an adjective or demonym form (repeatable)"))
        p.add_argument(f"--{lang}-accepted", action="append", default=[], help=_("a rendering accepted but never written by translation (repeatable)"))
        p.add_argument(f"--{lang}-reference", action="append", default=[], help=_("a short reference, fine after the first full mention (repeatable)"))
    p.set_defaults(func=run_add)

    p = _command(
        commands,
        "remove",
        _("remove an entry from its glossary file"),
        _("Remove an entry from the YAML file that holds it, atomically; every other line and comment is kept."),
        "  diglot glossary remove hanawon --file glossaries/organizations.yaml",
    )
    p.add_argument("entry_id", metavar="ID")
    p.add_argument("--file", type=Path, help=_("the YAML file holding it (default: looked up in the curated glossaries)"))
    p.set_defaults(func=run_remove)

    p = _command(
        commands,
        "import",
        _("convert a TBX, CSV/TSV or PO glossary to diglot's YAML"),
        _("Read a glossary in another format and write it as YAML."),
        "  diglot glossary import terms.tbx -o glossaries/imported.yaml",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", type=Path, help=_("YAML file to write (default: standard output)"))
    add_force_option(p)
    p.set_defaults(func=run_import)

    from diglot.glossary.formats import FORMATS

    p = _command(
        commands,
        "export",
        _("write the glossary as TBX, CSV, TSV or PO"),
        _("Export glossary entries for CAT tools and MT engines. Formats:\n{formats}\n(docs/glossary-formats.md says what each keeps)").format(
            formats=FORMATS.help()
        ),
        "  diglot glossary export --format tbx -o glossary.tbx",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=_("glossary files or folders (default: the curated ones)"))
    p.add_argument("--format", required=True, choices=FORMATS.names())
    p.add_argument("-o", "--output", type=Path, help=_("file to write (default: standard output)"))
    add_force_option(p)
    p.set_defaults(func=run_export)

    from diglot.cli.glossary_mine import register as register_mining  # mine, review, consistency

    register_mining(commands)


def _read_for_lint(paths: list[str]) -> Glossary:
    """Read every file, turning a file that cannot be read into a problem rather than a stop."""
    from diglot.errors import MalformedInput
    from diglot.glossary import default_glossary_dir
    from diglot.glossary.formats import format_for_path
    from diglot.glossary.load import glossary_files

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
    from rich.text import Text

    from diglot.cli.output import stdout
    from diglot.glossary.lint import lint

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
    from diglot.glossary.match import search_key

    if query in glossary:
        return [glossary.get(query)]  # type: ignore[list-item]
    key = search_key(query).casefold()
    return [
        entry
        for entry in glossary
        if any(search_key(form).casefold() == key for terms in entry.langs.values() for form, _k, _s in terms.forms())
    ]


def entry_table(entry: Entry):  # type: ignore[no-untyped-def]
    """A rich table of one entry: its fields, then a row per language."""
    from rich.table import Table

    table = Table(title=f"{entry.id} ({entry.type}, {entry.status})", show_header=True, title_justify="left")
    table.add_column(_("language"))
    table.add_column(_("preferred"), style="green")
    table.add_column(_("variants"), style="yellow")
    table.add_column(_("also fine"), style="cyan")
    table.add_column(_("forbidden"), style="red")
    table.add_column(_("short form"))
    for lang, terms in entry.langs.items():
        also = [*terms.adjective, *terms.accepted, *(_("{form} (after the first mention)").format(form=f) for f in terms.references)]
        table.add_row(
            lang, terms.preferred, ", ".join(terms.variants), ", ".join(also), ", ".join(terms.forbidden), terms.short or ""
        )
    notes = [(_("note"), entry.note), (_("source of the rendering"), entry.source)]
    if entry.valid_from or entry.valid_until:
        notes.append((_("valid"), f"{entry.valid_from or '…'} – {entry.valid_until or '…'}"))
    table.caption = "\n".join(f"{label}: {value}" for label, value in notes if value)
    table.caption_justify = "left"
    return table


def run_show(args: argparse.Namespace) -> int:
    from diglot.cli.output import stdout

    glossary = glossary_from_args(args)
    found = _lookup(glossary, args.query)
    if not found:
        raise DiglotError(_("no entry has the id or form {query!r}").format(query=args.query))
    console = stdout()
    for entry in found:
        console.print(entry_table(entry))
    return EXIT_OK


def run_find(args: argparse.Namespace) -> int:
    from collections import Counter

    from rich.table import Table
    from rich.text import Text

    from diglot.cli.output import stdout
    from diglot.glossary import Matcher
    from diglot.textio import read_text

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
    columns = {  # heading → the kinds it counts
        _("preferred"): ("preferred",),
        _("variant"): ("variant",),
        _("also fine"): ("adjective", "accepted", "reference"),
        _("forbidden"): ("forbidden",),
    }
    counts = Counter((m.entry, m.kind) for m in mentions)
    forms: dict[str, set[str]] = {}
    for m in mentions:
        forms.setdefault(m.entry, set()).add(m.text)
    table = Table(title=_("{count} mentions of {entries} entries").format(count=len(mentions), entries=len(forms)))
    table.add_column(_("entry"), overflow="fold")
    table.add_column(_("type"), no_wrap=True)
    for label, kinds in columns.items():
        table.add_column(label, justify="right", style=KIND_STYLES[kinds[0]].replace(" reverse", ""))
    table.add_column(_("forms found"))
    for entry_id in sorted(forms, key=lambda e: (-sum(counts[(e, k)] for k in KIND_STYLES), e)):
        entry = glossary.get(entry_id)
        table.add_row(
            entry_id,
            entry.type if entry else "",
            *(str(sum(counts[(entry_id, kind)] for kind in kinds) or "") for kinds in columns.values()),
            ", ".join(sorted(forms[entry_id])),
        )
    console.print(table)
    return EXIT_OK


def run_add(args: argparse.Namespace) -> int:
    from diglot.cli.output import stdout
    from diglot.glossary.edit import add_entries, editable_path, rest_of_glossary
    from diglot.glossary.model import entry_from_dict

    editable_path(args.file)  # refuse a TBX, CSV or PO file before anything else
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
            "adjective": getattr(args, f"{lang}_adjective"),
            "accepted": getattr(args, f"{lang}_accepted"),
            "references": getattr(args, f"{lang}_reference"),
        }
    problems: list[Problem] = []
    entry = entry_from_dict(raw, Origin(str(args.file)), problems)
    if problems or entry is None:
        raise DiglotError(problems[0].message if problems else _("invalid entry"))
    add_entries(args.file, [entry], rest_of_glossary(args.file))
    stdout().print(_("added {id} to {file}").format(id=entry.id, file=args.file))
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    from diglot.cli.output import stdout
    from diglot.glossary import default_glossary_dir
    from diglot.glossary.edit import remove_entry
    from diglot.glossary.formats import format_for_path
    from diglot.glossary.load import glossary_files

    candidates = [args.file] if args.file else glossary_files([default_glossary_dir()])
    for path in candidates:
        problems: list[Problem] = []
        if any(entry.id == args.entry_id for entry in format_for_path(Path(path)).read(Path(path), problems)):
            remove_entry(path, args.entry_id)
            stdout().print(_("removed {id} from {file}").format(id=args.entry_id, file=path))
            return EXIT_OK
    raise DiglotError(_("no entry {id} in {where}").format(id=args.entry_id, where=", ".join(map(str, candidates))))


def _write_output(text: str, output: Path | None, force: bool) -> None:
    from diglot.cli.output import stdout
    from diglot.textio import atomic_write

    if output is None:
        sys.stdout.write(text)
        return
    atomic_write(output, text)
    stdout().print(_("wrote {file}").format(file=output))


def run_import(args: argparse.Namespace) -> int:
    from diglot.glossary.formats import format_for_path, get_format
    from diglot.textio import check_output_path

    if args.output:
        check_output_path(args.output, args.force, [args.file])  # before reading: refuse early
        if Path(args.output).suffix.lower() not in (".yaml", ".yml"):  # YAML in out.csv reads as a broken CSV
            raise DiglotError(
                _("{name}: glossary import writes YAML; name the file .yaml (glossary export writes the other formats)").format(
                    name=args.output
                )
            )
    from diglot.glossary.lint import lint

    problems: list[Problem] = []
    entries = format_for_path(args.file).read(args.file, problems)
    # The YAML written must load: an entry without Korean, or a form two entries claim (synonyms
    # of two concepts in a termbase), would make every command refuse it later.
    errors = [p for p in lint(Glossary(entries, problems)) if p.severity == "error"]
    if errors:
        raise DiglotError(
            ngettext("{first} ({count} error in all; nothing was written)", "{first} ({count} errors in all; nothing was written)",
                     len(errors)).format(first=errors[0], count=len(errors))
        )
    if not entries:  # an empty YAML glossary written for an empty file is no import
        raise DiglotError(_("{name} holds no glossary entries: nothing to import").format(name=args.file))
    _write_output(get_format("yaml").dumps(entries), args.output, args.force)
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from diglot.glossary import load_glossary
    from diglot.glossary.formats import get_format
    from diglot.textio import check_output_path

    if args.output:
        check_output_path(args.output, args.force, glossary_inputs(args.paths))
    glossary = load_glossary(args.paths or None)
    _write_output(get_format(args.format).dumps(glossary.entries), args.output, args.force)
    return EXIT_OK

"""What every command's module shares: the list of commands, a parser whose ``--help`` teaches,
the options several commands take, and the spinner for slow work.

This module is imported to build any parser, so it imports nothing heavy at its top.

>>> import argparse
>>> commands = argparse.ArgumentParser().add_subparsers()
>>> parser = add_command(commands, "edition", "Put two texts side by side.",
...                      examples=["diglot edition a.txt b.ko.txt -o a.html"], exit_codes="0 ok, 2 usage or input error")
>>> add_output_option(parser, required=True); add_force_option(parser)
"""

from __future__ import annotations

import argparse
import contextlib
import math
from typing import TYPE_CHECKING, Iterator, Sequence

from diglot.errors import DiglotError
from diglot.i18n import N_, _

if TYPE_CHECKING:
    from diglot.doc import Progress
    from diglot.glossary import Glossary

# name → the help line `diglot --help` shows, so that the top-level help imports no command module.
COMMANDS = {
    "edition": N_("make a bilingual edition (HTML side by side) or a TMX, XLIFF, PO, TSV or JSONL file"),
    "align": N_("align the Korean and English versions of an article sentence by sentence"),
    "check": N_("check a translation against the glossary and its numbers; fix wrong renderings"),
    "translate": N_("translate articles offline, enforcing the glossary"),
    "models": N_("install, list and remove offline translation models"),
    "glossary": N_("check, search, edit, import and export the terminology glossary"),
    "serve": N_("serve translation and the glossary over HTTP, offline"),
    "pair": N_("find which Korean article of an archive translates which English one"),
}


def add_command(
    subparsers: argparse._SubParsersAction,
    name: str,
    description: str,
    *,
    examples: Sequence[str] = (),
    exit_codes: str | None = None,
    help_text: str | None = None,
) -> argparse.ArgumentParser:
    """The parser of command ``name``, with a ``--help`` that says what it does, shows examples
    and lists its exit codes.

    ``description`` (translated) may hold its own paragraphs and lists, kept as written;
    ``examples`` are command lines, shown as they are; ``exit_codes`` (translated) defaults to
    "0 ok, 2 usage or input error". ``help_text``, the command's line in its parent's list,
    defaults to its line in :data:`COMMANDS` (subcommands give theirs).
    """
    text = description
    if examples:
        text += "\n\n" + _("examples:") + "\n" + "\n".join(f"  {example}" for example in examples)
    return subparsers.add_parser(
        name,
        help=help_text or _(COMMANDS[name]),
        description=text,
        epilog=_("Exit codes: {codes}.").format(codes=exit_codes or _("0 ok, 2 usage or input error")),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def add_output_option(parser: argparse.ArgumentParser, *, required: bool = False, help_text: str | None = None) -> None:
    """``-o/--output OUT``; without ``required``, the command writes to standard output when it is not given."""
    parser.add_argument(
        "-o",
        "--output",
        required=required,
        type=path_arg,
        metavar="OUT",
        help=help_text or (_("the file to write") if required else _("write here instead of standard output")),
    )


def add_force_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help=_("overwrite the output file if it exists"))


def add_glossary_option(parser: argparse.ArgumentParser, help_text: str | None = None) -> None:
    """``-g/--glossary PATH`` (repeatable); ``help_text`` says what this command does with it."""
    parser.add_argument(
        "-g",
        "--glossary",
        action="append",
        type=path_arg,
        metavar="PATH",
        help=help_text
        or _(
            "glossary to use: a YAML file, a folder of them, or a TBX, CSV/TSV or PO file; "
            "repeat to combine (default: the curated glossaries shipped with diglot)"
        ),
    )


def add_date_option(parser: argparse.ArgumentParser) -> None:
    """``--date YYYY[-MM[-DD]]``: keep only the glossary entries in force when the text was written."""
    parser.add_argument(
        "--date",
        type=_date,
        metavar="YYYY[-MM[-DD]]",
        help=_(
            "when the text was written: use only the glossary entries in force then (office holders, "
            "agencies renamed since)"
        ),
    )


def _date(value: str) -> str:
    from diglot.glossary.model import is_date

    if not is_date(value):
        raise argparse.ArgumentTypeError(_("expected YYYY, YYYY-MM or YYYY-MM-DD, not {value}").format(value=value))
    return value


def glossary_inputs(paths: Sequence[str] | None) -> list[str]:
    """The files the glossaries of ``-g`` (default: the curated ones) are read from: inputs an
    output must never replace (``check_output_path``), even with ``--force``."""
    from diglot.glossary import default_glossary_dir
    from diglot.glossary.load import glossary_files

    return [str(path) for path in glossary_files(paths or [default_glossary_dir()])]


def glossary_from_args(args: argparse.Namespace) -> Glossary:
    """The glossaries of ``-g`` (default: the curated ones), as of ``--date`` where the command has it."""
    from diglot.glossary import load_glossary

    glossary = load_glossary(args.glossary)
    return glossary.valid_on(args.date) if getattr(args, "date", None) else glossary


def refuse_stdin_twice(names: Sequence[str]) -> None:
    """Refuse ``-`` among ``names`` more than once: standard input can be read only once, so
    the second copy would be read empty."""
    if list(names).count("-") > 1:
        raise DiglotError(_("standard input (-) can be given only once"))


def path_arg(value: str) -> str:
    """An argparse ``type``: a path, never the empty string (which Python reads as the current
    folder: ``-g ""`` loaded every YAML file there, ``-o ""`` wrote to standard output)."""
    if not value:
        raise argparse.ArgumentTypeError(_("expected a path, not an empty string"))
    return value


def positive_int(value: str) -> int:
    """An argparse ``type``: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(_("expected a whole number of at least 1, not {value}").format(value=value))
    return number


def finite_float(value: str) -> float:
    """An argparse ``type``: a number, not ``nan`` nor ``inf`` (every comparison with NaN is
    false, so a threshold of ``nan`` silently let everything through)."""
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise argparse.ArgumentTypeError(_("expected a number, not {value}").format(value=value))
    return number


def working(message: str) -> contextlib.AbstractContextManager[object]:
    """A spinner on standard error while slow work runs, on a terminal only (nothing in pipes and logs)."""
    from diglot.cli.output import stderr

    console = stderr()
    return console.status(message) if console.is_terminal else contextlib.nullcontext()


@contextlib.contextmanager
def progress_bar(description: str, worth_it: bool = True) -> Iterator[Progress | None]:
    """A :data:`diglot.doc.Progress` callback drawing a bar on standard error, or ``None``.

    The bar is drawn on a terminal only, and only where the caller says the work is long enough
    (``worth_it``); it goes away when the work ends. Pass what this yields as the ``progress=``
    argument of the long call.
    """
    from diglot.cli.output import stderr

    console = stderr()
    if not (worth_it and console.is_terminal):
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(description), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)

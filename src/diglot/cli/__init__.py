"""The ``diglot`` command line: a thin layer over the Python API.

Each command is one module of this package (``diglot.cli.<name>``) with a
``register(subparsers)`` function that adds its parser and sets ``func``.
:data:`diglot.cli.common.COMMANDS` lists them with their one-line help, so that building the
parser imports only the module of the command being run: ``diglot --version`` and
``diglot --help`` import none.

Exit codes: 0 ok, 1 findings (lint errors, check findings), 2 usage or input error,
3 ``translate --strict`` with a glossary mention that could not be enforced.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from diglot import __version__
from diglot.cli.common import COMMANDS
from diglot.errors import EXIT_USAGE, DiglotError
from diglot.i18n import SUPPORTED, _, install_for_argparse, set_language


def _split_language(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--lang CODE`` taken out of ``argv`` wherever it stands (before or after the command).

    It must be known before the parser is built, since help texts are translated. Arguments
    after ``--`` are left alone. A code diglot does not speak is refused as argparse would.
    """
    code, rest = None, []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg == "--lang" or arg.startswith("--lang="):
            if arg == "--lang" and i + 1 >= len(argv):
                rest.append(arg)  # argparse says that it expects one argument
                break
            value = arg.split("=", 1)[1] if "=" in arg else argv[i + 1]
            if value not in SUPPORTED:
                choices = ", ".join(map(repr, SUPPORTED))
                message = _("invalid choice: %(value)r (choose from %(choices)s)") % {
                    "value": value,
                    "choices": choices,
                }
                _top_parser().error(
                    _("argument %(argument_name)s: %(message)s") % {"argument_name": "--lang", "message": message}
                )
            code = value
            i += 1 if "=" in arg else 2
            continue
        rest.append(arg)
        i += 1
    return code, rest


def _command_in(argv: list[str]) -> str | None:
    """The command ``argv`` runs: its first word that is not an option."""
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose usage errors are one line, as every other error (argparse prints
    the usage first); the commands' parsers are of this class too (argparse makes them so)."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(EXIT_USAGE, _("{prog}: error: {message} (see `{prog} --help`)").format(prog=self.prog, message=message) + "\n")


def _top_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="diglot",
        description=_(
            "Offline Korean–English translation, glossary enforcement, sentence alignment and bilingual editions."
        ),
        epilog=_(
            "Run `diglot COMMAND --help` to learn a command. Exit codes: 0 ok, 1 findings, 2 usage or input error, "
            "3 translate --strict: a glossary term could not be enforced."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"diglot {__version__}", help=_("show program's version number and exit")
    )
    parser.add_argument(
        "--lang",
        choices=SUPPORTED,
        help=_("language of messages (default: from LANG; Korean if it starts with ko); also after the command"),
    )
    return parser


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: every command listed, only the one ``argv`` runs built in full.

    Without ``argv`` every command is built (for documentation and tests).
    """
    parser = _top_parser()
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    chosen = _command_in(argv) if argv is not None else None
    for name, help_text in COMMANDS.items():
        if argv is None or name == chosen:
            importlib.import_module(f"diglot.cli.{name}").register(subparsers)
        else:
            subparsers.add_parser(name, help=_(help_text))
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    install_for_argparse()
    if hasattr(sys.stderr, "reconfigure"):  # a message always reaches the user, whatever the encoding
        sys.stderr.reconfigure(errors="backslashreplace")
    try:
        code, argv = _split_language(argv)
        set_language(code)
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return EXIT_USAGE
        return int(args.func(args) or 0)
    except DiglotError as err:
        from diglot.cli.output import print_error

        print_error(str(err))
        return EXIT_USAGE
    except KeyboardInterrupt:
        from diglot.cli.output import print_error

        print_error(_("interrupted"))
        return 130
    except BrokenPipeError:  # `diglot ... | head`
        return 0
    except UnicodeEncodeError as err:  # PYTHONIOENCODING=ascii, a Latin-1 terminal: Korean cannot be written
        from diglot.cli.output import print_error

        print_error(
            _("standard output cannot hold this text (its encoding is {encoding}): set PYTHONIOENCODING=utf-8").format(
                encoding=err.encoding
            )
        )
        return EXIT_USAGE
    finally:
        set_language(None)

"""The ``diglot`` command line: a thin layer over the Python API.

Each command group is one module of this package with a ``register(subparsers)`` function.
Exit codes: 0 ok, 1 findings (lint errors, check findings), 2 usage or input error,
3 ``translate --strict`` with a glossary mention that could not be enforced.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from diglot import __version__
from diglot.cli.output import print_error
from diglot.errors import EXIT_USAGE, DiglotError
from diglot.i18n import SUPPORTED, _, install_for_argparse, set_language

COMMANDS = ("glossary", "translate", "models", "check", "align", "edition", "serve")


def _language_from_argv(argv: list[str]) -> str | None:
    """``--lang`` must be known before the parser is built, since help texts are translated."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in SUPPORTED else None
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in SUPPORTED else None
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diglot",
        description=_(
            "Offline Korean–English translation, glossary enforcement, sentence alignment and bilingual editions."
        ),
        epilog=_("Run `diglot COMMAND --help` to learn a command. Exit codes: 0 ok, 1 findings, 2 usage or input error."),
    )
    parser.add_argument(
        "--version", action="version", version=f"diglot {__version__}", help=_("show program's version number and exit")
    )
    parser.add_argument(
        "--lang", choices=SUPPORTED, help=_("language of messages (default: from LANG; Korean if it starts with ko)")
    )
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    for name in COMMANDS:
        importlib.import_module(f"diglot.cli.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_from_argv(argv))
    install_for_argparse()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return EXIT_USAGE
        return int(args.func(args) or 0)
    except DiglotError as err:
        print_error(str(err))
        return EXIT_USAGE
    except KeyboardInterrupt:
        print_error(_("interrupted"))
        return 130
    except BrokenPipeError:  # `diglot ... | head`
        return 0
    finally:
        set_language(None)

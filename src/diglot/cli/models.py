"""``diglot models``: install, list, remove and download translation packages."""

from __future__ import annotations

import argparse

from rich.table import Table

from diglot.cli.output import stdout
from diglot.errors import EXIT_OK
from diglot.i18n import _
from diglot.translate import models


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "models",
        help=_("install, list and remove offline translation models"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "diglot translates with Argos Translate packages (.argosmodel files), run by CTranslate2. "
            "Models live in diglot's data folder ($DIGLOT_HOME, else $XDG_DATA_HOME/diglot); packages that "
            "Argos Translate installed are found too.\n\nexamples:\n"
            "  diglot models install translate-ko_en-1_1.argosmodel\n  diglot models list\n"
            "  diglot models remove ko en"
        ),
    )
    commands = parser.add_subparsers(dest="models_command", metavar=_("COMMAND"), required=True)

    p = commands.add_parser(
        "install",
        help=_("check and install an .argosmodel file"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "Check a package completely (zip, metadata.json, CTranslate2 model, SentencePiece model, safe paths, "
            "size), test how the model carries glossary terms, then install it. A broken package is refused and "
            "leaves nothing behind.\n\nexample:\n  diglot models install translate-ko_en-1_1.argosmodel"
        ),
    )
    p.add_argument("package", metavar="PATH.argosmodel")
    p.add_argument("--force", action="store_true", help=_("replace the same pair and version if installed"))
    p.set_defaults(func=run_install)

    p = commands.add_parser("list", help=_("list installed models"), description=_("List installed models: pair, version, size, where."))
    p.set_defaults(func=run_list)

    p = commands.add_parser(
        "remove",
        help=_("remove an installed model"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_("Remove the model for a language pair.\n\nexample:\n  diglot models remove ko en"),
    )
    p.add_argument("from_code", metavar="FROM")
    p.add_argument("to_code", metavar="TO")
    p.add_argument("--version", dest="model_version", help=_("remove only this version"))
    p.set_defaults(func=run_remove)

    p = commands.add_parser(
        "download",
        help=_("download a model from Argos Translate's index (uses the network)"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "The only diglot command that uses the network. Needs the argos extra: "
            "pip install 'diglot[argos]' (install CPU torch first).\n\nexample:\n  diglot models download ko en"
        ),
    )
    p.add_argument("from_code", metavar="FROM")
    p.add_argument("to_code", metavar="TO")
    p.set_defaults(func=run_download)


def _size(n: int) -> str:
    return f"{n / 1024**2:.1f} MB"


def run_install(args: argparse.Namespace) -> int:
    with stdout().status(_("checking {name}").format(name=args.package)):
        model = models.install(args.package, force=args.force)
    method = model.meta().get("protection", {}).get("method", "?")
    stdout().print(
        _("installed {pair} {version} in {path} (glossary terms protected as: {method})").format(
            pair=model.pair, version=model.version, path=model.path, method=method
        ),
        markup=False,
    )
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    found = models.installed_models()
    console = stdout()
    if not found:
        console.print(_("no models installed; run `diglot models install FILE.argosmodel`"), markup=False)
        return EXIT_OK
    table = Table(_("pair"), _("version"), _("size"), _("from"), _("path"))
    for m in found:
        table.add_row(m.pair, m.version, _size(m.size()), m.origin, str(m.path))
    console.print(table)
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    for model in models.remove(args.from_code, args.to_code, args.model_version):
        stdout().print(_("removed {pair} {version} ({path})").format(pair=model.pair, version=model.version, path=model.path), markup=False)
    return EXIT_OK


def run_download(args: argparse.Namespace) -> int:
    model = models.download(args.from_code, args.to_code)
    stdout().print(_("installed {pair} {version} in {path}").format(pair=model.pair, version=model.version, path=model.path), markup=False)
    return EXIT_OK

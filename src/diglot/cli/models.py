"""``diglot models``: install, list, remove and download translation packages."""

from __future__ import annotations

import argparse

from diglot.cli.common import add_command
from diglot.errors import EXIT_OK
from diglot.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "models",
        _(
            "diglot translates with Argos Translate packages (.argosmodel files), run by CTranslate2. "
            "Models live in diglot's data folder ($DIGLOT_HOME, else $XDG_DATA_HOME/diglot); packages that "
            "Argos Translate installed are found too."
        ),
        examples=[
            "diglot models install translate-ko_en-1_1.argosmodel",
            "diglot models list",
            "diglot models remove ko en",
        ],
    )
    commands = parser.add_subparsers(dest="models_command", metavar=_("COMMAND"), required=True)

    def command(name: str, func, help_text: str, description: str, example: str, pair: bool = False) -> argparse.ArgumentParser:
        """One subcommand running ``func``; ``pair`` adds the FROM and TO language codes."""
        p = add_command(commands, name, description, examples=[example], help_text=help_text)
        if pair:
            p.add_argument("from_code", metavar="FROM", help=_("source language code, e.g. ko"))
            p.add_argument("to_code", metavar="TO", help=_("target language code, e.g. en"))
        p.set_defaults(func=func)
        return p

    p = command(
        "install",
        run_install,
        _("check and install an .argosmodel file"),
        _(
            "Check a package completely (zip, metadata.json, CTranslate2 model, SentencePiece model, safe paths, "
            "size), test how the model carries glossary terms, then install it. A broken package is refused and "
            "leaves nothing behind."
        ),
        "diglot models install translate-ko_en-1_1.argosmodel",
    )
    p.add_argument("package", metavar="PATH.argosmodel")
    p.add_argument("--force", action="store_true", help=_("replace the same pair and version if installed"))
    command(
        "list",
        run_list,
        _("list installed models"),
        _(
            "List installed models: pair, version, size, where. A package that cannot be used is listed "
            "with its problem."
        ),
        "diglot models list",
    )
    p = command(
        "remove",
        run_remove,
        _("remove an installed model"),
        _("Remove the model for a language pair."),
        "diglot models remove ko en",
        pair=True,
    )
    p.add_argument("--version", dest="model_version", help=_("remove only this version"))
    command(
        "download",
        run_download,
        _("download a model from Argos Translate's index (uses the network)"),
        _(
            "The only diglot command that uses the network. Needs the argos extra: "
            "pip install 'diglot[argos]' (install CPU torch first)."
        ),
        "diglot models download ko en",
        pair=True,
    )


def run_install(args: argparse.Namespace) -> int:
    from diglot.cli.output import stdout
    from diglot.translate import install

    with stdout().status(_("checking {name}").format(name=args.package)):
        package = install(args.package, force=args.force)
    method = package.meta().get("protection", {}).get("method", "?")
    stdout().print(
        _("installed {pair} {version} in {path} (glossary terms protected as: {method})").format(
            pair=package.pair, version=package.version, path=package.path, method=method
        ),
        markup=False,
    )
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    from rich.table import Table

    from diglot.cli.output import stdout
    from diglot.translate import scan

    usable, broken = scan()
    console = stdout()
    if not usable and not broken:
        console.print(_("no models installed; run `diglot models install FILE.argosmodel`"), markup=False)
        return EXIT_OK
    table = Table(_("pair"), _("version"), _("size"), _("from"), _("path"))
    for package in usable:
        table.add_row(package.pair, package.version, f"{package.size() / 1024**2:.1f} MB", package.origin, str(package.path))
    for package in broken:
        table.add_row("?", "?", "", package.origin, f"{package.path}\n{_('unusable')}: {package.problem}", style="red")
    console.print(table)
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    from diglot.cli.output import stdout
    from diglot.translate import remove

    for package in remove(args.from_code, args.to_code, args.model_version):
        stdout().print(_("removed {pair} {version} ({path})").format(pair=package.pair, version=package.version, path=package.path), markup=False)
    return EXIT_OK


def run_download(args: argparse.Namespace) -> int:
    from diglot.cli.output import stdout
    from diglot.translate import download

    package = download(args.from_code, args.to_code)
    stdout().print(_("installed {pair} {version} in {path}").format(pair=package.pair, version=package.version, path=package.path), markup=False)
    return EXIT_OK

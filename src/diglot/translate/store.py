"""The package store: where translation packages live, and what is installed there.

An Argos Translate package (``.argosmodel``) is a zip of one folder holding ``metadata.json``
(``from_code``, ``to_code``, ``package_version``), a CTranslate2 model in ``model/`` and a
SentencePiece model (``sentencepiece.model``). diglot installs packages into its own data
folder (``$DIGLOT_HOME/models``, else ``$XDG_DATA_HOME/diglot/models``) and also finds the
packages Argos Translate installed itself (``$ARGOS_PACKAGES_DIR``, else
``$XDG_DATA_HOME/argos-translate/packages``).

This module only reads: paths, listing, metadata, the cheap checks made before a package is
loaded. Installing (which validates fully and runs a self-test through an engine) is
:mod:`diglot.translate.installer`; engines import this module and nothing above it.

Words used here: a *package* is one installed ``.argosmodel`` (:class:`InstalledPackage`); its
*CTranslate2 model* is the ``model/`` folder inside it; its *package id* (``argos:ko-en@1.1``)
names it in signatures and cache keys.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from diglot.errors import DiglotError, ModelFailure
from diglot.i18n import _
from diglot.paths import home_dir
from diglot.textio import edit_lock

DIGLOT_META = "diglot.json"  # what diglot learnt about a package it installed (self-test result)
# Hidden folders of work in progress in the store: a package being unpacked, replaced, removed.
STAGING_PREFIXES = (".install-", ".replacing-", ".removing-")
# Language codes as Argos Translate writes them (ko, en, zh, pt-BR, zh-Hans) and dotted versions
# (1.9, 1.1.0): the only characters that can reach a folder name in the store.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
VERSION = re.compile(r"\d{1,6}(?:\.\d{1,6}){0,3}")


def store_dir() -> Path:
    """Where diglot installs packages: the ``models`` folder of :func:`diglot.paths.home_dir`."""
    return home_dir() / "models"


def argos_packages_dir() -> Path:
    """Where Argos Translate installs packages (its own default rules)."""
    if os.environ.get("ARGOS_PACKAGES_DIR"):
        return Path(os.environ["ARGOS_PACKAGES_DIR"])
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "argos-translate" / "packages"


@dataclass(frozen=True)
class InstalledPackage:
    """One installed translation package."""

    from_code: str
    to_code: str
    version: str
    path: Path
    origin: str  # "diglot" (installed by diglot) or "argos" (Argos Translate's folder)

    @property
    def pair(self) -> str:
        return f"{self.from_code}-{self.to_code}"

    @property
    def id(self) -> str:
        """The package's name in signatures and cache keys: ``argos:ko-en@1.1``."""
        return f"argos:{self.pair}@{self.version}"

    @property
    def ct2_model_dir(self) -> Path:
        """The CTranslate2 model folder inside the package."""
        return self.path / "model"

    @property
    def sp_model(self) -> Path:
        """The SentencePiece model file."""
        return self.path / "sentencepiece.model"

    def size(self) -> int:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())

    def metadata(self) -> dict:
        """The package's ``metadata.json`` (as checked by :func:`read_metadata`)."""
        return read_metadata(self.path)

    def meta(self) -> dict:
        """What diglot recorded at install time; ``{}`` for packages it did not install, or when
        the record is unreadable (the self-test then runs again, see ``protect``)."""
        try:
            recorded = json.loads((self.path / DIGLOT_META).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return recorded if isinstance(recorded, dict) else {}

    def check_files(self) -> None:
        """The cheap check made before loading: the model files are there and not empty.

        Whether they load is the engine's business; :func:`diglot.translate.installer.install`
        has loaded and run them already."""
        for path in (self.sp_model, self.ct2_model_dir / "model.bin"):
            if not path.is_file() or path.stat().st_size == 0:
                raise DiglotError(
                    _("the package {id} at {path} is damaged: {file} is missing or empty; reinstall it").format(
                        id=self.id, path=self.path, file=path.relative_to(self.path)
                    )
                )


def decoding_failed(packages: Sequence[InstalledPackage], err: BaseException) -> ModelFailure:
    """The one-line error for a model that loaded but failed while translating (CTranslate2
    raises RuntimeError for a damaged model, for memory it cannot get, for ids past its vocabulary)."""
    reason = str(err).splitlines()[0] if str(err) else type(err).__name__
    return ModelFailure(
        _("the model {id} failed while translating: {reason}").format(
            id=" → ".join(p.id for p in packages), reason=reason
        )
    )


@dataclass(frozen=True)
class BrokenPackage:
    """A folder in a store that looks like a package but cannot be used, and why."""

    path: Path
    origin: str
    problem: str
    pair: str | None = None  # "ko-en" when its metadata says so



def _code(metadata: dict, key: str) -> str:
    value = metadata.get(key)
    if not isinstance(value, str) or not value:
        raise DiglotError(_("metadata.json has no {field}").format(field=key))
    if not LANGUAGE_CODE.fullmatch(value):
        raise DiglotError(
            _("metadata.json: {field} {value!r} is not a language code such as ko, en or zh-Hans").format(
                field=key, value=value
            )
        )
    return value


def read_metadata(folder: Path) -> dict:
    """The package's ``metadata.json``, checked: a translation package, valid language codes and
    a valid version (``package_version``, e.g. ``1.9``), since these name its folder in the store."""
    path = folder / "metadata.json"
    if not path.is_file():
        raise DiglotError(_("the package has no metadata.json"))
    try:
        metadata = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise DiglotError(_("metadata.json is not valid JSON: {reason}").format(reason=err)) from None
    if not isinstance(metadata, dict):
        raise DiglotError(_("metadata.json must hold a JSON object"))
    if metadata.get("type", "translate") != "translate":
        raise DiglotError(_("this is not a translation package (type {type})").format(type=metadata.get("type")))
    _code(metadata, "from_code")
    _code(metadata, "to_code")
    version = metadata.get("package_version")
    if not isinstance(version, str) or not VERSION.fullmatch(version):
        raise DiglotError(
            _("metadata.json: package_version {value!r} is not a version such as 1.9 or 1.1.0").format(value=version)
        )
    return metadata


def package_in(folder: Path, origin: str) -> InstalledPackage:
    """The package unpacked in ``folder``; :class:`DiglotError` says why it cannot be used."""
    metadata = read_metadata(folder)
    package = InstalledPackage(metadata["from_code"], metadata["to_code"], metadata["package_version"], folder, origin)
    if not package.sp_model.is_file():
        raise DiglotError(_("the package has no sentencepiece.model (diglot runs SentencePiece packages only)"))
    if not (package.ct2_model_dir / "model.bin").is_file():
        raise DiglotError(_("the package has no CTranslate2 model (model/model.bin)"))
    return package


def _package_folders(root: Path) -> list[Path]:
    """The package folders in a store; none when the store does not exist yet. A store that is
    not a folder (or sits in a file), or cannot be read, is refused: saying "no models installed"
    would hide why the installed ones are not found."""
    try:
        return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    except FileNotFoundError:
        if not root.is_symlink():
            return []
        reason = _("a link to a folder that does not exist")
    except OSError as err:
        reason = _("not a folder") if isinstance(err, NotADirectoryError) else (err.strerror or str(err))
    raise DiglotError(_("cannot read the model store {path}: {reason}").format(path=root, reason=reason))


def scan() -> tuple[list[InstalledPackage], list[BrokenPackage]]:
    """Every package in both stores, usable ones (diglot's first, then Argos Translate's) and
    broken ones with their problem. Folders of other kinds of Argos package (e.g. sentence
    splitters, which are not translation packages) are left out."""
    usable: list[InstalledPackage] = []
    broken: list[BrokenPackage] = []
    for root, origin in ((store_dir(), "diglot"), (argos_packages_dir(), "argos")):
        for folder in _package_folders(root):
            try:
                usable.append(package_in(folder, origin))
            except DiglotError as err:
                metadata = _raw_metadata(folder)
                if metadata.get("type", "translate") == "translate":
                    pair = f"{metadata.get('from_code')}-{metadata.get('to_code')}" if "to_code" in metadata else None
                    broken.append(BrokenPackage(folder, origin, str(err), pair))
    return usable, broken


def _raw_metadata(folder: Path) -> dict:
    """``metadata.json`` as it is, unchecked; ``{}`` when unreadable."""
    try:
        metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return metadata if isinstance(metadata, dict) else {}


def installed_packages() -> list[InstalledPackage]:
    """Every usable package: diglot's own first, then Argos Translate's, sorted by folder."""
    return scan()[0]


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def find_package(from_code: str, to_code: str) -> InstalledPackage | None:
    """The installed package for a pair: diglot's before Argos's, then the newest version."""
    candidates = [m for m in installed_packages() if (m.from_code, m.to_code) == (from_code, to_code)]
    candidates.sort(key=lambda m: (m.origin == "diglot", _version_key(m.version)), reverse=True)
    return candidates[0] if candidates else None


def route(from_code: str, to_code: str) -> list[InstalledPackage]:
    """The packages to chain for a pair: the direct one, else a pivot through English."""
    direct = find_package(from_code, to_code)
    if direct:
        return [direct]
    if "en" not in (from_code, to_code):
        first, second = find_package(from_code, "en"), find_package("en", to_code)
        if first and second:
            return [first, second]
    usable, broken = scan()
    for package in broken:
        if package.pair == f"{from_code}-{to_code}":
            raise DiglotError(
                _("the {pair} package at {path} cannot be used: {problem}").format(
                    pair=package.pair, path=package.path, problem=package.problem
                )
            )
    pairs = sorted({m.pair for m in usable})
    if not pairs:
        raise DiglotError(
            _(
                "no translation model is installed: run `diglot models install FILE.argosmodel` "
                "(or `diglot models download {src} {tgt}` where a network is available)"
            ).format(src=from_code, tgt=to_code)
        )
    raise DiglotError(
        _("no model translates {src} to {tgt}; installed pairs: {pairs}").format(
            src=from_code, tgt=to_code, pairs=", ".join(pairs)
        )
    )


@contextlib.contextmanager
def changing_store() -> Iterator[Path]:
    """Hold the store for a change (install, remove); yields its path.

    One change at a time: a second process is refused at once (:func:`diglot.textio.edit_lock`).
    Holding the lock, the work a killed process left behind (hidden staging folders) is
    removed first. A store that cannot be made or written gives one clear line."""
    store = store_dir()
    with contextlib.ExitStack() as stack:
        try:
            store.mkdir(parents=True, exist_ok=True)
            stack.enter_context(edit_lock(store))
        except OSError as err:
            reason = _("not a folder") if isinstance(err, (FileExistsError, NotADirectoryError)) else err.strerror or err
            raise DiglotError(_("cannot change the model store {path}: {reason}").format(path=store, reason=reason)) from None
        for leftover in store.iterdir():
            if leftover.name.startswith(STAGING_PREFIXES):
                shutil.rmtree(leftover, ignore_errors=True)
        yield store


def remove(from_code: str, to_code: str, version: str | None = None) -> list[InstalledPackage]:
    """Remove diglot's installed packages for a pair (one version, or all); returns those removed."""
    usable, broken = scan()
    removed = [
        m
        for m in usable
        if m.origin == "diglot" and (m.from_code, m.to_code) == (from_code, to_code) and version in (None, m.version)
    ]
    if not removed:
        others = [m for m in usable if (m.from_code, m.to_code) == (from_code, to_code)]
        if others:
            raise DiglotError(
                _("{pair} was installed by Argos Translate ({path}); remove it with argospm").format(
                    pair=others[0].pair, path=others[0].path
                )
            )
        raise DiglotError(_("no installed model for {src}-{tgt}").format(src=from_code, tgt=to_code))
    with changing_store():
        for package in removed:
            # Renamed aside first, so a failure half-way leaves no half-deleted package in the store.
            aside = package.path.with_name(f".removing-{package.path.name}")
            try:
                os.replace(package.path, aside)
            except OSError as err:
                raise DiglotError(
                    _("cannot remove {path}: {reason}").format(path=package.path, reason=err.strerror or err)
                ) from None
            shutil.rmtree(aside, ignore_errors=True)
    return removed

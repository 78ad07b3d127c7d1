"""The model store: installing, finding, listing and removing Argos Translate packages.

An Argos package (``.argosmodel``) is a zip of one folder holding ``metadata.json``
(``from_code``, ``to_code``, ``package_version``), a CTranslate2 model in ``model/`` and a
SentencePiece model (``sentencepiece.model``). diglot installs packages into its own data
folder (``$DIGLOT_HOME/models``, else ``$XDG_DATA_HOME/diglot/models``) and also finds the
packages Argos Translate installed itself (``$ARGOS_PACKAGES_DIR``, else
``$XDG_DATA_HOME/argos-translate/packages``).

:func:`install` validates a package completely before anything appears in the store: a real
zip, no member escaping the target folder, no links, an uncompressed size under a limit (zip
bombs), readable metadata, a loadable CTranslate2 model and SentencePiece model. It unpacks into
a hidden folder beside the store, runs the protection self-test (:mod:`diglot.translate.protect`),
and renames the folder into place, so a failure at any step leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from diglot.errors import DiglotError
from diglot.i18n import _

MAX_UNPACKED_BYTES = 4 * 1024**3  # the largest Argos packages unpack to about 1 GiB
MAX_MEMBERS = 10_000
DIGLOT_META = "diglot.json"  # what diglot learnt about an installed package (self-test result)


def diglot_home() -> Path:
    """diglot's data folder: ``$DIGLOT_HOME``, else ``$XDG_DATA_HOME/diglot``."""
    if os.environ.get("DIGLOT_HOME"):
        return Path(os.environ["DIGLOT_HOME"])
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "diglot"


def models_dir() -> Path:
    return diglot_home() / "models"


def argos_packages_dir() -> Path:
    """Where Argos Translate installs packages (its own default rules)."""
    if os.environ.get("ARGOS_PACKAGES_DIR"):
        return Path(os.environ["ARGOS_PACKAGES_DIR"])
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "argos-translate" / "packages"


@dataclass(frozen=True)
class InstalledModel:
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
        """The model's name in signatures and cache keys: ``argos:ko-en@1.1``."""
        return f"argos:{self.pair}@{self.version}"

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sp_model(self) -> Path:
        return self.path / "sentencepiece.model"

    def size(self) -> int:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())

    def meta(self) -> dict:
        """What diglot recorded at install time (``{}`` for packages it did not install)."""
        path = self.path / DIGLOT_META
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}


def read_metadata(folder: Path) -> dict:
    """The package's ``metadata.json``, checked for the fields diglot needs."""
    path = folder / "metadata.json"
    if not path.is_file():
        raise DiglotError(_("the package has no metadata.json"))
    try:
        metadata = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise DiglotError(_("metadata.json is not valid JSON: {reason}").format(reason=err)) from None
    if not isinstance(metadata, dict):
        raise DiglotError(_("metadata.json must hold a JSON object"))
    for key in ("from_code", "to_code"):
        if not isinstance(metadata.get(key), str) or not metadata[key].strip():
            raise DiglotError(_("metadata.json has no {field}").format(field=key))
    if metadata.get("type", "translate") != "translate":
        raise DiglotError(_("this is not a translation package (type {type})").format(type=metadata.get("type")))
    return metadata


def _model_from_folder(folder: Path, origin: str) -> InstalledModel | None:
    try:
        metadata = read_metadata(folder)
    except DiglotError:
        return None
    if not (folder / "model").is_dir() or not (folder / "sentencepiece.model").is_file():
        return None  # e.g. a BPE package or a sentence-splitter package: diglot cannot run it
    return InstalledModel(
        metadata["from_code"], metadata["to_code"], str(metadata.get("package_version") or "0"), folder, origin
    )


def installed_models() -> list[InstalledModel]:
    """Every usable package: diglot's own first, then Argos Translate's, sorted by pair."""
    found: list[InstalledModel] = []
    for root, origin in ((models_dir(), "diglot"), (argos_packages_dir(), "argos")):
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            if folder.is_dir() and not folder.name.startswith("."):
                model = _model_from_folder(folder, origin)
                if model:
                    found.append(model)
    return found


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in version.split("."))


def find_model(from_code: str, to_code: str) -> InstalledModel | None:
    """The installed package for a pair: diglot's before Argos's, then the newest version."""
    candidates = [m for m in installed_models() if (m.from_code, m.to_code) == (from_code, to_code)]
    candidates.sort(key=lambda m: (m.origin == "diglot", _version_key(m.version)), reverse=True)
    return candidates[0] if candidates else None


def route(from_code: str, to_code: str) -> list[InstalledModel]:
    """The packages to chain for a pair: the direct one, else a pivot through English."""
    direct = find_model(from_code, to_code)
    if direct:
        return [direct]
    if "en" not in (from_code, to_code):
        first, second = find_model(from_code, "en"), find_model("en", to_code)
        if first and second:
            return [first, second]
    pairs = sorted({m.pair for m in installed_models()})
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


def _check_members(archive: zipfile.ZipFile, max_bytes: int) -> str:
    """Refuse unsafe members; return the package's top folder inside the zip ("" if none)."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise DiglotError(_("the package has too many files ({count})").format(count=len(infos)))
    total = 0
    tops = set()
    for info in infos:
        name = PurePosixPath(info.filename)
        if name.is_absolute() or ".." in name.parts or "\\" in info.filename or ":" in name.parts[0]:
            raise DiglotError(_("unsafe path in the package: {name}").format(name=info.filename))
        if stat.S_ISLNK(info.external_attr >> 16):
            raise DiglotError(_("the package contains a link: {name}").format(name=info.filename))
        total += info.file_size
        if total > max_bytes:
            raise DiglotError(
                _("the package unpacks to more than {size} MB; refusing it").format(size=max_bytes // 1024**2)
            )
        tops.add(name.parts[0] if len(name.parts) > 1 or info.is_dir() else "")
    names = {PurePosixPath(i.filename).as_posix() for i in infos}
    if "metadata.json" in names:
        return ""
    if len(tops) == 1 and "" not in tops:
        return tops.pop()
    raise DiglotError(_("the package has no metadata.json"))


def validate_unpacked(folder: Path) -> dict:
    """Check that an unpacked package can run; returns its metadata."""
    metadata = read_metadata(folder)
    if not (folder / "sentencepiece.model").is_file():
        raise DiglotError(_("the package has no sentencepiece.model (diglot runs SentencePiece packages only)"))
    if not (folder / "model" / "model.bin").is_file():
        raise DiglotError(_("the package has no CTranslate2 model (model/model.bin)"))
    import ctranslate2
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    except Exception as err:  # noqa: BLE001 - any failure to load means a broken package
        raise DiglotError(_("the SentencePiece model cannot be loaded: {reason}").format(reason=err)) from None
    try:
        ctranslate2.Translator(str(folder / "model"), device="cpu", compute_type="int8", intra_threads=1)
    except Exception as err:  # the C++ loader raises IndexError, RuntimeError, ValueError...
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise DiglotError(_("the CTranslate2 model cannot be loaded: {reason}").format(reason=reason)) from None
    return metadata


def install(package: str | os.PathLike[str], force: bool = False, max_bytes: int = MAX_UNPACKED_BYTES) -> InstalledModel:
    """Validate and install an ``.argosmodel`` file; see the module docstring."""
    from diglot.translate.protect import choose_protection

    path = Path(package)
    if not path.is_file():
        raise DiglotError(_("{name}: no such file").format(name=path))
    if not zipfile.is_zipfile(path):
        raise DiglotError(_("{name} is not an Argos package (not a zip archive)").format(name=path))
    store = models_dir()
    store.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".install-", dir=store))
    try:
        try:
            with zipfile.ZipFile(path) as archive:
                top = _check_members(archive, max_bytes)
                archive.extractall(staging / "unpacked")
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as err:
            raise DiglotError(_("{name} is a damaged zip archive: {reason}").format(name=path, reason=err)) from None
        folder = staging / "unpacked" / top if top else staging / "unpacked"
        try:
            metadata = validate_unpacked(folder)
        except DiglotError as err:
            raise DiglotError(_("{name} was not installed: {reason}").format(name=path, reason=err)) from None
        version = str(metadata.get("package_version") or "0")
        target = store / f"{metadata['from_code']}_{metadata['to_code']}-{version}"
        model = InstalledModel(metadata["from_code"], metadata["to_code"], version, folder, "diglot")
        meta = {"source": path.name, "protection": choose_protection(model).as_dict()}
        (folder / DIGLOT_META).write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        if target.exists():
            if not force:
                raise DiglotError(
                    _("{pair} {version} is already installed at {path}; use --force to replace it").format(
                        pair=model.pair, version=version, path=target
                    )
                )
            shutil.rmtree(target)
        os.replace(folder, target)
        return InstalledModel(model.from_code, model.to_code, version, target, "diglot")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def remove(from_code: str, to_code: str, version: str | None = None) -> list[InstalledModel]:
    """Remove diglot's installed packages for a pair (one version, or all); returns those removed."""
    removed = [
        m
        for m in installed_models()
        if m.origin == "diglot" and (m.from_code, m.to_code) == (from_code, to_code) and version in (None, m.version)
    ]
    if not removed:
        others = [m for m in installed_models() if (m.from_code, m.to_code) == (from_code, to_code)]
        if others:
            raise DiglotError(
                _("{pair} was installed by Argos Translate ({path}); remove it with argospm").format(
                    pair=others[0].pair, path=others[0].path
                )
            )
        raise DiglotError(_("no installed model for {src}-{tgt}").format(src=from_code, tgt=to_code))
    for model in removed:
        shutil.rmtree(model.path)
    return removed


def download(from_code: str, to_code: str) -> InstalledModel:
    """Download a package from Argos Translate's index (the one command that uses the network)."""
    try:
        from argostranslate import package as argos_package
        from argostranslate import settings as argos_settings
    except ImportError:
        raise DiglotError(
            _("downloading needs the argos extra: pip install 'diglot[argos]' (install CPU torch first)")
        ) from None
    offline = _("cannot reach Argos Translate's package index; are you offline?")
    index = Path(argos_settings.local_package_index)
    before = index.stat().st_mtime_ns if index.is_file() else None
    argos_package.update_package_index()  # logs and returns, keeping any stale index, when offline
    if not index.is_file() or index.stat().st_mtime_ns == before:
        raise DiglotError(offline)
    available = [p for p in argos_package.get_available_packages() if (p.from_code, p.to_code) == (from_code, to_code)]
    if not available:
        raise DiglotError(_("the Argos index has no {src}-{tgt} package").format(src=from_code, tgt=to_code))
    try:
        downloaded = available[0].download()
    except Exception as err:  # argostranslate raises a bare Exception when a download fails
        raise DiglotError(_("download failed (offline?): {reason}").format(reason=err)) from None
    return install(downloaded, force=True)

"""Installing packages into the store: validated completely, self-tested, then moved into place.

:func:`install` refuses a package before anything appears in the store unless it is a real zip
whose members are plain files and folders with safe names (no member escaping the package, no
links, no encrypted members or compression methods Python cannot read, at most
:data:`MAX_MEMBERS` members and :data:`MAX_UNPACKED_BYTES` unpacked: zip bombs), with a
``metadata.json`` whose language codes and version are valid (they name the package's folder,
which must lie inside the store), a SentencePiece model and a CTranslate2 model that load, and a
model that decodes: the protection self-test (:mod:`diglot.translate.protect`) runs the model on
a few sentences. It unpacks into a hidden folder inside the store and renames it into place, so
a failure at any step leaves nothing behind. ``force`` replaces only the store's own folder of
the same pair and version.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from diglot.errors import DiglotError
from diglot.i18n import _
from diglot.translate.store import DIGLOT_META, InstalledPackage, changing_store, package_in

MAX_UNPACKED_BYTES = 4 * 1024**3  # the largest Argos packages unpack to about 1 GiB
MAX_MEMBERS = 10_000
_READABLE_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}


def _check_members(archive: zipfile.ZipFile, max_bytes: int) -> str:
    """Refuse unsafe or unreadable members; return the package's top folder inside the zip ("" if none)."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise DiglotError(_("the package has too many files ({count})").format(count=len(infos)))
    total = 0
    tops = set()
    for info in infos:
        name = PurePosixPath(info.filename)
        if (
            not name.parts
            or name.is_absolute()
            or ".." in name.parts
            or "\\" in info.filename
            or "\0" in info.filename
            or ":" in name.parts[0]
        ):
            raise DiglotError(_("unsafe path in the package: {name}").format(name=info.filename))
        if stat.S_ISLNK(info.external_attr >> 16):
            raise DiglotError(_("the package contains a link: {name}").format(name=info.filename))
        if info.flag_bits & 0x1:
            raise DiglotError(_("the package has an encrypted member: {name}").format(name=info.filename))
        if info.compress_type not in _READABLE_COMPRESSION:
            raise DiglotError(
                _("the package member {name} uses a compression method diglot cannot read (method {method})").format(
                    name=info.filename, method=info.compress_type
                )
            )
        if DIGLOT_META in name.parts:  # a file of that name, or a folder diglot could not write it over
            raise DiglotError(_("the package holds {name}, a file only diglot writes").format(name=info.filename))
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


def validate_unpacked(folder: Path) -> InstalledPackage:
    """Check that an unpacked package can run: metadata, and models that load."""
    package = package_in(folder, "diglot")
    import ctranslate2
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_file=str(package.sp_model))
    except Exception as err:  # noqa: BLE001 - any failure to load means a broken package
        raise DiglotError(_("the SentencePiece model cannot be loaded: {reason}").format(reason=_first_line(err))) from None
    try:
        ctranslate2.Translator(str(package.ct2_model_dir), device="cpu", compute_type="int8", intra_threads=1)
    except Exception as err:  # noqa: BLE001 - the C++ loader raises IndexError, RuntimeError, ValueError...
        raise DiglotError(_("the CTranslate2 model cannot be loaded: {reason}").format(reason=_first_line(err))) from None
    return package


def _first_line(err: Exception) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__


def install(package: str | os.PathLike[str], force: bool = False, max_bytes: int = MAX_UNPACKED_BYTES) -> InstalledPackage:
    """Validate and install an ``.argosmodel`` file; see the module docstring."""
    path = Path(package)
    if not path.is_file():
        raise DiglotError(_("{name}: no such file").format(name=path))
    if not zipfile.is_zipfile(path):
        raise DiglotError(_("{name} is not an Argos package (not a zip archive)").format(name=path))
    with changing_store() as store:
        try:
            staging = Path(tempfile.mkdtemp(prefix=".install-", dir=store))
        except OSError as err:
            raise DiglotError(
                _("cannot install into the model store {path}: {reason}").format(path=store, reason=err.strerror or err)
            ) from None
        try:
            return _install_from(path, staging, store, force, max_bytes)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _install_from(path: Path, staging: Path, store: Path, force: bool, max_bytes: int) -> InstalledPackage:
    from diglot.translate.protect import choose_protection

    try:
        with zipfile.ZipFile(path) as archive:
            top = _check_members(archive, max_bytes)
            archive.extractall(staging / "unpacked")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as err:
        raise DiglotError(_("{name} is a damaged zip archive: {reason}").format(name=path, reason=err)) from None
    folder = staging / "unpacked" / top if top else staging / "unpacked"
    try:
        unpacked = validate_unpacked(folder)
        protection = choose_protection(unpacked)
    except DiglotError as err:
        raise DiglotError(_("{name} was not installed: {reason}").format(name=path, reason=err)) from None
    target = _target(store, unpacked)
    meta = {"source": path.name, "protection": protection.as_dict()}
    (folder / DIGLOT_META).write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    if target.exists() or target.is_symlink():
        if not force:
            raise DiglotError(
                _("{pair} {version} is already installed at {path}; use --force to replace it").format(
                    pair=unpacked.pair, version=unpacked.version, path=target
                )
            )
        _remove_own_folder(target)
    os.replace(folder, target)
    return InstalledPackage(unpacked.from_code, unpacked.to_code, unpacked.version, target, "diglot")


def _target(store: Path, package: InstalledPackage) -> Path:
    """The package's folder in the store; the codes and version were validated, and the resolved
    path is checked again so that nothing can name a folder outside the store."""
    target = store / f"{package.from_code}_{package.to_code}-{package.version}"
    if target.parent.resolve() != store.resolve() or target.name in ("", ".", ".."):
        raise DiglotError(_("the package's codes and version do not name a folder in the store: {name}").format(name=target.name))
    return target


def _remove_own_folder(target: Path) -> None:
    """``--force``: remove the store's previous copy of the package, and only that."""
    if target.is_symlink() or not target.is_dir() or not (target / "metadata.json").is_file():
        raise DiglotError(
            _("{path} is not a package folder diglot installed; remove it yourself if it should go").format(path=target)
        )
    try:
        os.replace(target, target.with_name(f".replacing-{target.name}"))
    except OSError as err:
        raise DiglotError(_("cannot replace {path}: {reason}").format(path=target, reason=err.strerror or err)) from None
    shutil.rmtree(target.with_name(f".replacing-{target.name}"), ignore_errors=True)


def download(from_code: str, to_code: str) -> InstalledPackage:
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
    except Exception as err:  # noqa: BLE001 - argostranslate raises a bare Exception when a download fails
        raise DiglotError(_("download failed (offline?): {reason}").format(reason=err)) from None
    return install(downloaded, force=True)

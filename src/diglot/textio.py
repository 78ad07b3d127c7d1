"""Reading and writing text files safely.

Every input file goes through :func:`read_text`, so every command refuses binary and wrongly
encoded files with the same clear message, and every text it sees is NFC-normalised with
LF line ends. Every file diglot changes in place goes through :func:`atomic_write`.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Iterator

from diglot.errors import DiglotError, InputError
from diglot.i18n import _

# Control characters other than tab, LF, CR and form feed are not found in real text.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def normalize(text: str) -> str:
    """The one normal form diglot works in: NFC, LF line ends, no BOM."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def decode(data: bytes, name: str) -> str:
    """Decode bytes that should be UTF-8 text, or raise an :class:`InputError` that says why not."""
    sample = data[:65536]
    if b"\x00" in sample or (sample and sum(sample.count(b) for b in _CONTROL_BYTES) > len(sample) * 0.01):
        raise InputError(_("{name} looks like a binary file, not text").format(name=name))
    try:
        return normalize(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        hint = ""
        with contextlib.suppress(UnicodeDecodeError):
            data.decode("cp949")
            hint = _(" (it looks like CP949/EUC-KR: convert it with `iconv -f cp949 -t utf-8`)")
        raise InputError(
            _("{name} is not valid UTF-8 at byte {offset}{hint}").format(name=name, offset=err.start, hint=hint)
        ) from None


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 text file (``-`` for standard input), normalised by :func:`normalize`."""
    if str(path) == "-":
        return decode(sys.stdin.buffer.read(), _("standard input"))
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(_("{name}: no such file").format(name=p)) from None
    except IsADirectoryError:
        raise InputError(_("{name} is a folder, not a file").format(name=p)) from None
    except OSError as err:
        raise InputError(_("cannot read {name}: {reason}").format(name=p, reason=err.strerror)) from None
    return decode(data, str(p))


def check_output_path(path: str | os.PathLike[str], force: bool) -> Path:
    """Refuse to overwrite an existing output file unless ``force`` was given."""
    p = Path(path)
    if p.exists() and not force:
        raise DiglotError(_("{name} exists; use --force to overwrite it").format(name=p))
    if p.exists() and p.is_dir():
        raise DiglotError(_("{name} is a folder, not a file").format(name=p))
    return p


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file.

    Write a temporary file beside it, fsync it, rename it over the old one, fsync the folder.
    """
    p = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent or ".")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); give it the old file's mode, or the usual one.
        os.chmod(tmp, p.stat().st_mode & 0o777 if p.exists() else 0o666 & ~_umask())
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    dir_fd = os.open(p.parent or ".", os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def edit_lock(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold an exclusive lock for editing ``path``; a second editor is refused at once.

    The lock lives in a side file (``.NAME.lock``) so it survives the atomic rename of the
    file itself; the kernel releases it when the process dies, so a crash never leaves it stuck.
    """
    p = Path(path)
    lock_path = p.with_name(f".{p.name}.lock")
    with open(lock_path, "a+b") as lock:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DiglotError(_("{name} is being edited by another process; try again").format(name=p)) from None
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)

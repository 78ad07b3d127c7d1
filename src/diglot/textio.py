"""Reading and writing text files safely.

Every input file goes through :func:`read_text` (or :func:`read_input`, which also keeps the
text as it was on disk), so every command refuses binary and wrongly encoded files with the
same clear message, and every text it sees is NFC-normalised with LF line ends. Every file
diglot changes in place goes through :func:`atomic_write`.
"""

from __future__ import annotations

import bisect
import contextlib
import glob
import math
import os
import stat
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from diglot.errors import DiglotError, InputError
from diglot.i18n import _

# Control characters other than tab, LF, CR and form feed are not found in real text.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def normalize(text: str) -> str:
    """The one normal form diglot works in: NFC, LF line ends, no BOM."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def decode(data: bytes, name: str) -> str:
    """Decode bytes that should be UTF-8 text, or raise an :class:`InputError` that says why not; normalised."""
    return normalize(_decode_raw(data, name))


def _decode_raw(data: bytes, name: str) -> str:
    """``data`` as UTF-8 text, not normalised; the same refusals as :func:`decode`."""
    sample = data[:65536]
    if b"\x00" in data or (sample and sum(sample.count(b) for b in _CONTROL_BYTES) > len(sample) * 0.01):
        raise InputError(_("{name} looks like a binary file, not text").format(name=name))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        hint = ""
        with contextlib.suppress(UnicodeDecodeError):
            data.decode("cp949")
            hint = _(" (it looks like CP949/EUC-KR: convert it with `iconv -f cp949 -t utf-8`)")
        raise InputError(
            _("{name} is not valid UTF-8 at byte {offset}{hint}").format(name=name, offset=err.start, hint=hint)
        ) from None


def max_input_bytes() -> int:
    """The largest input diglot reads, in bytes: ``$DIGLOT_MAX_INPUT_MB`` megabytes, 16 unless set.

    Past it a file is refused before it is read, so that no command spends minutes and
    gigabytes on an input far larger than any article (see docs/limits.md).
    """
    value = os.environ.get("DIGLOT_MAX_INPUT_MB", "")
    try:
        megabytes = float(value) if value else DEFAULT_MAX_INPUT_MB
    except ValueError:
        megabytes = math.nan
    if not 0 < megabytes < math.inf:  # nan, inf and 1e999 once ended in a traceback; 0 or less refuses every file
        raise DiglotError(_("DIGLOT_MAX_INPUT_MB must be a number of megabytes, not {value!r}").format(value=value))
    return int(megabytes * 1024 * 1024)


DEFAULT_MAX_INPUT_MB = 16


def too_large(name: str, limit: int) -> InputError:
    """The refusal of an input ``name`` larger than ``limit`` bytes (:func:`max_input_bytes`)."""
    return InputError(
        _("{name} is larger than {limit} MB, the most diglot reads (set DIGLOT_MAX_INPUT_MB to raise it)").format(
            name=name, limit=round(limit / 1024 / 1024, 3)
        )
    )


def _read_bytes(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    limit = max_input_bytes()
    if str(path) == "-":
        data = _read_at_most(sys.stdin.buffer, limit + 1)
        if len(data) > limit:
            raise too_large(_("standard input"), limit)
        return data, _("standard input")
    p = Path(path)
    try:
        # Looked at before it is opened: opening a FIFO blocks until someone writes to it, and a
        # device such as /dev/zero never ends.
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise InputError(_("{name} is not a regular file (a pipe, device or socket); give a file").format(name=p))
        if info.st_size > limit:
            raise too_large(str(p), limit)
        with open(p, "rb") as handle:
            data = _read_at_most(handle, limit + 1)
        if len(data) > limit:  # it grew while we looked
            raise too_large(str(p), limit)
        return data, str(p)
    except FileNotFoundError:
        raise InputError(_("{name}: no such file").format(name=p)) from None
    except IsADirectoryError:
        raise InputError(_("{name} is a folder, not a file").format(name=p)) from None
    except OSError as err:
        raise InputError(_("cannot read {name}: {reason}").format(name=p, reason=err.strerror)) from None


def _read_at_most(handle: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes of ``handle``, read a megabyte at a time: ``read(size)`` allocates
    ``size`` bytes at once, a MemoryError when the limit is set far above what the machine has."""
    chunks = []
    while size > 0 and (chunk := handle.read(min(size, 1 << 20))):
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_text(path: str | os.PathLike[str], *, utf16_bom: bool = False) -> str:
    """Read a UTF-8 text file (``-`` for standard input), normalised by :func:`normalize`.

    With ``utf16_bom``, a file that starts with a UTF-16 byte order mark is read as UTF-16 (some
    CAT tools export TBX so); it is held to the same size limit, checked before reading."""
    data, name = _read_bytes(path)
    if utf16_bom and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return normalize(data.decode("utf-16"))
        except UnicodeDecodeError as err:
            raise InputError(
                _("{name} starts like UTF-16 but is not valid UTF-16 at byte {offset}").format(name=name, offset=err.start)
            ) from None
    return decode(data, name)


def read_input(path: str | os.PathLike[str]) -> Text:
    """Read a UTF-8 text file (``-`` for standard input) as a :class:`Text`: as read, and normalised."""
    data, name = _read_bytes(path)
    return Text(_decode_raw(data, name), name)


@dataclass(frozen=True)
class Text:
    """A text as read (:attr:`raw`), its normal form (:attr:`text`), and the map between them.

    Everything after reading works on :attr:`text` (segments' offsets point into it); a tool
    that writes the file back changed (``check --fix``) maps its edits onto :attr:`raw` with
    :meth:`raw_offset`, so every other byte of the file is kept.

    >>> t = Text("\ufeffA\r\nB")
    >>> t.text, t.raw_offset(2), t.raw_offset(3)
    ('A\nB', 4, 5)
    """

    raw: str
    name: str = ""
    text: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", normalize(self.raw))

    def raw_offset(self, offset: int) -> int:
        """The offset in :attr:`raw` of ``offset`` in :attr:`text`.

        Offsets between characters that normalisation keeps apart map exactly; one inside what
        it merged or changed (between a CR and its LF, inside a composed Hangul syllable) cannot
        be mapped and raises a :class:`DiglotError`.
        """
        if self.raw == self.text:
            return offset
        text_starts, raw_starts = self._chunk_starts
        k = bisect.bisect_right(text_starts, offset) - 1
        if k < 0 or text_starts[k] != offset:
            raise DiglotError(_("cannot map an offset of {name} back onto the file as read").format(name=self.name))
        return raw_starts[k]

    @cached_property
    def _chunk_starts(self) -> tuple[list[int], list[int]]:
        """Where the pieces that normalise on their own start, in :attr:`text` and in :attr:`raw`."""
        return _chunk_starts(self.raw)


def _starts_chunk(ch: str) -> bool:
    """A character that NFC never merges with the one before it (Latin bases, Hangul syllables, ...)."""
    return unicodedata.combining(ch) == 0 and not "\u1160" <= ch <= "\u11ff"


def _chunk_starts(raw: str) -> tuple[list[int], list[int]]:
    """Cut ``raw`` into chunks that normalise independently (a base and the marks or jamo that
    compose with it; a CRLF); the offsets where each starts in the normal form and in ``raw``."""
    text_starts, raw_starts = [], []
    position = 0
    i = len(raw) - len(raw.lstrip("\ufeff"))  # normalize() drops a leading BOM
    while i < len(raw):
        j = i + 1
        if raw[i] == "\r" and raw[j : j + 1] == "\n":
            j += 1
        while j < len(raw) and not _starts_chunk(raw[j]):
            j += 1
        text_starts.append(position)
        raw_starts.append(i)
        position += len(unicodedata.normalize("NFC", raw[i:j].replace("\r\n", "\n").replace("\r", "\n")))
        i = j
    text_starts.append(position)
    raw_starts.append(len(raw))
    return text_starts, raw_starts


def check_output_path(
    path: str | os.PathLike[str], force: bool, inputs: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """Refuse to overwrite an existing output file unless ``force`` was given, and never one of
    the command's ``inputs`` (even with ``force``: the input would be lost while it is read)."""
    p = Path(path)
    exists = os.path.lexists(p)
    if os.path.exists(p):  # a dangling link is no input
        for given in inputs:
            if given and str(given) != "-" and os.path.exists(given) and os.path.samefile(p, given):
                raise DiglotError(_("{name} is also an input; write the output to another file").format(name=p))
    if exists and not force:
        raise DiglotError(_("{name} exists; use --force to overwrite it").format(name=p))
    if exists and p.is_dir():
        raise DiglotError(_("{name} is a folder, not a file").format(name=p))
    # --force replaces a file, never what a link points to nor a device or pipe (/dev/null).
    if exists and not stat.S_ISREG(os.lstat(p).st_mode):
        raise DiglotError(
            _("{name} is not a regular file (a link, device or pipe); diglot replaces only files").format(name=p)
        )
    # Checked now, so that a command fails before its long work, not after it.
    folder = p.parent
    if not folder.is_dir():
        raise DiglotError(_("cannot write {name}: the folder {folder} does not exist").format(name=p, folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DiglotError(_("cannot write {name}: the folder {folder} is not writable").format(name=p, folder=folder))
    return p


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file.

    Write a temporary file beside it, fsync it, rename it over the old one, fsync the folder.
    """
    p = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        _replace(p, payload)
    except OSError as err:  # a full disk, a folder gone or made read-only since it was checked
        raise DiglotError(_("cannot write {name}: {reason}").format(name=p, reason=err.strerror or err)) from None


def _replace(p: Path, payload: bytes) -> None:
    """:func:`atomic_write` itself; its OSErrors are the caller's to explain."""
    fd, tmp = tempfile.mkstemp(prefix=f"{_side_stem(p)}.", suffix=".tmp", dir=p.parent or ".")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); give it the old file's mode, or the usual one.
        os.chmod(tmp, p.stat().st_mode & 0o777 if p.exists() else 0o666 & ~_umask())
        if p.exists() and hasattr(os, "chown"):  # and its owner, where we may (root editing a user's file)
            old = p.stat()
            with contextlib.suppress(PermissionError):
                os.chown(tmp, old.st_uid, old.st_gid)
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


SIDE_NAME_BYTES = 200  # what a side file keeps of its file's name, within the 255 bytes of a name


def cut_name(name: str) -> str:
    """``name`` cut to its first :data:`SIDE_NAME_BYTES` bytes (whole characters), for the name of
    a file beside it; a shorter name is kept whole."""
    encoded = name.encode("utf-8", "surrogateescape")
    return name if len(encoded) <= SIDE_NAME_BYTES else encoded[:SIDE_NAME_BYTES].decode("utf-8", "ignore")


def _side_stem(p: Path) -> str:
    """How the names of ``p``'s side files (its temporaries, its lock) start: ``.NAME``, the name
    cut by :func:`cut_name`, so that a side file's name stays within the 255 bytes a file name
    may have (a valid name of 250 bytes could not be written)."""
    return "." + cut_name(p.name)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def edit_lock(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold an exclusive lock for editing ``path``; a second editor is refused at once.

    The lock lives in a side file (``.NAME.lock``) so it survives the atomic rename of the
    file itself; the operating system releases it when the process dies, so a crash never
    leaves it stuck. POSIX systems lock with ``flock``, Windows with ``msvcrt.locking``.
    The side file is removed when the edit ends, so none is left beside the user's file; an
    editor that locked a side file just removed tries again with the new one.
    """
    p = Path(path)
    lock_path = p.with_name(f"{_side_stem(p)}.lock")
    while True:
        try:
            lock = open(lock_path, "a+b")  # noqa: SIM115 - closed below
        except OSError as err:  # its folder is missing or read-only: the edit could not be written either
            raise DiglotError(_("cannot write {name}: {reason}").format(name=p, reason=err.strerror or err)) from None
        if not _lock(lock.fileno()):
            lock.close()
            raise DiglotError(_("{name} is being edited by another process; try again").format(name=p))
        try:
            current = os.path.samestat(os.fstat(lock.fileno()), os.stat(lock_path))
        except FileNotFoundError:
            current = False
        if current:
            break
        lock.close()
    try:
        remove_stale_temporaries(p)
        yield
    finally:
        with contextlib.suppress(OSError):  # Windows cannot remove an open file; it stays there
            os.unlink(lock_path)
        _unlock(lock.fileno())
        lock.close()


def remove_stale_temporaries(p: Path) -> None:
    """Remove what an editor of ``p`` killed mid-write left (:func:`atomic_write`'s temporary
    files); safe while the edit lock is held (``p``'s own, or one that guards its whole folder),
    since no other editor can be writing one."""
    for stale in p.parent.glob(f"{glob.escape(_side_stem(p))}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _lock(fd: int) -> bool:
    """Take the lock of the open file ``fd`` without waiting; False if another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)

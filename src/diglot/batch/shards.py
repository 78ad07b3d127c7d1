"""Input shards: which files a batch run reads, and reading them.

A batch input is a file, a folder of ``*.jsonl`` and ``*.jsonl.gz`` shards, or a glob; a path
with a scheme (``s3://bucket/docs/``) is read through fsspec, where the user has installed the
filesystem package. Each shard's output keeps its name, so names must be unique.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
from dataclasses import dataclass
from pathlib import Path

from diglot.errors import DiglotError, InputError
from diglot.i18n import _
from diglot.textio import decode, max_input_bytes, too_large

SUFFIXES = (".jsonl", ".jsonl.gz")
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, order=True)
class Shard:
    """One input file: ``path`` as the user's filesystem names it, ``name`` its output's name."""

    name: str
    path: str

    @property
    def local(self) -> bool:
        """A file of this machine's filesystem (not one read through fsspec)."""
        return not _is_url(self.path)

    @property
    def compressed(self) -> bool:
        return self.name.endswith(".gz")

    def read_bytes(self) -> bytes:
        """The shard's bytes as stored (still compressed if it is a ``.gz``); a shard larger than
        the input limit (:func:`diglot.textio.max_input_bytes`) is refused before it is read."""
        limit = max_input_bytes()
        if _is_url(self.path):
            fsspec = _fsspec(self.path)
            try:
                with fsspec.open(self.path, "rb") as stream:
                    data = stream.read(limit + 1)
            except (OSError, ValueError) as err:
                raise InputError(_("cannot read {name}: {reason}").format(name=self.path, reason=err)) from None
        else:
            try:
                if os.stat(self.path).st_size > limit:
                    raise too_large(self.path, limit)
                with open(self.path, "rb") as stream:
                    data = stream.read(limit + 1)
            except FileNotFoundError:
                raise InputError(_("{name}: no such file").format(name=self.path)) from None
            except OSError as err:
                raise InputError(_("cannot read {name}: {reason}").format(name=self.path, reason=err.strerror)) from None
        if len(data) > limit:  # a remote file, or one that grew while we looked
            raise too_large(self.path, limit)
        return data

    def read_text(self, data: bytes | None = None) -> str:
        """The shard's text, decompressed, checked and normalised as :func:`diglot.textio.read_text` does.

        The limit holds for the decompressed text too: a small gzip that inflates past it is
        refused once it has, not read to the end.
        """
        data = self.read_bytes() if data is None else data
        if self.compressed:
            limit = max_input_bytes()
            try:
                with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
                    data = stream.read(limit + 1)
            except (OSError, EOFError) as err:
                raise InputError(_("{name} is not a readable gzip file ({reason})").format(name=self.path, reason=err)) from None
            if len(data) > limit:
                raise too_large(self.path, limit)
        return decode(data, self.path)

    def decode(self, data: bytes) -> str:
        """The text of an output shard's bytes (:meth:`encode` undone)."""
        return (gzip.decompress(data) if self.compressed else data).decode("utf-8")

    def encode(self, text: str) -> bytes:
        """An output shard's bytes for ``text``: compressed like its input, and the same bytes every run."""
        data = text.encode("utf-8")
        return gzip.compress(data, mtime=0) if self.compressed else data


def find_shards(source: str | os.PathLike[str]) -> list[Shard]:
    """The shards ``source`` names, sorted by name; an :class:`InputError` if there are none."""
    source = str(source)
    if _is_url(source):
        paths = _remote_paths(source)
    elif os.path.isdir(source):
        paths = [str(p) for p in Path(source).iterdir() if p.is_file() and p.name.endswith(SUFFIXES)]
    elif _GLOB_CHARACTERS & set(source):
        paths = [p for p in glob.glob(source) if os.path.isfile(p)]
    elif os.path.isfile(source):
        paths = [source]
    else:
        raise InputError(_("{name}: no such file or folder").format(name=source))
    if not paths:
        raise InputError(_("{name}: no *.jsonl or *.jsonl.gz shards there").format(name=source))
    shards = sorted(Shard(_basename(p), p) for p in paths)
    for first, second in zip(shards, shards[1:]):
        if first.name == second.name:
            raise DiglotError(
                _("two shards are both named {name} ({first}, {second}); their outputs would collide").format(
                    name=first.name, first=first.path, second=second.path
                )
            )
    return shards


def _basename(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1] if _is_url(path) else os.path.basename(path)


def _is_url(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def _fsspec(path: str):  # type: ignore[no-untyped-def]
    try:
        import fsspec
    except ImportError:
        raise DiglotError(
            _("{name}: reading from a URL needs fsspec and its filesystem package (pip install fsspec s3fs)").format(
                name=path
            )
        ) from None
    return fsspec


def _remote_paths(source: str) -> list[str]:
    fsspec = _fsspec(source)
    try:
        fs, _token, paths = fsspec.get_fs_token_paths(source)
        if len(paths) == 1 and fs.isdir(paths[0]):
            paths = [p for p in fs.ls(paths[0], detail=False) if p.endswith(SUFFIXES)]
    except (ImportError, ValueError) as err:  # no filesystem package for the scheme
        raise DiglotError(_("cannot read {name}: {reason}").format(name=source, reason=err)) from None
    return [fs.unstrip_protocol(p) for p in paths]

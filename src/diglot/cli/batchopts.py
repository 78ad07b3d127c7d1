"""The options every sharded batch command takes, and running its job over the shards.

A command's ``--jsonl`` runs over shards (:mod:`diglot.batch`) when it names a folder of
``*.jsonl``/``*.jsonl.gz`` shards or a glob, or with ``--out-dir DIR`` (each shard's output goes
to ``DIR`` under the shard's name, and a rerun resumes), ``--workers N`` (N local processes) or
``--scheduler tcp://HOST:PORT`` (a Dask cluster). A command adds the options with
:func:`add_batch_options`; when :func:`sharded` says so, it hands its job to :func:`run_sharded`
(each shard's output is the command's output) or takes every shard's output from
:func:`shard_texts` and merges them itself (mining, pairing). ``diglot translate FILE…
--out-dir DIR`` makes its own shards, one a file, and runs them with :func:`run_out_dir`.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import time
from typing import Iterator

from diglot.cli.common import positive_int
from diglot.errors import EXIT_OK, DiglotError
from diglot.i18n import _, ngettext


def add_batch_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(_("sharded runs (see docs/batch.md)"))
    group.add_argument(
        "--out-dir",
        metavar="DIR",
        help=_(
            "keep each input shard's output here, under its name, with a completion marker each and summary.json, "
            "so that a rerun skips the shards already complete (--jsonl may be a file, a folder of *.jsonl / "
            "*.jsonl.gz shards, or a glob)"
        ),
    )
    group.add_argument(
        "--workers", type=positive_int, default=1, metavar="N", help=_("run shards in N local processes (default: 1)")
    )
    group.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        type=scheduler_address,
        help=_("run shards on the Dask cluster of this scheduler (pip install 'diglot[dask]')"),
    )


# A Dask scheduler's address: SCHEME://HOST:PORT, or HOST:PORT (Dask takes tcp://); the host a
# name or an address, IPv6 in brackets. Dask's own schemes, less inproc:// (this process only).
_SCHEDULER = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:\[[0-9A-Fa-f:.]+\]|[^\s/:\[\]]+):(?P<port>[0-9]{1,5})")


def scheduler_address(value: str) -> str:
    """An argparse ``type``: the address of a Dask scheduler, ``tcp://HOST:PORT`` (or ``tls://``,
    ``ws://``, ``wss://``, ``ucx://``, or no scheme); an empty one too is refused, not read as a local run."""
    match = _SCHEDULER.fullmatch(value)
    if match is None or not 0 < int(match["port"]) < 65536:
        raise argparse.ArgumentTypeError(
            _("expected the address of a Dask scheduler, such as tcp://HOST:PORT, not {value!r}").format(value=value)
        )
    return value


def sharded(args: argparse.Namespace, *, merged: bool = False) -> bool:
    """Whether the command runs over shards: with ``--out-dir``, ``--workers``, ``--scheduler``, or a
    ``--jsonl`` that names a folder, a glob or a ``.jsonl.gz`` file. Each needs ``--jsonl``. ``merged``: the command
    merges every shard's output into one result (mining, pairing), which ``-o`` may then name
    beside ``--out-dir``; otherwise ``-o`` is the shards' outputs one after the other, so it
    cannot go with ``--out-dir``.
    """
    source = getattr(args, "jsonl", None)
    if not (args.out_dir or args.workers > 1 or args.scheduler or (source and _names_shards(source))):
        return False
    if not source:
        raise DiglotError(_("--out-dir, --workers and --scheduler run the shards of --jsonl: add --jsonl"))
    if args.out_dir and getattr(args, "output", None) and not merged:
        raise DiglotError(_("give either -o OUT or --out-dir DIR, not both"))
    if not merged and not args.out_dir and getattr(args, "json", True) is False:
        # check: its shards give what --json prints, never its tables; but no shards at all is said first
        from diglot.batch import find_shards

        find_shards(source)
        raise DiglotError(_("a run over shards writes JSON lines: add --json, or --out-dir DIR"))
    return True


def _names_shards(source: str) -> bool:
    """``--jsonl`` names more than one file, a file through fsspec, or a gzip shard (inflated as
    shards are)."""
    import os

    return "://" in source or os.path.isdir(source) or any(c in source for c in "*?[") or source.endswith(".gz")


def run_sharded(args: argparse.Namespace, factory: str, **settings: object) -> int:
    """Run the job ``factory`` (``"module:name"``, built with ``settings``) over ``args.jsonl``'s shards:
    into ``--out-dir``, or, without it, each shard's output after the one before to ``-o`` or
    standard output."""
    import importlib
    import sys

    from diglot.textio import atomic_write, check_output_path

    output = getattr(args, "output", None)  # check has no -o: it prints
    target = check_output_path(output, args.force) if not args.out_dir and output else None
    texts = shard_texts(args, factory, **settings)
    module, _sep, name = factory.partition(":")
    exit_code = getattr(getattr(importlib.import_module(module), name), "exit_code", None)  # check: 1 for findings
    if args.out_dir:
        return exit_code(texts) if exit_code else EXIT_OK
    texts = list(texts)
    if target is not None:
        atomic_write(target, "".join(texts))
    else:
        for text in texts:
            sys.stdout.write(text)
    return exit_code(texts) if exit_code else EXIT_OK


def shard_texts(args: argparse.Namespace, factory: str, **settings: object) -> Iterator[str]:
    """The output text of the job ``factory`` for each shard of ``args.jsonl``, in shard order.

    With ``--out-dir`` the shards are run into it first (:func:`run_out_dir`: shards already
    complete are read back, not run again); without it they are run in memory.
    """
    from diglot.batch import JobSpec, find_shards, map_batch, read_output

    shards = find_shards(args.jsonl)
    spec = JobSpec.make(factory, **settings)
    if args.out_dir:
        run_out_dir(args, spec, shards)
        return (read_output(shard, args.out_dir) for shard in shards)
    with _progress() as bar:
        return iter(list(map_batch(spec, shards, workers=args.workers, scheduler=args.scheduler, progress=bar)))


def run_out_dir(args: argparse.Namespace, spec, shards):  # type: ignore[no-untyped-def]
    """Run ``spec`` over ``shards`` into ``--out-dir`` with ``--workers`` or ``--scheduler``, a
    progress bar on a terminal, and a line saying what the run did; the run's summary."""
    from diglot.batch import run_batch
    from diglot.cli.output import stderr

    with _progress() as bar:
        summary = run_batch(spec, shards, args.out_dir, workers=args.workers, scheduler=args.scheduler, progress=bar)
    stderr().print(
        ngettext("{n} shard", "{n} shards", summary.shards).format(n=summary.shards)
        + " ("
        + _("{skipped} already complete").format(skipped=summary.skipped)
        + "), "
        + ngettext("{n} document", "{n} documents", summary.documents).format(n=summary.documents)
        + ", "
        + _("{seconds:.1f} s").format(seconds=summary.seconds)
        + f" → {args.out_dir}",
        markup=False,
        highlight=False,
    )
    return summary


@contextlib.contextmanager
def _progress() -> Iterator["_Bar | None"]:
    """A progress bar on standard error when it is a terminal, else None."""
    from diglot.cli.output import stderr

    console = stderr()
    if not console.is_terminal:
        yield None
        return
    with _Bar(console) as bar:
        yield bar


class _Bar:
    """A rich progress bar: shards done of those to run, documents, documents a second, time left."""

    def __init__(self, console) -> None:  # type: ignore[no-untyped-def]
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn(_("shards")), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[documents]}"),
            TimeRemainingColumn(), console=console, transient=True,
        )  # fmt: skip
        self.task = self.progress.add_task("", total=None, documents="")
        self.start = time.perf_counter()
        self.first: int | None = None

    def __enter__(self) -> "_Bar":
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)  # type: ignore[arg-type]

    def __call__(self, state) -> None:  # type: ignore[no-untyped-def]
        if self.first is None:
            self.first = state.documents  # those of skipped shards: not this run's work
        done = state.documents - self.first
        rate = done / max(time.perf_counter() - self.start, 1e-9)
        documents = ngettext("{n} document", "{n} documents", done).format(n=done) + _(", {rate:.1f}/s").format(rate=rate)
        self.progress.update(self.task, completed=state.done, total=state.total, documents=documents)

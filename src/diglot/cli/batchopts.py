"""The options every sharded batch command takes, and running its job over the shards.

``--out-dir DIR`` turns a command's ``--jsonl`` into a sharded run (:mod:`diglot.batch`): the
input may then be a file, a folder of ``*.jsonl``/``*.jsonl.gz`` shards or a glob, and each
shard's output goes to ``DIR`` under the shard's name. ``--workers N`` runs shards in N local
processes, ``--scheduler tcp://HOST:PORT`` on a Dask cluster. A command adds them with
:func:`add_batch_options` and, when :func:`sharded` says so, hands its job to :func:`run_sharded`.
"""

from __future__ import annotations

import argparse
import time

from diglot.cli.common import positive_int
from diglot.errors import EXIT_OK, DiglotError
from diglot.i18n import _, ngettext


def add_batch_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(_("sharded runs (see docs/batch.md)"))
    group.add_argument(
        "--out-dir",
        metavar="DIR",
        help=_(
            "write one output shard per input shard here, under its name, with a completion marker each and "
            "summary.json; --jsonl may then be a file, a folder of *.jsonl / *.jsonl.gz shards, or a glob; a rerun "
            "skips the shards already complete"
        ),
    )
    group.add_argument(
        "--workers", type=positive_int, default=1, metavar="N", help=_("run shards in N local processes (default: 1)")
    )
    group.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help=_("run shards on the Dask cluster of this scheduler (pip install 'diglot[dask]')"),
    )


def sharded(args: argparse.Namespace) -> bool:
    """Whether the command runs sharded; ``--workers`` and ``--scheduler`` need ``--out-dir``."""
    if args.out_dir:
        if getattr(args, "output", None):
            raise DiglotError(_("give either -o OUT or --out-dir DIR, not both"))
        return True
    if args.workers > 1 or args.scheduler:
        raise DiglotError(_("--workers and --scheduler run shards: add --out-dir DIR"))
    return False


def run_sharded(args: argparse.Namespace, factory: str, **settings: object) -> int:
    """Run the job ``factory`` (``"module:name"``, built with ``settings``) over ``args.jsonl``'s shards."""
    from diglot.batch import JobSpec, find_shards, run_batch
    from diglot.cli.output import stderr

    shards = find_shards(args.jsonl)
    spec = JobSpec.make(factory, **settings)
    console = stderr()
    if console.is_terminal:
        with _Bar(console) as bar:
            summary = run_batch(spec, shards, args.out_dir, workers=args.workers, scheduler=args.scheduler, progress=bar)
    else:
        summary = run_batch(spec, shards, args.out_dir, workers=args.workers, scheduler=args.scheduler)
    console.print(
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
    return EXIT_OK


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

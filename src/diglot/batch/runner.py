"""The sharded runner: one job over many shards, in this process, local processes or on Dask.

A job is named by reference (:class:`JobSpec`: an importable factory and its settings), so
each worker process builds it once, with its models and glossary, and keeps it for every
shard it is given. Each input shard gives one output shard of the same name, written
atomically and then confirmed by a completion marker (``.NAME.done``: the signature, and the
hashes of the input and the output). A rerun skips every shard whose marker matches and
redoes the rest, so a run killed at any moment and started again ends with the bytes an
uninterrupted run writes. Workers return the output's bytes and this process writes them,
so the output folder need not be visible to a cluster's workers (the input must be).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Protocol, Sequence

from diglot.batch.shards import Shard, find_shards
from diglot.errors import DiglotError, InputError
from diglot.i18n import _
from diglot.provenance import Signature
from diglot.textio import atomic_write, cut_name, edit_lock, remove_stale_temporaries

SUMMARY_NAME = "summary.json"
CONNECT_TIMEOUT = "10s"  # how long to wait for a Dask scheduler before saying it does not answer


class Job(Protocol):
    """What a job factory returns: a shard's text in, the output shard's text (or a :class:`JobOutput`) out."""

    signature: Signature

    def __call__(self, text: str, name: str) -> "str | JobOutput": ...


@dataclass(frozen=True)
class JobOutput:
    """A job's output for one shard when it has more to say than the text.

    ``documents``: how many documents the shard held (default: its non-blank lines, one JSON
    document a line). ``details``: JSON kept in the shard's completion marker, so that a rerun
    that skips the shard still has them (:func:`read_details`), e.g. what a translation's
    glossary enforcement did.
    """

    text: str
    documents: int | None = None
    details: dict[str, object] | None = None


@dataclass(frozen=True)
class JobSpec:
    """A job by reference: ``factory`` (``"package.module:name"``) called with ``settings``.

    Settings must pickle and hash (strings, numbers, booleans, None, tuples); lists are
    turned into tuples by :meth:`make`.

    >>> JobSpec.make("diglot.batch.runner:example", upper=True).settings
    (('upper', True),)
    """

    factory: str
    settings: tuple[tuple[str, object], ...] = ()

    @classmethod
    def make(cls, factory: str, **settings: object) -> "JobSpec":
        frozen = {k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()}
        return cls(factory, tuple(sorted(frozen.items())))

    def build(self) -> Job:
        module_name, _sep, attribute = self.factory.partition(":")
        factory = getattr(importlib.import_module(module_name), attribute)
        return factory(**dict(self.settings))


@dataclass(frozen=True)
class ShardResult:
    """What a worker sends back for one shard."""

    shard: Shard
    data: bytes  # the output shard's bytes, as they go on disk
    input_sha256: str
    documents: int
    details: dict[str, object] | None = None  # the job's JobOutput.details

    def text(self) -> str:
        """The output shard's text (decompressed)."""
        return self.shard.decode(self.data)


@dataclass(frozen=True)
class BatchProgress:
    """How a run stands: shards run of those to run, documents they held, shards skipped as complete."""

    done: int
    total: int
    documents: int
    skipped: int


@dataclass
class Summary:
    """What a run did, as written to ``summary.json``."""

    shards: int
    skipped: int
    documents: int
    seconds: float
    signature: Signature

    def as_dict(self) -> dict[str, object]:
        return {
            "shards": self.shards,
            "skipped": self.skipped,
            "documents": self.documents,
            "seconds": round(self.seconds, 3),
            "signature": self.signature.as_dict(),
        }


# One job per process and spec, built on first use; the lock also keeps the threads of one
# Dask worker from running a job at once (jobs need not be thread-safe).
_JOBS: dict[JobSpec, Job] = {}
_LOCK = threading.Lock()


def job_for(spec: JobSpec) -> Job:
    with _LOCK:
        return _job_locked(spec)


def _job_locked(spec: JobSpec) -> Job:
    job = _JOBS.get(spec)
    if job is None:
        job = _JOBS[spec] = spec.build()
    return job


def process_shard(spec: JobSpec, shard: Shard) -> ShardResult:
    """Run ``spec``'s job over one shard (in whichever process this is)."""
    try:
        raw = shard.read_bytes()
        text = shard.read_text(raw)
        with _LOCK:
            output = _job_locked(spec)(text, shard.path)
    except DiglotError as err:  # some subclasses do not pickle back to the caller; their message does
        raise (InputError if isinstance(err, InputError) else DiglotError)(str(err)) from None
    if isinstance(output, str):
        output = JobOutput(output)
    documents = output.documents
    if documents is None:
        documents = sum(1 for line in text.split("\n") if line.strip())
    return ShardResult(shard, shard.encode(output.text), _sha256(raw), documents, output.details)


def run_batch(
    spec: JobSpec,
    source: str | Sequence[Shard],
    out_dir: str | Path,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Callable[[BatchProgress], None] | None = None,
) -> Summary:
    """Run ``spec``'s job over every shard of ``source`` into ``out_dir``; shards already done are skipped.

    ``workers`` local processes (1: this process), or the Dask cluster at ``scheduler``
    (``tcp://host:port``). The job is also built here, for its signature.
    """
    start = time.perf_counter()
    shards = find_shards(source) if isinstance(source, str) else list(source)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise DiglotError(_("{name} is a file, not a folder").format(name=out))
    if not out.parent.is_dir():
        raise DiglotError(_("cannot write {name}: the folder {folder} does not exist").format(name=out, folder=out.parent))
    for shard in shards:  # before the job is built (models loaded): a mistake costs nothing
        if shard.name == SUMMARY_NAME:
            raise DiglotError(
                _("{name}: its output would replace the run's {summary}; rename the file").format(
                    name=shard.path, summary=SUMMARY_NAME
                )
            )
        if shard.local and (out / shard.name).resolve() == Path(shard.path).resolve():
            raise DiglotError(_("{name} would be overwritten by its own output: choose another --out-dir").format(name=shard.path))
    with _output_folder(out):  # a refused run removes the folder if it made it
        if not os.access(out, os.W_OK | os.X_OK):
            raise DiglotError(_("cannot write {name}: the folder {folder} is not writable").format(name=out / SUMMARY_NAME, folder=out))
        signature = job_for(spec).signature
        todo, documents = [], 0
        for shard in shards:
            target = out / shard.name
            marker = _complete(shard, target, signature)
            if marker is None:
                todo.append(shard)
            else:
                documents += marker
        skipped = len(shards) - len(todo)
        report = progress or (lambda _state: None)
        with edit_lock(out / SUMMARY_NAME):  # one run at a time in a folder
            for shard in todo:  # what a killed run left mid-write
                remove_stale_temporaries(out / shard.name)
                remove_stale_temporaries(_marker_path(out / shard.name))
            report(BatchProgress(0, len(todo), documents, skipped))
            for done, result in enumerate(_results(spec, todo, workers, scheduler), 1):
                target = out / result.shard.name
                atomic_write(target, result.data)
                marker = {
                    "documents": result.documents,
                    "input_sha256": result.input_sha256,
                    "output_sha256": _sha256(result.data),
                    "signature": str(signature),
                    **({"details": result.details} if result.details is not None else {}),
                }
                atomic_write(_marker_path(target), json.dumps(marker, sort_keys=True) + "\n")
                documents += result.documents
                report(BatchProgress(done, len(todo), documents, skipped))
            summary = Summary(len(shards), skipped, documents, time.perf_counter() - start, signature)
            atomic_write(out / SUMMARY_NAME, json.dumps(summary.as_dict(), ensure_ascii=False, indent=2) + "\n")
    return summary


@contextlib.contextmanager
def _output_folder(out: Path) -> Iterator[None]:
    """Make the folder ``out`` if it is missing, and remove it again if the run is refused while
    it is still empty: a refused run leaves nothing. A folder that was already there stays."""
    try:
        out.mkdir()
        made = True
    except FileExistsError:
        made = False
    except OSError as err:
        raise DiglotError(_("cannot make the folder {name}: {reason}").format(name=out, reason=err.strerror or err)) from None
    try:
        yield
    except BaseException:
        if made:
            with contextlib.suppress(OSError):  # not empty: it holds shards done, which a rerun keeps
                out.rmdir()
        raise


def map_batch(
    spec: JobSpec,
    source: str | Sequence[Shard],
    *,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Callable[[BatchProgress], None] | None = None,
) -> Iterator[str]:
    """The output text of ``spec``'s job for every shard of ``source``, in shard order, kept in memory.

    The same workers as :func:`run_batch` and the same outputs, without an output folder (so
    nothing to resume): for a command that writes one file, or merges what the shards give.
    A shard that finishes early waits for those before it.
    """
    shards = find_shards(source) if isinstance(source, str) else list(source)
    report = progress or (lambda _state: None)
    order = {shard: index for index, shard in enumerate(shards)}
    waiting: dict[int, str] = {}
    documents = following = 0
    report(BatchProgress(0, len(shards), 0, 0))
    for done, result in enumerate(_results(spec, shards, workers, scheduler), 1):
        waiting[order[result.shard]] = result.text()
        documents += result.documents
        report(BatchProgress(done, len(shards), documents, 0))
        while following in waiting:
            yield waiting.pop(following)
            following += 1


def read_output(shard: Shard, out_dir: str | Path) -> str:
    """The text :func:`run_batch` wrote for ``shard`` under ``out_dir`` (decompressed)."""
    target = Path(out_dir) / shard.name
    try:
        return shard.decode(target.read_bytes())
    except OSError as err:
        raise DiglotError(_("cannot read {name}: {reason}").format(name=target, reason=err.strerror)) from None


def read_details(shard: Shard, out_dir: str | Path) -> dict[str, object] | None:
    """The details the job gave for ``shard`` (:attr:`JobOutput.details`), from its completion
    marker under ``out_dir``, or None if it gave none."""
    marker = _marker_path(Path(out_dir) / shard.name)
    try:
        return json.loads(marker.read_text(encoding="utf-8")).get("details")
    except OSError as err:
        raise DiglotError(_("cannot read {name}: {reason}").format(name=marker, reason=err.strerror)) from None


def _complete(shard: Shard, target: Path, signature: Signature) -> int | None:
    """The documents of ``shard`` if ``target`` is its finished output for ``signature``, else None."""
    try:
        marker = json.loads(_marker_path(target).read_text(encoding="utf-8"))
        finished = (
            marker["signature"] == str(signature)
            and marker["output_sha256"] == _sha256(target.read_bytes())
            and marker["input_sha256"] == _sha256(shard.read_bytes())
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return int(marker["documents"]) if finished else None


def _marker_path(target: Path) -> Path:
    """``.NAME.done`` beside the output; a long name is cut as side files' names are
    (:func:`~diglot.textio.cut_name`) and told apart by a hash of the whole, so that the marker's
    name stays within the 255 bytes a file name may have."""
    name = cut_name(target.name)
    if name != target.name:
        name += "-" + _sha256(target.name.encode("utf-8", "surrogateescape"))[:16]
    return target.with_name(f".{name}.done")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _results(spec: JobSpec, shards: list[Shard], workers: int, scheduler: str | None) -> Iterable[ShardResult]:
    if not shards:
        return ()
    if scheduler:
        return _on_dask(spec, shards, scheduler)
    if workers > 1 and len(shards) > 1:
        return _in_processes(spec, shards, workers)
    return (process_shard(spec, shard) for shard in shards)


def _in_processes(spec: JobSpec, shards: list[Shard], workers: int) -> Iterator[ShardResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    # spawn: a fresh interpreter per worker, the same on every platform (fork would copy this
    # process's threads and open models)
    pool = ProcessPoolExecutor(max_workers=min(workers, len(shards)), mp_context=multiprocessing.get_context("spawn"))
    try:
        futures = [pool.submit(process_shard, spec, shard) for shard in shards]
        for future in as_completed(futures):
            yield future.result()
    except BrokenProcessPool:
        raise DiglotError(_("a worker process died (out of memory?); run again to resume")) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _on_dask(spec: JobSpec, shards: list[Shard], scheduler: str) -> Iterator[ShardResult]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise DiglotError(_("--scheduler needs Dask: pip install 'diglot[dask]'")) from None
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as err:
        raise DiglotError(_("cannot reach the Dask scheduler at {address}: {reason}").format(address=scheduler, reason=err)) from None
    try:
        futures = client.map(process_shard, [spec] * len(shards), shards, pure=False)
        for future in as_completed(futures):
            yield future.result()
    finally:
        client.close()

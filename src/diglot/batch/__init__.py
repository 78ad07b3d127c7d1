"""Sharded, resumable batch runs: one job over a folder of JSONL shards, on local processes or Dask.

>>> from diglot.batch import JobSpec, run_batch
>>> spec = JobSpec.make("diglot.cli.batchjobs:AlignJob", no_glossary=True)  # doctest: +SKIP
>>> run_batch(spec, "archive/", "aligned/", workers=4)                         # doctest: +SKIP

Each input shard (a ``*.jsonl`` or ``*.jsonl.gz`` file) gives one output shard of the same name
under the output folder, plus a completion marker; a rerun skips the shards already complete.
The output is the same, byte for byte, however many workers ran it. See ``docs/batch.md``.
"""

from diglot.batch.runner import (
    BatchProgress, Job, JobOutput, JobSpec, ShardResult, Summary, job_for, map_batch, process_shard, read_details,
    read_output, run_batch,
)  # fmt: skip
from diglot.batch.shards import Shard, find_shards

__all__ = [
    "BatchProgress", "Job", "JobOutput", "JobSpec", "Shard", "ShardResult", "Summary", "find_shards", "job_for",
    "map_batch", "process_shard", "read_details", "read_output", "run_batch",
]  # fmt: skip

"""The jobs the batch commands run over each shard of a sharded run (:mod:`diglot.batch`).

Each job is built once per worker process from plain settings (so it can be named by a
:class:`diglot.batch.JobSpec` and sent to another process or a Dask cluster): its glossary and
models are loaded then, and every shard the worker is given reuses them. A job turns one
shard's text into its output shard's text, exactly as the command's single-file mode would.
"""

from __future__ import annotations

import argparse
from typing import Sequence

from diglot.provenance import Signature


class AlignJob:
    """``diglot align --presplit --jsonl`` over one shard."""

    def __init__(self, glossary: Sequence[str] | None = None, no_glossary: bool = False, use_mt: bool = False):
        from diglot.cli.align import _matcher, _translator

        args = argparse.Namespace(glossary=list(glossary) if glossary else None, no_glossary=no_glossary, use_mt=use_mt)
        self.matcher, glossary_id = _matcher(args)
        self.translate, model_id = _translator(args)
        self.signature = Signature.make(glossary=glossary_id, model=model_id, task="align", presplit=True, format="jsonl")

    def __call__(self, text: str, name: str) -> str:
        from diglot.align.batch import parse_batch
        from diglot.cli.align import batch_lines

        return batch_lines(parse_batch(text, name), self.matcher, self.translate)

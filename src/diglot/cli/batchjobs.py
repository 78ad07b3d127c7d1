"""The jobs the batch commands run over each shard of a sharded run (:mod:`diglot.batch`).

Each job is built once per worker process from plain settings (so it can be named by a
:class:`diglot.batch.JobSpec` and sent to another process or a Dask cluster): its glossary and
models are loaded then, and every shard the worker is given reuses them. A job turns one
shard's text into its output shard's text, exactly as the command's single-file mode would.
"""

from __future__ import annotations

import argparse
import json
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


class CheckJob:
    """``diglot check --jsonl SHARD --json`` over one shard: one record a document, its beads with findings.

    Waivers come from one ``waivers`` file for every shard (its contents are in the signature, so
    a rerun after they change checks again), not from a file beside each shard.
    """

    def __init__(
        self,
        glossary: Sequence[str] | None = None,
        date: str | None = None,
        direction: str | None = None,
        numbers: bool = True,
        presplit: bool = False,
        waivers: str | None = None,
    ):
        import hashlib

        from diglot.check import Waivers
        from diglot.cli.common import glossary_from_args

        self.args = argparse.Namespace(
            glossary=list(glossary) if glossary else None, date=date, direction=direction, no_numbers=not numbers
        )
        self.glossary = glossary_from_args(self.args)
        self.presplit = presplit
        self.waivers = Waivers.load(waivers) if waivers else None
        records = json.dumps(self.waivers.records, sort_keys=True) if self.waivers else ""
        waived = hashlib.sha256(records.encode("utf-8")).hexdigest()[:12] if records else "none"
        self.signature = Signature.make(
            glossary=self.glossary.fingerprint, task="check", direction=direction or "ko-en", numbers=numbers,
            presplit=presplit, waivers=waived,
        )  # fmt: skip

    def __call__(self, text: str, name: str) -> str:
        from diglot.align.batch import parse_batch
        from diglot.cli.check import _check_batch, json_lines

        reports = _check_batch(self.args, self.glossary, self.waivers, parse_batch(text, name))
        return json_lines(reports, self.presplit, batch=True)

"""The jobs the batch commands run over each shard of a sharded run (:mod:`diglot.batch`).

Each job is built once per worker process from plain settings (so it can be named by a
:class:`diglot.batch.JobSpec` and sent to another process or a Dask cluster): its glossary and
models are loaded then, and every shard the worker is given reuses them. A job turns one
shard's text into its output shard's text, exactly as the command's single-file mode would.
"""

from __future__ import annotations

import argparse
import json
from typing import Iterable, Sequence

from diglot.errors import DiglotError, InputError
from diglot.i18n import _
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

    @staticmethod
    def exit_code(texts: Iterable[str]) -> int:
        """``check``'s exit code for these output shards: 1 if a finding that fails the check (an
        error or a warning; notes do not) is left in any document, as the single-file run says."""
        from diglot.errors import EXIT_FINDINGS, EXIT_OK

        failing = {"error", "warning"}  # diglot.check's ERROR and WARNING, the severities that fail
        for text in texts:
            for line in text.splitlines():
                beads = json.loads(line)["beads"]
                if any(f.get("severity") in failing for bead in beads for f in bead["findings"]):
                    return EXIT_FINDINGS
        return EXIT_OK


class CandidatesJob:
    """One shard's part of ``glossary mine --jsonl`` and ``glossary consistency --jsonl``: its
    documents aligned (together, as the single-file command aligns a file) and each aligned
    sentence pair's term candidates, one JSON line a bead (:func:`read_candidates` merges them).

    The expensive part (alignment, Kiwi) is done here, per shard; association and ranking need
    counts over the whole corpus, so they run once, on the merged beads. Both commands run the
    same job, so one ``--out-dir`` serves both.
    """

    def __init__(self, glossary: Sequence[str] | None = None, no_glossary: bool = False):
        from diglot.cli.aligned_input import glossary_of
        from diglot.glossary import Matcher

        found = glossary_of(argparse.Namespace(glossary=list(glossary) if glossary else None, no_glossary=no_glossary))
        self.matcher = Matcher(found, ["ko", "en"]) if len(found) else None
        self.signature = Signature.make(glossary=found.fingerprint if len(found) else "none", task="candidates")

    def __call__(self, text: str, name: str) -> str:
        from diglot.align.batch import parse_batch
        from diglot.mine.corpus import batch_pairs
        from diglot.mine.propose import bead_candidates

        documents = parse_batch(text, name)
        beads = batch_pairs(documents, self.matcher) if documents else []
        return "".join(
            json.dumps({"where": b.where, "ko": b.ko, "en": b.en, "ko_terms": ko, "en_terms": en}, ensure_ascii=False) + "\n"
            for b, (ko, en) in zip(beads, bead_candidates(beads))
        )


def read_candidates(texts: Iterable[str]):  # type: ignore[no-untyped-def]
    """The beads of :class:`CandidatesJob`'s output shards, in shard order, and their candidate table:
    what ``candidate_table(read_jsonl(...))`` gives for the shards' documents, each shard aligned on its own."""
    from diglot.mine import BeadText
    from diglot.mine.propose import candidate_table

    beads, found = [], []
    for text in texts:
        for line in text.splitlines():
            record = json.loads(line)
            beads.append(BeadText(record["ko"], record["en"], record["where"]))
            found.append(([tuple(c) for c in record["ko_terms"]], [tuple(c) for c in record["en_terms"]]))
    return beads, candidate_table(beads, found)


def sharded_beads(args: argparse.Namespace, glossary):  # type: ignore[no-untyped-def]
    """The aligned sentence pairs of the input, and their candidate table when the shards of a
    sharded run (:mod:`diglot.cli.batchopts`) found it (else None: it is built from the beads)."""
    from diglot.cli.aligned_input import read_beads
    from diglot.cli.batchopts import shard_texts, sharded
    from diglot.cli.common import working

    if not sharded(args, merged=True):
        return read_beads(args, glossary), None
    if args.files:
        raise DiglotError(_("give either --jsonl DOCS.jsonl or file pairs, not both"))
    texts = shard_texts(args, "diglot.cli.batchjobs:CandidatesJob", glossary=args.glossary, no_glossary=args.no_glossary)
    with working(_("finding terms")):
        beads, table = read_candidates(texts)
    if not beads:
        raise DiglotError(_("no aligned sentence pairs in the input: nothing to mine"))
    return beads, table


class AnchorsJob:
    """One shard's part of ``diglot pair --jsonl``: each document with its anchors
    (:func:`diglot.pair.document_anchors`, the costly part), one JSON line a document. The index,
    the scoring and the one-to-one assignment need every document, so they run once, on all the
    shards' documents (:func:`read_anchored`)."""

    def __init__(self, glossary: Sequence[str] | None = None, no_glossary: bool = False):
        from diglot.cli.align import _matcher  # the glossary's anchors, as align and pair take them

        args = argparse.Namespace(glossary=list(glossary) if glossary else None, no_glossary=no_glossary)
        self.matcher, glossary_id = _matcher(args)
        self.signature = Signature.make(glossary=glossary_id, task="pair-anchors")

    def __call__(self, text: str, name: str) -> str:
        from diglot.pair import document_anchors, parse_documents

        lines = []
        for doc in parse_documents(text, name):
            record = {
                "id": doc.id, "lang": doc.lang, "date": doc.date.isoformat() if doc.date else None,
                "lines": list(doc.lines), "anchors": _plain(document_anchors(doc, self.matcher)),
            }  # fmt: skip
            lines.append(json.dumps(record, ensure_ascii=False) + "\n")
        return "".join(lines)


def read_anchored(texts: Iterable[str]):  # type: ignore[no-untyped-def]
    """The documents of :class:`AnchorsJob`'s output shards, in shard order, and their anchors."""
    import datetime

    from diglot.pair import Anchors, Document

    documents, anchors, seen = [], [], set()
    for text in texts:
        for line in text.splitlines():
            record = json.loads(line)
            key = (record["lang"], record["id"])
            if key in seen:  # each shard refuses its own repeats; this is one shard against another
                raise InputError(
                    _("the id {id} names two {lang} documents in different shards; give each document its own id").format(
                        id=json.dumps(record["id"], ensure_ascii=False), lang=record["lang"]
                    )
                )
            seen.add(key)
            date = datetime.date.fromisoformat(record["date"]) if record["date"] else None
            documents.append(Document(record["id"], record["lang"], tuple(record["lines"]), date))
            anchors.append(Anchors(**{key: _unplain(value) for key, value in record["anchors"].items()}))
    return documents, anchors


# Anchors as JSON, whatever their fields hold (numbers, strings, booleans, and lists, tuples, sets
# and dicts of them): tuples, sets and dicts are tagged so that they come back as they were, and
# sets and dicts are written sorted, so that a shard's output is the same bytes in every process
# (the order of a set of strings changes with each process's hash seed; nothing may depend on it).


def _plain(value: object) -> object:
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (set, frozenset)):
        return {"frozenset": sorted((_plain(item) for item in value), key=_order)}
    if isinstance(value, tuple):
        return {"tuple": [_plain(item) for item in value]}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {"dict": sorted(([_plain(k), _plain(v)] for k, v in value.items()), key=lambda kv: _order(kv[0]))}
    return value


def _unplain(value: object) -> object:
    if isinstance(value, list):
        return [_unplain(item) for item in value]
    if isinstance(value, dict):
        ((tag, items),) = value.items()
        if tag == "dict":
            return {_unplain(k): _unplain(v) for k, v in items}
        return (frozenset if tag == "frozenset" else tuple)(_unplain(item) for item in items)
    return value


def _order(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class TranslateJob:
    """``diglot translate`` over one shard, in one of two shapes.

    With ``render`` None (``--jsonl``): each document ``{"id", SRC: [lines]}`` (or ``"text"``)
    comes out as ``{"id", SRC: [lines], TGT: [lines]}``, one translated line a source line, so
    that a translated archive can be aligned or checked next; each shard's lines are translated
    in one call, each line as its own document (its paragraphs never run into the next line's).

    With ``render`` ``"txt"``, ``"md"`` or ``"jsonl"`` (``FILE… --out-dir``): the shard is one
    text file, translated as one document and written in that ``--format``, byte for byte what
    ``-o`` writes for it; its glossary mentions and sentence counts go to the shard's marker
    (:class:`diglot.batch.JobOutput`), for ``--report`` and ``--strict`` over the whole run.

    The engine, the glossary and the translation memory are opened once per worker.
    """

    def __init__(
        self, to_lang: str, from_lang: str | None = None, glossary: Sequence[str] | None = None,
        no_glossary: bool = False, date: str | None = None, engine: str = "ctranslate2",
        beam_size: int = 4, threads: int = 0, batch_size: int = 32, compute_type: str = "int8", use_cache: bool = True,
        render: str | None = None,
    ):  # fmt: skip
        from diglot.cli.common import glossary_from_args
        from diglot.languages import other_language
        from diglot.translate import DocumentTranslator
        from diglot.translate.engines import EngineOptions

        self.src, self.tgt = from_lang or other_language(to_lang), to_lang
        self.render = render
        found = None if no_glossary else glossary_from_args(argparse.Namespace(glossary=list(glossary) if glossary else None, date=date))
        self.translator = DocumentTranslator(self.src, self.tgt, found, engine, EngineOptions(
            beam_size=beam_size, threads=threads, batch_size=batch_size, compute_type=compute_type
        ), use_cache=use_cache)
        made = self.translator.signature
        shape = {"format": "jsonl"} if render is None else {"format": render, "input": "text"}
        self.signature = Signature.make(
            glossary=made.glossary, model=made.model, task="translate", **shape, source=self.src, target=self.tgt,
            **dict(made.settings),
        )

    def __call__(self, text: str, name: str):  # type: ignore[no-untyped-def]
        if self.render is not None:
            return self._file(text, name)
        from diglot.align.batch import read_record, unique_ids

        documents, once = [], unique_ids(name)
        for number, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            record = read_record(line, name, number)
            lines = record.get(self.src) if isinstance(record, dict) else None
            if isinstance(record, dict) and lines is None and isinstance(record.get("text"), str):
                lines = record["text"].splitlines()
            if not isinstance(lines, list) or not all(isinstance(s, str) for s in lines):
                raise InputError(
                    _("{name}, line {line}: expected an object with a \"{lang}\" list of strings or a \"text\" string").format(
                        name=name, line=number, lang=self.src
                    )
                )
            doc_id = record.get("id", number - 1)
            if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
                raise InputError(_("{name}, line {line}: \"id\" must be a string or an integer").format(name=name, line=number))
            once(doc_id, number)
            documents.append((doc_id, lines))
        units = [(f"{name}:{i}:{k}", line) for i, (_id, lines) in enumerate(documents) for k, line in enumerate(lines)]
        done = iter(self.translator.translate(units).documents if units else [])
        out = []
        for doc_id, lines in documents:
            translated = [next(done).text().strip("\n") for _line in lines]
            out.append(json.dumps({"id": doc_id, self.src: lines, self.tgt: translated}, ensure_ascii=False) + "\n")
        return "".join(out)

    def _file(self, text: str, name: str):  # type: ignore[no-untyped-def]
        from diglot.batch import JobOutput
        from diglot.cli.translate import render

        run = self.translator.translate([(name, text)])
        (doc,) = run.documents
        details = {
            "mentions": [m.as_dict() for m in doc.mentions],  # the file they are in is named when they are read back
            "sentences": {"decoded": run.decoded, "cached": run.cached},
        }
        return JobOutput(render(doc, run, self.render), documents=1, details=details)

"""The batch input format: one document a line, ``{"id": ..., "ko": [lines], "en": [lines]}``.

Other keys (``gold`` in evaluation data) are ignored. Used by ``diglot align --jsonl`` and by
term mining and consistency reports over a corpus.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from diglot.errors import InputError
from diglot.i18n import _
from diglot.textio import read_text


@dataclass(frozen=True)
class BatchDocument:
    id: object  # as written in the file (string or number); the 0-based line number if absent
    ko: list[str]
    en: list[str]


def read_batch(path: str | os.PathLike[str]) -> list[BatchDocument]:
    """Every document of a JSON Lines file; a malformed line is an :class:`InputError` naming it."""
    documents = []
    for number, line in enumerate(read_text(path).split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(
                _("{name}, line {line}: not valid JSON ({reason})").format(name=path, line=number, reason=err.msg)
            ) from None
        if not isinstance(record, dict) or not all(_is_lines(record.get(key)) for key in ("ko", "en")):
            raise InputError(
                _("{name}, line {line}: expected an object with \"ko\" and \"en\" lists of strings").format(
                    name=path, line=number
                )
            )
        documents.append(BatchDocument(record.get("id", number - 1), record["ko"], record["en"]))
    return documents


def _is_lines(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)

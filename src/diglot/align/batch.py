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
    id: str | int  # as written in the file; the 0-based line number if absent
    ko: list[str]
    en: list[str]


def read_batch(path: str | os.PathLike[str]) -> list[BatchDocument]:
    """Every document of a JSON Lines file; a malformed line is an :class:`InputError` naming it.

    Only standard JSON is read (no ``NaN`` or ``Infinity``), and a line too deep or a number too
    long to read is refused like any other malformed line. An ``id`` is a string or an integer.
    """
    return parse_batch(read_text(path), path)


def parse_batch(text: str, path: str | os.PathLike[str]) -> list[BatchDocument]:
    """Every document of the JSON Lines ``text`` read from ``path`` (a shard of a sharded run), as :func:`read_batch`."""
    documents = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        record = read_record(line, path, number)
        if not isinstance(record, dict) or not all(_is_lines(record.get(key)) for key in ("ko", "en")):
            raise InputError(
                _("{name}, line {line}: expected an object with \"ko\" and \"en\" lists of strings").format(
                    name=path, line=number
                )
            )
        doc_id = record.get("id", number - 1)
        if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
            raise InputError(
                _("{name}, line {line}: \"id\" must be a string or an integer").format(name=path, line=number)
            )
        documents.append(BatchDocument(doc_id, record["ko"], record["en"]))
    return documents


def read_record(line: str, path: str | os.PathLike[str], number: int) -> object:
    """One line of a JSON Lines file read as standard JSON; an :class:`InputError` naming the file and line if it is not."""
    def refuse(reason: str) -> InputError:
        return InputError(
            _("{name}, line {line}: not valid JSON ({reason})").format(name=path, line=number, reason=reason)
        )

    try:
        return json.loads(line, parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        raise refuse(err.msg) from None
    except RecursionError:
        raise refuse(_("nested too deeply")) from None
    except _Constant as err:
        raise refuse(_("{name} is not a JSON number").format(name=err.args[0])) from None
    except ValueError:  # an integer longer than Python reads from text (4,300 digits)
        raise refuse(_("a number too long to read")) from None


class _Constant(Exception):
    """NaN, Infinity or -Infinity met in a line (Python's json accepts them; JSON does not)."""


def _no_constant(name: str) -> object:
    raise _Constant(name)


def _is_lines(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)

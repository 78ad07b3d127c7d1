"""The batch input format: one document a line, ``{"id": ..., "ko": [lines], "en": [lines]}``.

Other keys (``gold`` in evaluation data) are ignored. Used by ``diglot align --jsonl`` and by
term mining and consistency reports over a corpus.
"""

from __future__ import annotations

import json
import os
import re
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
    once = unique_ids(path)
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
        once(doc_id, number)
        documents.append(BatchDocument(doc_id, record["ko"], record["en"]))
    return documents


def unique_ids(path: str | os.PathLike[str]):  # type: ignore[no-untyped-def]
    """A check, called ``check(id, line)`` for each document of one file, that refuses an id met
    before: its outputs and reports are named by the id, so a second document of the same id
    would be merged with the first or overwrite it. ``3`` and ``"3"`` are one id (both name ``3``).
    ``scope`` keeps ids apart that may repeat (a Korean and an English article of one id)."""
    first_line: dict[tuple[str, str], int] = {}

    def check(doc_id: str | int, number: int, scope: str = "") -> None:
        first = first_line.setdefault((scope, str(doc_id)), number)
        if first != number:
            raise InputError(
                _("{name}, line {line}: the id {id} is already the id of line {first}; give each document its own id").format(
                    name=path, line=number, id=json.dumps(doc_id, ensure_ascii=False), first=first
                )
            )

    return check


def read_record(line: str, path: str | os.PathLike[str], number: int) -> object:
    """One line of a JSON Lines file read as standard JSON; an :class:`InputError` naming the file and line if it is not."""
    def refuse(reason: str) -> InputError:
        return InputError(
            _("{name}, line {line}: not valid JSON ({reason})").format(name=path, line=number, reason=reason)
        )

    try:
        record = json.loads(line, parse_constant=_no_constant, object_pairs_hook=_object)
    except json.JSONDecodeError as err:
        raise refuse(err.msg) from None
    except RecursionError:
        raise refuse(_("nested too deeply")) from None
    except _Constant as err:
        raise refuse(_("{name} is not a JSON number").format(name=err.args[0])) from None
    except _DuplicateKey as err:
        raise refuse(_("the key {key} appears twice in one object").format(key=json.dumps(err.args[0], ensure_ascii=False))) from None
    except ValueError:  # an integer longer than Python reads from text (4,300 digits)
        raise refuse(_("a number too long to read")) from None
    if _ODD_ESCAPE.search(line) and _has_odd_character(record):
        # JSON may escape what no text holds: a lone surrogate (\ud800) cannot be written as
        # UTF-8 at all, and a NUL is refused in any text file.
        raise refuse(_("a string holds a character no text has: a lone surrogate or a NUL"))
    return record


# The escapes of a lone surrogate or a NUL; a surrogate pair (an emoji) is legal, so a line
# that has one of these is looked at string by string.
_ODD_ESCAPE = re.compile(r"\\u(?:[dD][89a-fA-F]|0000)")
_ODD_CHARACTER = re.compile("[\ud800-\udfff\x00]")


def _has_odd_character(value: object) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _ODD_CHARACTER.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


class _DuplicateKey(Exception):
    """A key met twice in one object (Python's json keeps the last; which one the writer meant is unknown)."""


def _object(pairs: list[tuple[str, object]]) -> dict[str, object]:
    record = dict(pairs)
    if len(record) < len(pairs):
        seen: set[str] = set()
        raise _DuplicateKey(next(key for key, _value in pairs if key in seen or seen.add(key)))
    return record


class _Constant(Exception):
    """NaN, Infinity or -Infinity met in a line (Python's json accepts them; JSON does not)."""


def _no_constant(name: str) -> object:
    raise _Constant(name)


def _is_lines(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)

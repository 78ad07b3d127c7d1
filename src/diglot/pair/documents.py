"""The documents of an unpaired archive: one side's files in a folder, or JSON lines of both sides.

A JSON-lines document is ``{"id", "lang": "ko"|"en", "date"?: "YYYY-MM-DD", "text"|"lines"}``;
a folder's document is one UTF-8 file, its path as its id, with no date.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from diglot.align.batch import read_record, unique_ids
from diglot.errors import InputError
from diglot.i18n import _
from diglot.languages import language_name, script_of
from diglot.textio import read_text


@dataclass(frozen=True)
class Document:
    """One article of one language: its id (a path or a JSON id), its lines, and its date if known."""

    id: str
    lang: str
    lines: tuple[str, ...]
    date: datetime.date | None = None


def read_folder(folder: str | os.PathLike[str], lang: str) -> list[Document]:
    """Every file of ``folder`` (not in sub-folders; hidden files left out) as a ``lang`` document."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(_("{name} is not a folder").format(name=root))
    files = sorted(p for p in root.iterdir() if p.is_file() and not p.name.startswith("."))
    documents = [Document(str(p), lang, _lines(read_text(p))) for p in files]
    # Folders given the wrong way round pair nothing, silently: most files in the other language
    # are refused (a few may be: an English wire story kept in the Korean archive).
    wrong = sum(1 for d in documents if d.lines and script_of(" ".join(d.lines)) != lang)
    if wrong * 2 > len(documents):
        raise InputError(
            _("{name}: {wrong} of {count} files are not in {lang}; give the Korean folder first, then the English one").format(
                name=root, wrong=wrong, count=len(documents), lang=language_name(lang)
            )
        )
    return documents


def read_documents(path: str | os.PathLike[str]) -> list[Document]:
    """The documents of a JSON-lines file, both languages (see the module docs)."""
    return parse_documents(read_text(path), path)


def parse_documents(text: str, path: str | os.PathLike[str]) -> list[Document]:
    """The documents of the JSON-lines ``text`` read from ``path`` (a shard of a sharded run), as :func:`read_documents`."""
    documents = []
    once = unique_ids(path)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        record = read_record(line, path, number)

        def refuse(problem: str) -> InputError:
            return InputError(_("{name}, line {line}: {problem}").format(name=path, line=number, problem=problem))

        if not isinstance(record, dict):
            raise refuse(_("expected a JSON object"))
        if record.get("lang") not in ("ko", "en"):
            raise refuse(_('"lang" must be "ko" or "en"'))
        doc_id = record.get("id")
        if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
            raise refuse(_('"id" must be a string or an integer'))
        text, lines = record.get("text"), record.get("lines")
        if isinstance(text, str):
            lines = _lines(text)
        elif isinstance(lines, list) and all(isinstance(item, str) for item in lines):
            lines = tuple(item for item in lines if item.strip())
        else:
            raise refuse(_('expected "text" (a string) or "lines" (a list of strings)'))
        once(doc_id, number, record["lang"])  # a Korean and an English article may share an id
        documents.append(Document(str(doc_id), record["lang"], lines, _date(record.get("date"), refuse)))
    return documents


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line for line in text.split("\n") if line.strip())


def _date(value: object, refuse) -> datetime.date | None:  # type: ignore[no-untyped-def]
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise refuse(_('"date" must be YYYY-MM-DD, not {value}').format(value=value)) from None

"""CSV and TSV: the two-column glossaries DeepL and Google Cloud Translation accept.

Export writes one row per source form, ``source term, target term``, no header (DeepL and
Google's unidirectional glossaries read every row as an entry). An MT engine wants one target
per source, so each entry gives a row for its source preferred form, its plural, its short form
and each variant, all pointing at the target's preferred form (its plural for the plural);
forbidden forms and entries lacking either language are left out, and a source form already
written by an earlier entry is not written again (DeepL refuses duplicate sources).

Import reads that layout back, a header row of language codes if there is one (``ko,en``, or
Google's ``en,ko,pos,description``), DeepL's optional third and fourth columns
(``source_lang,target_lang``), or else tells the Korean column by its script. Rows that share a
source or a target form become one entry (the first row gives the preferred forms, the others
variants), so an exported file reads back into the entries it came from.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from diglot.errors import DiglotError, MalformedInput
from diglot.glossary.formats.base import EntryIds, GlossaryFormat, language_code, working_language
from diglot.glossary.model import Entry, Origin, Problem
from diglot.i18n import N_, _
from diglot.languages import script_of
from diglot.textio import read_text

# Header columns of Google's equivalent-term-set glossaries that are not languages.
DESCRIPTION_COLUMNS = ("description",)
IGNORED_COLUMNS = ("pos",)
# A header row that names the columns by role rather than by language.
ROLE_HEADERS = {"source", "target", "term", "translation", "source term", "target term", "source_term", "target_term"}


# A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _looks_escaped_or_formula(cell: str) -> bool:
    # Apostrophes already in front of a formula start are escaped once more, so that
    # ``'=Z`` (a form that really begins with an apostrophe) comes back as itself.
    return cell.lstrip("'").startswith(FORMULA_START)


def escape_formula(cell: str) -> str:
    """``'=SUM(A1)`` for ``=SUM(A1)``: a leading apostrophe makes a spreadsheet show the text."""
    return "'" + cell if _looks_escaped_or_formula(cell) else cell


def unescape_formula(cell: str) -> str:
    """The cell :func:`escape_formula` was given."""
    return cell[1:] if cell.startswith("'") and _looks_escaped_or_formula(cell) else cell


def _language(cell: str) -> str | None:
    code = language_code(cell)
    return working_language(code) if code else None


class _Rows:
    """Parsed rows with the line each starts on; ``csv.Error`` becomes a :class:`MalformedInput`."""

    def __init__(self, text: str, name: str, delimiter: str):
        quoting = csv.QUOTE_MINIMAL if delimiter == "," else csv.QUOTE_NONE
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quoting=quoting, strict=True)
        self.rows: list[tuple[int, list[str]]] = []
        line = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as err:
                raise MalformedInput(name, line, None, _("malformed CSV: {problem}").format(problem=err)) from None
            cells = [unescape_formula(cell.strip()) for cell in row]
            if any(cells):
                self.rows.append((line, cells))
            line = reader.line_num + 1


class _Importer:
    """Turns rows into entries, merging rows that share a source or a target form."""

    def __init__(self, name: str, problems: list[Problem]):
        self.name, self.problems = name, problems
        self.entries: list[dict[str, Any]] = []
        self.lines: list[int] = []
        self.by_form: dict[tuple[str, str], int] = {}  # (lang, form) → index in entries

    def add(self, line: int, forms: dict[str, str], note: str) -> None:
        """Add a row's forms (language → form, source first) to the entry sharing one, else a new one."""
        found = [self.by_form.get((lang, form)) for lang, form in forms.items()]
        index = found[0] if found[0] is not None else next((i for i in found if i is not None), None)
        if index is None:
            index = len(self.entries)
            self.entries.append({"type": "term", "source": Path(self.name).name})
            self.lines.append(line)
        raw = self.entries[index]
        for lang, form in forms.items():
            owner = self.by_form.setdefault((lang, form), index)  # a form stays with its first entry
            block = raw.setdefault(lang, {"preferred": form})
            if owner == index and form != block["preferred"] and form not in block.get("variants", []):
                block.setdefault("variants", []).append(form)
        if note and note not in raw.get("note", ""):
            raw["note"] = f"{raw['note']}\n{note}" if raw.get("note") else note

    def result(self) -> list[Entry]:
        ids = EntryIds()
        out = []
        for raw, line in zip(self.entries, self.lines):
            entry = ids.build(raw, None, Origin(self.name, line), self.problems)
            if entry is not None:
                out.append(entry)
        return out


class CsvFormat(GlossaryFormat):
    """Comma-separated, RFC 4180 quoting: DeepL's and Google's CSV glossaries."""

    name = "csv"
    suffixes = (".csv",)
    description = N_("two columns, comma-separated: DeepL's and Google's glossaries (forms only)")
    delimiter = ","

    def _columns(self, rows: list[tuple[int, list[str]]]) -> tuple[list[str | None], bool]:
        """The language of each column (None: not a language), and whether the first row is a header."""
        if rows:
            other = DESCRIPTION_COLUMNS + IGNORED_COLUMNS
            header = [_language(c) or (c.lower() if c.lower() in other else None) for c in rows[0][1]]
            if all(header) and sum(c not in other for c in header) >= 2:
                return header, True
            first = rows[0][1]
            if len(first) >= 2 and all(c.lower() in ROLE_HEADERS for c in first[:2]):
                return self._columns(rows[1:])[0], True
            if len(first) >= 4 and _language(first[2]) and _language(first[3]):  # DeepL: source,target,sl,tl
                return [_language(first[2]), _language(first[3])], False
        pair = [self.source_lang, self.target_lang]
        if "ko" in pair and rows:
            korean_first = sum(script_of(cells[0]) == "ko" for _line, cells in rows)
            korean_second = sum(len(cells) > 1 and script_of(cells[1]) == "ko" for _line, cells in rows)
            other = pair[1] if pair[0] == "ko" else pair[0]
            if korean_second > korean_first:
                return [other, "ko"], False
            if korean_first > korean_second:
                return ["ko", other], False
        return pair, False

    def read(self, path: Path, problems: list[Problem]) -> list[Entry]:
        name = str(path)
        rows = _Rows(read_text(path), name, self.delimiter).rows
        columns, has_header = self._columns(rows)
        languages = [(i, c) for i, c in enumerate(columns) if c and c not in DESCRIPTION_COLUMNS + IGNORED_COLUMNS]
        description = next((i for i, c in enumerate(columns) if c in DESCRIPTION_COLUMNS), None)
        importer = _Importer(name, problems)
        for line, cells in rows[1:] if has_header else rows:
            forms = {lang: cells[i] for i, lang in languages if i < len(cells) and cells[i]}
            if len(forms) < 2:
                message = _("expected a source term and a target term, separated by {sep}").format(
                    sep=_("a tab") if self.delimiter == "\t" else _("a comma")
                )
                problems.append(Problem("error", message, Origin(name, line)))
                continue
            note = cells[description] if description is not None and description < len(cells) else ""
            importer.add(line, forms, note)
        return importer.result()

    def rows(self, entries: list[Entry]) -> list[tuple[str, str]]:
        """``(source form, target form)`` rows for an MT engine: one target per source."""
        out: dict[str, str] = {}
        for entry in entries:
            source, target = entry.langs.get(self.source_lang), entry.langs.get(self.target_lang)
            if source is None or target is None:
                continue
            pairs = [(source.preferred, target.preferred)]
            if source.plural:
                pairs.append((source.plural, target.plural or target.preferred))
            pairs += [(form, target.preferred) for form in ([source.short] if source.short else []) + source.variants]
            for form, rendering in pairs:
                out.setdefault(form, rendering)
        return list(out.items())

    def dumps(self, entries: list[Entry]) -> str:
        buffer = io.StringIO()
        if self.delimiter == ",":
            writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        else:  # TSV has no quoting: a quote mark is an ordinary character
            writer = csv.writer(buffer, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n")
        for source, target in self.rows(entries):
            if self.delimiter == "\t" and any(c in form for form in (source, target) for c in "\t\n"):
                raise DiglotError(
                    _("the form {form!r} holds a tab or line break, which TSV cannot carry").format(form=f"{source} → {target}")
                )
            writer.writerow([escape_formula(source), escape_formula(target)])
        return buffer.getvalue()


class TsvFormat(CsvFormat):
    """Tab-separated, no quoting: DeepL's and Google's TSV glossaries."""

    name = "tsv"
    suffixes = (".tsv",)
    description = N_("two columns, tab-separated, no quoting: DeepL's and Google's glossaries (forms only)")
    delimiter = "\t"

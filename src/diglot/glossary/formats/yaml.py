"""diglot's own glossary format: YAML, schema in ``glossaries/README.md``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from diglot.errors import MalformedInput
from diglot.glossary.formats.base import GlossaryFormat
from diglot.glossary.model import Entry, Origin, Problem, entry_from_dict
from diglot.i18n import _
from diglot.textio import read_text


# libyaml's parser where PyYAML was built with it (the wheels are): ten times faster.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """A safe loader that remembers where each mapping starts (``__line__``, ``__column__``)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        mapping["__column__"] = node.start_mark.column + 1
        return mapping


def _strip_marks(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_marks(v) for k, v in value.items() if k not in ("__line__", "__column__")}
    if isinstance(value, list):
        return [_strip_marks(v) for v in value]
    return value


def parse_yaml(text: str, name: str) -> Any:
    """Parse YAML text; a syntax error becomes a :class:`MalformedInput` naming file, line and column."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = _("malformed YAML: {problem}").format(problem=err.problem or err)
        raise MalformedInput(name, mark.line + 1 if mark else None, mark.column + 1 if mark else None, problem) from None
    except yaml.YAMLError as err:
        raise MalformedInput(name, None, None, _("malformed YAML: {problem}").format(problem=err)) from None


def entries_with_lines(text: str, name: str, problems: list[Problem]) -> list[tuple[Entry, int, int]]:
    """Parse a glossary file: each entry with the 1-based line and column where it starts."""
    data = parse_yaml(text, name)
    if data is None or (isinstance(data, dict) and "entries" in data and data["entries"] is None):
        return []  # an empty file, or `entries:` with nothing under it yet
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        problems.append(Problem("error", _("a glossary file must have a top-level list `entries:`"), Origin(name, 1)))
        return []
    for key in data:
        if key not in ("entries", "__line__", "__column__"):
            problems.append(Problem("error", _("unknown top-level field {field}").format(field=key), Origin(name, 1)))
    out = []
    for raw in data["entries"]:
        line = raw.get("__line__", 1) if isinstance(raw, dict) else 1
        column = raw.get("__column__", 1) if isinstance(raw, dict) else 1
        entry = entry_from_dict(_strip_marks(raw), Origin(name, line), problems)
        if entry is not None:
            out.append((entry, line, column))
    return out


def dump_entries(entries: list[Entry], indent: int = 2) -> str:
    """YAML text of a list of entries, each list item indented by ``indent`` spaces."""
    text = yaml.safe_dump(
        [e.as_dict() for e in entries], allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))


class YamlFormat(GlossaryFormat):
    name = "yaml"
    suffixes = (".yaml", ".yml")

    def read(self, path: Path, problems: list[Problem]) -> list[Entry]:
        return [entry for entry, _line, _col in entries_with_lines(read_text(path), str(path), problems)]

    def dumps(self, entries: list[Entry]) -> str:
        return "entries:\n" + dump_entries(entries)

"""diglot's own glossary format: YAML, schema in ``glossaries/README.md``.

This is diglot's one reader of YAML, and a strict one: a glossary is data, so

* aliases (``*name``) are refused: they are never needed in a glossary, and expanding them
  nested is exponential (a file of 500 bytes could hold gigabytes);
* nesting deeper than :data:`MAX_DEPTH` is refused;
* dates stay the text they are (``valid_from: 2013-02-30`` is reported as a bad date, not a
  crash), and so does every scalar a tag makes impossible (``!!int x``);
* a key written twice in one mapping is an error naming both places (YAML would keep the last
  silently);
* every problem names its file, line and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from diglot.errors import MalformedInput
from diglot.glossary.formats.base import GlossaryFormat
from diglot.glossary.model import Entry, Origin, Positions, Problem, entry_from_dict
from diglot.i18n import N_, _
from diglot.textio import read_text

MAX_DEPTH = 32  # an entry needs 4 levels (entries, entry, language, list); evidence a few more

# libyaml's parser where PyYAML was built with it (the wheels are): ten times faster.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MARKS = "__marks__"  # key → (line, column) of each key of a mapping, while reading


class _StrictLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """A safe loader that keeps dates as text and remembers where each key was written."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
        for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[_MARKS] = {
            self.construct_object(key, deep=True): (key.start_mark.line + 1, key.start_mark.column + 1)
            for key, _value in node.value
        }
        return mapping

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError, IndexError, KeyError, AttributeError) as err:  # !!int x, !!int "", …
            raise yaml.constructor.ConstructorError(None, None, str(err), node.start_mark) from None


_StrictLoader.add_constructor(_TIMESTAMP, _StrictLoader.construct_yaml_str)  # an explicit !!timestamp too


def _check_nodes(root: yaml.Node, name: str, problems: list[Problem] | None) -> None:
    """Refuse aliases and deep nesting; report keys written twice. Walks without recursion."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        mark = node.start_mark
        if id(node) in seen:
            raise MalformedInput(name, mark.line + 1, mark.column + 1, _("YAML aliases (*name) are not allowed in a glossary"))
        seen.add(id(node))
        if depth > MAX_DEPTH:
            message = _("nested more than {depth} levels deep").format(depth=MAX_DEPTH)
            raise MalformedInput(name, mark.line + 1, mark.column + 1, message)
        if isinstance(node, yaml.MappingNode):
            first: dict[Any, yaml.Node] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value in first and problems is not None:
                    earlier = first[key.value].start_mark
                    problems.append(
                        Problem(
                            "error",
                            _("the key {key} is written twice (first at line {line}); YAML keeps only the last").format(
                                key=key.value, line=earlier.line + 1
                            ),
                            Origin(name, key.start_mark.line + 1, key.start_mark.column + 1),
                        )
                    )
                elif isinstance(key, yaml.ScalarNode):
                    first[key.value] = key
                stack.extend([(key, depth + 1), (value, depth + 1)])
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


def parse_yaml(text: str, name: str, problems: list[Problem] | None = None) -> Any:
    """Parse YAML text strictly (see the module's docs).

    A syntax error, an alias or too deep a nesting raises :class:`MalformedInput` naming file,
    line and column; a key written twice is appended to ``problems``. Mappings carry the
    positions of their keys under ``"__marks__"`` (see :func:`without_marks`).
    """
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_nodes(node, name, problems)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = _("malformed YAML: {problem}").format(problem=err.problem or err)
        raise MalformedInput(name, mark.line + 1 if mark else None, mark.column + 1 if mark else None, problem) from None
    except yaml.YAMLError as err:
        raise MalformedInput(name, None, None, _("malformed YAML: {problem}").format(problem=err)) from None
    finally:
        loader.dispose()


def without_marks(value: Any, positions: Positions | None = None, path: tuple[Any, ...] = ()) -> Any:
    """``value`` without the positions :func:`parse_yaml` records, which go to ``positions``
    (field path → (line, column)). The depth is bounded by :data:`MAX_DEPTH`."""
    if isinstance(value, dict):
        marks = value.get(_MARKS, {})
        if positions is not None:
            positions.update({(*path, key): mark for key, mark in marks.items()})
        return {k: without_marks(v, positions, (*path, k)) for k, v in value.items() if k != _MARKS}
    if isinstance(value, list):
        return [without_marks(v, positions, path) for v in value]
    return value


def entries_with_lines(text: str, name: str, problems: list[Problem]) -> list[tuple[Entry, int, int]]:
    """Parse a glossary file: each entry with the 1-based line and column where it starts."""
    data = parse_yaml(text, name, problems)
    top = without_marks(data) if isinstance(data, dict) else data
    if data is None or (isinstance(top, dict) and "entries" in top and top["entries"] is None):
        return []  # an empty file, or `entries:` with nothing under it yet
    if not isinstance(top, dict) or not isinstance(top.get("entries"), list):
        problems.append(Problem("error", _("a glossary file must have a top-level list `entries:`"), Origin(name, 1)))
        return []
    for key in top:
        if key != "entries":
            line, column = data[_MARKS][key]
            problems.append(Problem("error", _("unknown top-level field {field}").format(field=key), Origin(name, line, column)))
    out = []
    for raw in data["entries"]:
        positions: Positions = {}
        line, column = _start(raw, data[_MARKS]["entries"])
        entry = entry_from_dict(without_marks(raw, positions), Origin(name, line, column), problems, positions)
        if entry is not None:
            out.append((entry, line, column))
    return out


def _start(raw: Any, fallback: tuple[int, int]) -> tuple[int, int]:
    """Where an entry starts: its first key (the ``id:`` of ``- id: …``)."""
    marks = raw.get(_MARKS) if isinstance(raw, dict) else None
    return min(marks.values()) if marks else fallback


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
    description = N_("diglot's own glossary files, every field, comments kept by edits")

    def read(self, path: Path, problems: list[Problem]) -> list[Entry]:
        return [entry for entry, _line, _col in entries_with_lines(read_text(path), str(path), problems)]

    def dumps(self, entries: list[Entry]) -> str:
        return "entries:\n" + dump_entries(entries)

"""The translate package's modules import each other in one direction only (function-level
imports included): the store at the bottom, engines on it, the installer and pipeline on top."""

from __future__ import annotations

import ast
from pathlib import Path

import diglot.translate

PACKAGE = Path(diglot.translate.__file__).parent


def _imports() -> dict[str, set[str]]:
    """module → the modules of diglot.translate it imports anywhere in its code."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("diglot.translate"):
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("diglot.translate"))
        graph[name] = found - {name}
    return graph


def test_no_import_cycle_inside_translate():
    graph = _imports()
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        assert module not in trail, " -> ".join(trail + [module])
        if module in done:
            return
        for imported in graph.get(module, ()):
            visit(imported, trail + [module])
        done.add(module)

    for module in graph:
        visit(module, [])


def test_engines_and_store_import_nothing_above_them():
    graph = _imports()
    assert graph["diglot.translate.store"] == set()
    for module in ("diglot.translate.engines.base", "diglot.translate.engines.ctranslate2", "diglot.translate.engines.argos"):
        assert graph[module] <= {"diglot.translate.store", "diglot.translate.engines.base"}, module
    assert not any("diglot.translate" == m for imported in graph.values() for m in imported)  # never the package face

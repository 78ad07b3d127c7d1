"""The package's layers: modules import only downwards, and nothing imports in a circle.

Every ``import`` in ``src/diglot`` counts, those inside functions too (a lazy import is still a
dependency). Layers, from the bottom:

0. errors, textio, i18n, paths, registry, languages, hangul, korean, numbers, doc, provenance
1. glossary, segment
2. align, check (side by side: neither imports the other)
3. translate
4. edition, mine, batch (sharded runs of any job)
5. server
6. cli (``diglot serve`` starts the server; the server never imports the CLI)
7. ``__main__``

A module imports anything below its layer, and within the bottom layer its peers (without a
circle); a package's own modules import each other directly, never through its ``__init__``.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SOURCES = Path(__file__).resolve().parents[1] / "src" / "diglot"

LAYERS = {
    **dict.fromkeys(
        ["__init__", "errors", "textio", "i18n", "paths", "registry", "languages", "hangul", "korean",
         "numbers", "doc", "provenance"], 0),  # fmt: skip
    **dict.fromkeys(["glossary", "segment"], 1),
    **dict.fromkeys(["align", "check"], 2),
    "translate": 3,
    **dict.fromkeys(["edition", "mine", "batch", "pair"], 4),
    "server": 5,
    "cli": 6,
    "__main__": 7,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCES.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The diglot modules ``path`` imports, anywhere in it (``from a import b`` counts ``a.b`` if it is a module, else ``a``)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m == "diglot" or m.startswith("diglot.")}


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in SOURCES.rglob("*.py")}
    return {name: {m for m in imports_of(path, set(modules)) if m in modules and m != name} for name, path in modules.items()}


def top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_top_level_module_has_a_layer():
    missing = sorted({top(m) for m in graph()} - set(LAYERS))
    assert not missing, f"give these a layer in tests/test_layers.py: {missing}"


def test_no_import_goes_up_a_layer_or_across_align_and_check():
    upward = []
    for module, imported in sorted(graph().items()):
        for other in sorted(imported):
            a, b = top(module), top(other)
            if a == b or a not in LAYERS or b not in LAYERS:
                continue
            if LAYERS[b] > LAYERS[a] or (LAYERS[a] == LAYERS[b] and LAYERS[a] > 0):
                upward.append(f"{module} -> {other}")
    assert not upward, "imports that go up (or sideways) a layer:\n" + "\n".join(upward)


def test_a_package_does_not_import_itself_through_its_face():
    loops = [
        f"{module} -> {other}"
        for module, imported in sorted(graph().items())
        for other in sorted(imported)
        if other != "diglot" and module.startswith(other + ".") and module.count(".") > 1
    ]
    assert not loops, "modules that import their own package's __init__:\n" + "\n".join(loops)


def find_cycles(edges: dict[str, set[str]]) -> list[str]:
    """Each import circle found by a depth-first walk, as ``a -> b -> a``."""
    cycles, state = [], defaultdict(int)  # 0 unseen, 1 on the path, 2 done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for other in sorted(edges.get(module, ())):
            if state[other] == 1:
                cycles.append(" -> ".join(path[path.index(other) :] + [other]))
            elif state[other] == 0:
                visit(other)
        path.pop()
        state[module] = 2

    for module in sorted(edges):
        if state[module] == 0:
            visit(module)
    return cycles


def test_the_cycle_finder_finds_circles():
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a -> b -> c -> a"]
    assert find_cycles({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_no_import_cycle():
    cycles = find_cycles(graph())
    assert not cycles, "import cycles:\n" + "\n".join(cycles)

"""The registry of a family: members found from their classes, modules imported only when needed."""

import importlib
import sys

import pytest

from diglot.errors import DiglotError
from diglot.registry import Member, Registry

MODULES = {
    "base": "from diglot.registry import Member\nclass Shape(Member):\n    pass\n",
    "circle": (
        "from fam.base import Shape\n"
        "class Circle(Shape):\n    name = 'circle'\n    suffixes = ('.circ',)\n    description = 'round'\n"
    ),
    "polygons": (
        "from fam.base import Shape\n"
        "class Square(Shape):\n    name = 'square'\n    suffixes = ('.sq', '.square')\n    description = 'four sides'\n"
        "class Triangle(Shape):\n    name = 'triangle'\n    suffixes = ('.tri',)\n    description = 'three sides'\n"
        "class _Helper(Shape):\n    pass\n"
    ),
    "_private": "raise RuntimeError('never imported')\n",
}


@pytest.fixture
def family(tmp_path, monkeypatch):
    package = tmp_path / "fam"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name, text in MODULES.items():
        (package / f"{name}.py").write_text(text)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield Registry("fam", __import__("fam.base").base.Shape, "shape")
    for name in [m for m in sys.modules if m == "fam" or m.startswith("fam.")]:
        del sys.modules[name]


def test_get_imports_only_the_module_named_like_the_member(family):
    assert family.get("circle").description == "round"
    assert "fam.circle" in sys.modules and "fam.polygons" not in sys.modules


def test_members_come_from_every_module_sorted_several_to_a_module(family):
    assert family.names() == ("circle", "square", "triangle")
    assert family.get("triangle").__name__ == "Triangle"
    assert family.help() == "  circle    round\n  square    four sides\n  triangle  three sides"


def test_names_and_help_read_the_source_and_import_no_member(family):
    assert family.names() == ("circle", "square", "triangle")
    assert family.help().startswith("  circle    round\n")
    assert not [m for m in sys.modules if m.startswith("fam.") and m != "fam.base"]


def test_for_path_imports_only_the_module_that_declares_the_suffix(family):
    assert family.for_path("x.tri").__name__ == "Triangle"
    assert "fam.polygons" in sys.modules and "fam.circle" not in sys.modules


def test_a_declaration_that_is_not_a_literal_is_read_by_importing_its_module(family, tmp_path):
    (tmp_path / "fam" / "star.py").write_text(
        "from fam.base import Shape\nclass Star(Shape):\n    name = 'st' + 'ar'\n    description = 'points'\n"
    )
    assert family.names() == ("circle", "square", "star", "triangle")
    assert "fam.star" in sys.modules and "fam.circle" not in sys.modules


def test_the_base_class_may_be_named_and_is_imported_when_a_member_is(family):
    named = Registry("fam", "Shape", "shape")
    assert named.names() == family.names() and "fam.circle" not in sys.modules
    assert named.get("circle").__name__ == "Circle" and named.base is __import__("fam.base").base.Shape


@pytest.mark.parametrize(
    "package, attribute",
    [("diglot.edition.writers", "WRITERS"), ("diglot.glossary.formats", "FORMATS"), ("diglot.translate.engines", "ENGINES")],
)
def test_what_the_source_declares_is_what_the_classes_hold(package, attribute):
    registry = getattr(importlib.import_module(package), attribute)
    declared = {name: (d.suffixes, d.description) for name, d in registry.declarations().items()}
    assert declared == {name: (m.suffixes, m.description) for name, m in registry.members().items()}


def test_for_path_reads_the_suffixes_of_the_classes(family):
    assert family.for_path("a/b.SQUARE").name == "square"
    assert family.for_path("x.tri").name == "triangle"


def test_unknown_names_and_suffixes_name_the_choices(family):
    with pytest.raises(DiglotError, match=r"^unknown shape hexagon \(one of circle, square, triangle\)$"):
        family.get("hexagon")
    with pytest.raises(DiglotError, match=r"cannot tell the shape from the suffix of x\.hex: use --format \(circle, square, triangle\)"):
        family.for_path("x.hex")


def test_member_declares_nothing_by_default():
    assert (Member.name, Member.suffixes, Member.description) == ("", (), "")


def test_suffixes_default_to_the_name():
    class Tsv(Member):
        name = "tsv"

    class Markdown(Member):
        name = "md"
        suffixes = (".md", ".markdown")

    assert Tsv.suffixes == (".tsv",) and Markdown.suffixes == (".md", ".markdown")

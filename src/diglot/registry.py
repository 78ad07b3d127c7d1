"""Families of interchangeable parts (edition writers, glossary formats, engines), looked up by name.

A family is a package with one small base class and one module per member. Each member class
declares what the registry needs to know about it, and nothing else holds that knowledge::

    class TmxWriter(EditionWriter):
        name = "tmx"                     # what users type: --format tmx
        suffixes = (".tmx",)             # the file suffixes that mean it, lower case (this is the default)
        description = N_("TMX 1.4b translation memory: one tu per translated bead")

The package makes its registry once, from its own name and its base class::

    WRITERS = Registry("diglot.edition.writers", EditionWriter, N_("edition format"))
    WRITERS.get("tmx")                   # the class TmxWriter
    WRITERS.for_path("out.xlf")          # the class XliffWriter, chosen by suffix
    WRITERS.names()                      # ('html', 'jsonl', 'md', ...)
    WRITERS.help()                       # "  html   the bilingual edition..." one line a member

Members are found by listing the package's modules (every module but ``base`` and those whose
name starts with ``_``) and taking the subclasses of the base class defined in each, so adding a
member is adding a module. Modules are imported only when needed. :meth:`Registry.names`,
:meth:`Registry.help` and the suffix lookup of :meth:`Registry.for_path` read the declarations
from the modules' source, without running it, so that a command's ``--help`` imports no member;
:meth:`Registry.get` imports the one module that declares the member; :meth:`Registry.members`
imports them all. A declaration read from the source must therefore be a literal (a string, a
tuple of strings, ``N_("…")``); a module whose source cannot be read that way is imported
instead. Member modules should keep heavy imports (lxml, numpy, an engine's runtime) inside the
methods that use them. The base class may be given by its name in the family's ``base`` module,
so that making the registry imports nothing either.

Unknown names and suffixes raise :class:`~diglot.errors.DiglotError` naming the choices.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
from pathlib import Path
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from diglot.errors import DiglotError
from diglot.i18n import _

if TYPE_CHECKING:
    import ast


class Member:
    """What every member of a family declares: its name, its file suffixes and one line of help.

    ``suffixes`` default to the name's (``name = "tmx"``: ``(".tmx",)``); ``description`` is marked
    with :func:`diglot.i18n.N_` where it is defined and translated when shown.
    """

    name: str = ""
    suffixes: tuple[str, ...] = ()
    description: str = ""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.name and "suffixes" not in vars(cls):
            cls.suffixes = (f".{cls.name}",)


M = TypeVar("M", bound=Member)


class Declaration(NamedTuple):
    """What a member declares, and the module (of the family's package) that declares it."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    module: str


class Registry(Generic[M]):
    """The members of the family whose modules are in ``package`` and whose base class is ``base``
    (the class, or its name in the module ``base`` of ``package``, imported when first needed).

    ``family`` names the family in messages ("edition format"), marked with ``N_``.
    """

    def __init__(self, package: str, base: type[M] | str, family: str):
        self.package, self.family = package, family
        self._base = base
        self._members: dict[str, type[M]] | None = None
        self._declarations: dict[str, Declaration] | None = None

    @property
    def base(self) -> type[M]:
        """The family's base class."""
        if isinstance(self._base, str):
            self._base = getattr(importlib.import_module(f"{self.package}.base"), self._base)
        return self._base

    def get(self, name: str) -> type[M]:
        """The member class called ``name`` (importing the module that declares it)."""
        declaration = self.declarations().get(name)
        if self._members is None and declaration is not None:
            member = self._members_of(declaration.module).get(name)
            if member is not None:
                return member
        members = self.members()
        if name not in members:
            raise DiglotError(
                _("unknown {family} {name} (one of {choices})").format(
                    family=_(self.family), name=name, choices=", ".join(members)
                )
            )
        return members[name]

    def for_path(self, path: str | os.PathLike[str]) -> type[M]:
        """The member whose :attr:`~Member.suffixes` include the suffix of ``path`` (case ignored)."""
        suffix = Path(path).suffix.lower()
        for declaration in self.declarations().values():
            if suffix in declaration.suffixes:
                return self.get(declaration.name)
        raise DiglotError(
            _("cannot tell the {family} from the suffix of {name}: use --format ({choices})").format(
                family=_(self.family), name=path, choices=", ".join(self.names())
            )
        )

    def names(self) -> tuple[str, ...]:
        """Every member's name, sorted."""
        return tuple(self.declarations())

    def members(self) -> dict[str, type[M]]:
        """name → member class, sorted by name (imports every member module, once)."""
        if self._members is None:
            found: dict[str, type[M]] = {}
            for module in self._module_names():
                found.update(self._members_of(module))
            self._members = dict(sorted(found.items()))
        return self._members

    def declarations(self) -> dict[str, Declaration]:
        """name → what the member declares, sorted by name, read from the source of its module
        (a module whose declarations are not all literals is imported)."""
        if self._declarations is None:
            found: dict[str, Declaration] = {}
            for module in self._module_names():
                declared = _read_declarations(f"{self.package}.{module}")
                if declared is None:
                    declared = [
                        Declaration(m.name, m.suffixes, m.description, module) for m in self._members_of(module).values()
                    ]
                found.update((d.name, d) for d in declared)
            self._declarations = dict(sorted(found.items()))
        return self._declarations

    def help(self) -> str:
        """One line a member, ``  name   description``, for a command's ``--help``."""
        width = max(map(len, self.names()), default=0)
        return "\n".join(f"  {name:<{width}}  {_(d.description)}" for name, d in self.declarations().items())

    def _module_names(self) -> list[str]:
        path = importlib.import_module(self.package).__path__
        return [m.name for m in pkgutil.iter_modules(path) if m.name != "base" and not m.name.startswith("_")]

    def _members_of(self, module_name: str) -> dict[str, type[M]]:
        module = importlib.import_module(f"{self.package}.{module_name}")
        return {
            value.name: value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, self.base)
            and value.__module__ == module.__name__
            and value.name
        }


_ATTRIBUTES = ("name", "suffixes", "description")


def _read_declarations(module: str) -> list[Declaration] | None:
    """The members that the top-level classes of ``module`` declare (a class with a base class
    that assigns a ``name`` is a member), read from its source without running it; ``None`` where the source cannot be
    read or a declaration is not a literal."""
    import ast

    spec = importlib.util.find_spec(module)
    origin = spec.origin if spec is not None else None
    if not origin or not origin.endswith(".py"):
        return None
    try:
        tree = ast.parse(Path(origin).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None
    out = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or not node.bases:
            continue
        values: dict[str, object] = {}
        for statement in node.body:  # plain assignments: an annotated one is a field of a data class
            target = statement.targets[0] if isinstance(statement, ast.Assign) and len(statement.targets) == 1 else None
            if isinstance(target, ast.Name) and target.id in _ATTRIBUTES:
                value = _literal(statement.value)
                if value is None:
                    return None
                values[target.id] = value
        if not values.get("name"):
            continue
        name = str(values["name"])
        suffixes = values.get("suffixes", (f".{name}",))
        description = values.get("description", "")
        if not isinstance(suffixes, tuple) or not isinstance(description, str):
            return None
        out.append(Declaration(name, suffixes, description, module.rpartition(".")[2]))
    return out


def _literal(node: ast.expr | None) -> object:
    """The value of a string, a tuple of strings or ``N_("…")``; ``None`` for anything else."""
    import ast
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "N_" and len(node.args) == 1:
        node = node.args[0]
    try:
        value = ast.literal_eval(node) if node is not None else None
    except (ValueError, TypeError, SyntaxError):
        return None
    if isinstance(value, str) or (isinstance(value, tuple) and all(isinstance(v, str) for v in value)):
        return value
    return None

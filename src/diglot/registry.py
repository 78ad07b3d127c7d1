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
member is adding a module. Modules are imported only when needed: :meth:`Registry.get` first
tries the module called like the member, so looking up ``tmx`` imports ``tmx.py`` alone; the
other methods import every member module once. Member modules should therefore keep heavy
imports (lxml, numpy, an engine's runtime) inside the methods that use them.

Unknown names and suffixes raise :class:`~diglot.errors.DiglotError` naming the choices.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from pathlib import Path
from typing import Generic, TypeVar

from diglot.errors import DiglotError
from diglot.i18n import _


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


class Registry(Generic[M]):
    """The members of the family whose modules are in ``package`` and whose base class is ``base``.

    ``family`` names the family in messages ("edition format"), marked with ``N_``.
    """

    def __init__(self, package: str, base: type[M], family: str):
        self.package, self.base, self.family = package, base, family
        self._members: dict[str, type[M]] | None = None

    def get(self, name: str) -> type[M]:
        """The member class called ``name``."""
        if self._members is None and name in self._module_names():
            member = self._members_of(name).get(name)
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
        for member in self.members().values():
            if suffix in member.suffixes:
                return member
        raise DiglotError(
            _("cannot tell the {family} from the suffix of {name}: use --format ({choices})").format(
                family=_(self.family), name=path, choices=", ".join(self.names())
            )
        )

    def names(self) -> tuple[str, ...]:
        """Every member's name, sorted."""
        return tuple(self.members())

    def members(self) -> dict[str, type[M]]:
        """name → member class, sorted by name (imports every member module, once)."""
        if self._members is None:
            found: dict[str, type[M]] = {}
            for module in self._module_names():
                found.update(self._members_of(module))
            self._members = dict(sorted(found.items()))
        return self._members

    def help(self) -> str:
        """One line a member, ``  name   description``, for a command's ``--help``."""
        width = max(map(len, self.names()), default=0)
        return "\n".join(f"  {name:<{width}}  {_(m.description)}" for name, m in self.members().items())

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

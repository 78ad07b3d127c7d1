"""Message catalogues: the CLI speaks English and Korean.

Every user-facing message is written as ``_("English text {name}").format(name=...)``, and a
message that counts something as ``ngettext("{n} finding", "{n} findings", n).format(n=n)``.
The English text is the msgid; Korean lives in ``locales/ko/LC_MESSAGES/diglot.po``, read with
polib (no compiled ``.mo`` needed). ``scripts/update_locales.py`` extracts new messages into
``locales/diglot.pot`` and merges them into the Korean catalogue.

The language is chosen by :func:`set_language` (the CLI's ``--lang``), else by the
environment (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English. A server
speaking to several readers at once sets it per request with :func:`using_language`.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from diglot.paths import data_dir

if TYPE_CHECKING:
    import polib

DOMAIN = "diglot"
SUPPORTED = ("en", "ko")

_language: str | None = None
# The language of the request being served (a context variable: each request, thread or task its own).
_context_language: ContextVar[str | None] = ContextVar("diglot_language", default=None)


def locales_dir() -> Path:
    """Where the catalogues are: inside an installed wheel, else at the top of the repo."""
    return data_dir("locales")


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            # LANGUAGE may list several ("ko:en"); the first one decides.
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            return code if code in SUPPORTED else "en"
    return "en"


def set_language(code: str | None) -> None:
    """Choose the language of messages; ``None`` goes back to the environment's choice."""
    global _language
    if code is not None and code not in SUPPORTED:
        raise ValueError(code)
    _language = code


def current_language() -> str:
    return _context_language.get() or _language or language_from_environment()


@contextmanager
def using_language(code: str) -> Iterator[None]:
    """Speak ``code`` inside the ``with`` block only, in this context (one web request, say)."""
    if code not in SUPPORTED:
        raise ValueError(code)
    token = _context_language.set(code)
    try:
        yield
    finally:
        _context_language.reset(token)


@lru_cache(maxsize=None)
def _pofile(code: str) -> polib.POFile | None:
    if code == "en":
        return None  # English is the msgids themselves: no catalogue to read, nor polib to import
    import polib

    path = locales_dir() / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    return polib.pofile(str(path)) if path.is_file() else None


@lru_cache(maxsize=None)
def catalogue(code: str) -> dict[str, str]:
    """msgid → msgstr of the singular messages of one language (English needs none)."""
    po = _pofile(code)
    if po is None:
        return {}
    return {e.msgid: e.msgstr for e in po if e.msgstr and not e.msgid_plural and not e.obsolete}


@lru_cache(maxsize=None)
def plural_catalogue(code: str) -> tuple[dict[str, list[str]], Callable[[int], int]]:
    """msgid → the translated plural forms, and the rule that picks a form for a count.

    The rule is the catalogue's ``Plural-Forms`` header (Korean: ``nplurals=1; plural=0;``,
    one form for every count), else English's (``n != 1``).
    """
    from gettext import c2py  # reads the C expression of a Plural-Forms header

    po = _pofile(code)
    header = (po.metadata.get("Plural-Forms", "") if po is not None else "") or "nplurals=2; plural=(n != 1);"
    rule = c2py(header.split("plural=", 1)[1].rstrip("; "))
    forms: dict[str, list[str]] = {}
    for entry in po or ():
        translated = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)] if entry.msgid_plural else []
        if translated and all(translated) and not entry.obsolete:
            forms[entry.msgid] = translated
    return forms, rule


def gettext(message: str) -> str:
    """Translate ``message`` into the current language; untranslated text stays English."""
    return catalogue(current_language()).get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message that counts ``n`` things, in the current language.

    >>> ngettext("{n} finding", "{n} findings", 1).format(n=1)
    '1 finding'

    English has two forms (1, other); Korean has one (``{n}건``). An untranslated message
    follows English's rule.
    """
    forms, rule = plural_catalogue(current_language())
    if singular in forms:
        return forms[singular][min(rule(n), len(forms[singular]) - 1)]
    return singular if n == 1 else plural


_ = gettext


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a message for extraction without translating it here."""
    return message


# argparse's own words (usage, errors, section titles), so --help and usage errors speak Korean too.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("expected one argument"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"),
)


def install_for_argparse() -> None:
    """Let argparse translate its own messages through diglot's catalogue."""
    import argparse

    argparse._ = gettext  # type: ignore[attr-defined]  # argparse looks `_` up at call time

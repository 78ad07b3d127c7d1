"""Message catalogues: the CLI speaks English and Korean.

Every user-facing message is written as ``_("English text {name}").format(name=...)``.
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
from typing import Iterator

import polib

DOMAIN = "diglot"
SUPPORTED = ("en", "ko")

_language: str | None = None
# The language of the request being served (a context variable: each request, thread or task its own).
_context_language: ContextVar[str | None] = ContextVar("diglot_language", default=None)


def locales_dir() -> Path:
    """Where the catalogues are: inside an installed wheel, else at the top of the repo."""
    packaged = Path(__file__).parent / "_data" / "locales"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "locales"


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
def catalogue(code: str) -> dict[str, str]:
    """msgid → msgstr for one language (English needs none)."""
    if code == "en":
        return {}
    path = locales_dir() / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return {}
    return {e.msgid: e.msgstr for e in polib.pofile(str(path)) if e.msgstr and not e.obsolete}


def gettext(message: str) -> str:
    """Translate ``message`` into the current language; untranslated text stays English."""
    return catalogue(current_language()).get(message, message)


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

"""Where diglot's files are: its own data (the message catalogues and the curated glossaries),
the user's data folder (installed models, the server's state) and the cache.

A wheel carries diglot's own data inside the package (``diglot/_data/locales``, ``diglot/_data/glossaries``,
see ``pyproject.toml``); an editable install or a source checkout finds them at the top of the
repository, beside ``src/``.
"""

from __future__ import annotations

from pathlib import Path


def data_dir(name: str) -> Path:
    """The folder of diglot's data called ``name`` (``"locales"``, ``"glossaries"``)."""
    from importlib.resources import files  # not at the top: it costs a tenth of diglot's start-up

    package = Path(str(files("diglot")))
    packaged = package / "_data" / name
    if packaged.is_dir():
        return packaged
    return package.parent.parent / name  # src/diglot → the repository's top


def home_dir() -> Path:
    """diglot's data folder, where models are installed: ``$DIGLOT_HOME``, else
    ``$XDG_DATA_HOME/diglot`` (``~/.local/share/diglot``). Read when called, so tests can set it.
    A leading ``~`` is the user's home: where no shell expands it (a systemd unit, a .env file),
    ``DIGLOT_HOME=~/diglot`` made a folder named ``~`` in the current one."""
    import os

    if os.environ.get("DIGLOT_HOME"):
        return Path(os.environ["DIGLOT_HOME"]).expanduser()
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share").expanduser() / "diglot"


def cache_dir(name: str) -> Path:
    """diglot's cache folder for ``name`` (``"glossaries"``): ``$DIGLOT_HOME/cache/NAME``, else
    ``$XDG_CACHE_HOME/diglot/NAME`` (``~/.cache/diglot/NAME``). Not created here."""
    import os

    if os.environ.get("DIGLOT_HOME"):
        return home_dir() / "cache" / name
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache").expanduser() / "diglot" / name

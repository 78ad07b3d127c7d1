"""What ``diglot serve`` was told: the server's settings, one small dataclass.

``diglot.cli.serve`` builds a :class:`Settings` from its options; tests build one directly.
:func:`diglot.server.app.create_app` takes it and everything else reads it from
``app.state.diglot.settings``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"  # offline by default: only this machine can reach the server
DEFAULT_PORT = 5000  # LibreTranslate's port, so its clients find diglot where they expect it
DEFAULT_BODY_LIMIT = 20 * 1024**2  # bytes; a translate_file upload of a long article fits easily


@dataclass(frozen=True)
class Settings:
    """The server's settings; ``None`` for a limit means no limit.

    * ``glossary_paths``: the glossaries enforced by default (empty: the curated ones shipped
      with diglot); files and folders, any format ``--glossary`` takes.
    * ``api_keys_file``: one key a line, ``#`` comments; when set, every request needs a key.
    * ``req_limit``: requests a minute per key (per client address without keys).
    * ``char_limit``: characters in one request; ``batch_limit``: texts in one request.
    * ``body_limit``: bytes in one request body.
    * ``threads``: CPU threads the one model decodes with (0: one per core).
    * ``batch_wait``: seconds a translation waits for others to share its decoding call.
    * ``data_dir``: where the server keeps what it is given (pushed glossaries, translated
      files): ``$DIGLOT_HOME/server`` unless set.
    """

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    glossary_paths: tuple[Path, ...] = ()
    api_keys_file: Path | None = None
    req_limit: int | None = None
    char_limit: int | None = None
    batch_limit: int | None = None
    body_limit: int = DEFAULT_BODY_LIMIT
    threads: int = 0
    batch_wait: float = 0.005
    data_dir: Path | None = None

    def data_folder(self) -> Path:
        """``data_dir``, else ``$DIGLOT_HOME/server`` (read when asked, so tests can set it)."""
        if self.data_dir is not None:
            return self.data_dir
        from diglot.paths import home_dir

        return home_dir() / "server"

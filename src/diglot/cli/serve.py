"""``diglot serve``: the local translation and terminology server (LibreTranslate and DeepL APIs)."""

from __future__ import annotations

import argparse
import socket
from pathlib import Path

from diglot.errors import EXIT_OK, DiglotError
from diglot.i18n import _

DEFAULT_HOST = "127.0.0.1"  # as diglot.server.settings; repeated here so --help needs no server import
DEFAULT_PORT = 5000


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_(
            "Serve translation and the glossary over HTTP, offline, for tools that already speak a "
            "translation API. One model in memory serves every request; requests that arrive together "
            "are decoded together; every translation has the glossary enforced.\n\n"
            "It speaks LibreTranslate's API (POST /translate, /detect, /languages, /translate_file: Weblate, "
            "Discourse, libretranslatepy), DeepL's API v2 (/v2/translate, /v2/glossaries: the deepl client, "
            "Weblate's DeepL backend) and diglot's own under /api/ (check, align, edition, glossary, models); "
            "/openapi.json describes every route. It listens on 127.0.0.1 only unless --host says otherwise.\n\n"
            "examples:\n"
            "  diglot serve\n"
            "  diglot serve --port 5000 -g glossaries/ -g desk-terms.yaml\n"
            "  diglot serve --host 0.0.0.0 --api-keys keys.txt --req-limit 60 --char-limit 20000\n"
            "  curl -s localhost:5000/translate -d q=탈북자 -d source=ko -d target=en"
        ),
        epilog=_("Exit codes: 0 after a clean stop (Ctrl-C), 2 usage or input error (bad glossary, port in use)."),
    )
    p.add_argument("--host", default=DEFAULT_HOST, help=_("address to listen on (default: 127.0.0.1, this machine only)"))
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=_("port to listen on (default: 5000)"))
    p.add_argument(
        "-g", "--glossary", action="append", metavar="PATH",
        help=_("glossary enforced on every translation; repeat to combine; reloaded when it changes "
               "(default: the curated glossaries shipped with diglot)"),
    )
    p.add_argument(
        "--api-keys", metavar="FILE",
        help=_("require an API key: FILE holds one key a line (# starts a comment), reread when it changes"),
    )
    p.add_argument("--req-limit", type=int, metavar="N", help=_("requests a minute per key, or per address without keys"))
    p.add_argument("--char-limit", type=int, metavar="N", help=_("characters one request may translate"))
    p.add_argument("--batch-limit", type=int, metavar="N", help=_("texts one request may translate"))
    p.add_argument(
        "--body-limit", type=int, metavar="MB", default=20, help=_("largest request body in megabytes (default: 20)")
    )
    p.add_argument(
        "--workers", type=int, default=0, metavar="N",
        help=_("CPU threads the model decodes with (default: one per core); one model serves every request"),
    )
    p.set_defaults(func=run_serve)


def _limit(value: int | None, option: str) -> int | None:
    if value is not None and value < 1:
        raise DiglotError(_("{option} must be at least 1").format(option=option))
    return value


def run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from diglot.server.app import create_app
        from diglot.server.settings import Settings
    except ImportError:
        raise DiglotError(_("diglot serve needs the serve extra: pip install 'diglot[serve]'")) from None
    if not 0 < args.port < 65536:
        raise DiglotError(_("--port must be between 1 and 65535"))
    from diglot.translate.engines.base import max_threads

    if not 0 <= args.workers <= max_threads():  # CTranslate2 crashes when asked for far more threads
        raise DiglotError(_("{option} must be a whole number from {low} to {high}, not {value}").format(
            option="--workers", low=0, high=max_threads(), value=args.workers))
    if args.api_keys and not Path(args.api_keys).is_file():
        raise DiglotError(_("{name}: no such file").format(name=args.api_keys))
    settings = Settings(
        host=args.host,
        port=args.port,
        glossary_paths=tuple(Path(p) for p in args.glossary or ()),
        api_keys_file=Path(args.api_keys) if args.api_keys else None,
        req_limit=_limit(args.req_limit, "--req-limit"),
        char_limit=_limit(args.char_limit, "--char-limit"),
        batch_limit=_limit(args.batch_limit, "--batch-limit"),
        body_limit=_limit(args.body_limit, "--body-limit") * 1024**2,
        threads=args.workers,
    )
    _check_listen(settings.host, settings.port)
    app = create_app(settings)
    config = uvicorn.Config(app, host=settings.host, port=settings.port, log_level="info", access_log=False)
    server = uvicorn.Server(config)
    try:
        server.run()
    except SystemExit:  # uvicorn exits when it cannot bind, after logging why
        pass
    if not server.started:
        raise DiglotError(
            _("cannot listen on {host}:{port} (is the port in use?)").format(host=settings.host, port=settings.port)
        )
    return EXIT_OK


def _check_listen(host: str, port: int) -> None:
    """Refuse, with the system's reason, a host and port the server could not listen on: uvicorn
    only logs it, after the models and glossaries are loaded."""
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                                 flags=socket.AI_PASSIVE)[0]  # fmt: skip
    except (socket.gaierror, UnicodeError, ValueError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        raise DiglotError(_("cannot listen on {host}:{port}: {reason}").format(host=host, port=port, reason=reason)) from None
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as err:
            raise DiglotError(
                _("cannot listen on {host}:{port}: {reason}").format(host=host, port=port, reason=err.strerror or err)
            ) from None

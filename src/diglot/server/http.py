"""What the API routes share: reading a request's fields, errors, keys and rate limits.

LibreTranslate's and DeepL's clients send the same fields as JSON, as a form
(``application/x-www-form-urlencoded`` or ``multipart/form-data``) or in the query string;
:func:`read_fields` reads them all into one :class:`Fields`. An :class:`ApiError` becomes the
JSON error the API's clients expect: ``{"error": …}`` for LibreTranslate and diglot's own
routes, ``{"message": …}`` under ``/v2/`` (DeepL).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.requests import Request
from starlette.responses import JSONResponse

from diglot.i18n import _


class ApiError(Exception):
    """A request the server refuses: an HTTP status and one line saying why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


class BodyTooLarge(Exception):
    """Raised while a request body is read, once it passes the server's limit (answered with 413)."""


def error_response(request: Request, status: int, message: str) -> JSONResponse:
    """The JSON error of ``status``, its message on one line (a parser's reason may hold line breaks)."""
    key = "message" if request.url.path.startswith("/v2/") else "error"
    return JSONResponse({key: " ".join(str(message).split())}, status_code=status)


class Fields:
    """A request's fields, whatever way they came; JSON values keep their type."""

    def __init__(self, values: dict[str, list[Any]], files: dict[str, Any] | None = None):
        self.values, self.files = values, files or {}

    def get(self, name: str, default: Any = None) -> Any:
        found = self.values.get(name)
        if not found:
            return default
        return found[0] if len(found) == 1 else found

    def getlist(self, name: str) -> list[Any]:
        """Every value of ``name``: repeated form fields, or the items of a JSON list."""
        out: list[Any] = []
        for value in self.values.get(name, []):
            out.extend(value if isinstance(value, list) else [value])
        return out

    def text(self, name: str, default: str | None = None) -> str | None:
        value = self.get(name, default)
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        raise ApiError(400, _("Invalid request: {field} must be a string").format(field=name))

    def flag(self, name: str) -> bool:
        value = self.get(name, False)
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)

    def integer(self, name: str, default: int = 0) -> int:
        value = self.get(name, default)
        try:
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError(value)  # int() would read true as 1 and cut 1.5 to 1
            return int(value)
        except (TypeError, ValueError, OverflowError):  # OverflowError: an infinite float
            raise ApiError(400, _("Invalid request: {field} must be a whole number").format(field=name)) from None


def _utf8_fields(raw: bytes) -> None:
    """Refuse a query string or form body whose fields are not UTF-8 once unescaped: Starlette
    would read them with replacement characters (or as Latin-1), and translate those instead."""
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, _("Invalid request: a field is not valid UTF-8")) from None


def _json_body(body: bytes) -> Any:
    """The JSON body read strictly, as ``--jsonl`` lines are: UTF-8, no NaN, no key twice, not
    nested past Python's limit, no lone surrogate or NUL escaped."""
    from diglot.align.batch import read_record
    from diglot.errors import InputError

    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApiError(400, _("Invalid request: the body is not valid JSON")) from None
    try:
        return read_record(text, _("the request body"), 1)
    except InputError as err:
        raise ApiError(400, _("Invalid request: {reason}").format(reason=err)) from None


async def read_fields(request: Request) -> Fields:
    """The fields of the query string and of the body (JSON, or either kind of form)."""
    values: dict[str, list[Any]] = {}
    _utf8_fields(request.scope.get("query_string", b""))
    for key, value in request.query_params.multi_items():
        values.setdefault(key, []).append(value)
    files: dict[str, Any] = {}
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json" or kind.endswith("+json"):
        body = await request.body()
        if body.strip():
            data = _json_body(body)
            if not isinstance(data, dict):
                raise ApiError(400, _("Invalid request: the JSON body must be an object"))
            for key, value in data.items():
                values[key] = [value]
    elif kind in ("application/x-www-form-urlencoded", "multipart/form-data"):
        if kind == "application/x-www-form-urlencoded":
            _utf8_fields(await request.body())  # read once: the form is parsed from the same bytes
        try:
            form = await request.form()
        except BodyTooLarge:
            raise
        except Exception:  # noqa: BLE001 - python-multipart's errors vary by version
            raise ApiError(400, _("Invalid request: the form data cannot be read")) from None
        for key, value in form.multi_items():
            if hasattr(value, "filename") and hasattr(value, "read"):
                files[key] = value
            else:
                values.setdefault(key, []).append(value)
    return Fields(values, files)


def client_of(request: Request, key: str | None) -> str:
    """Who a request counts against for rate limits: its key, else its address."""
    if key:
        return f"key:{key}"
    return f"addr:{request.client.host if request.client else '?'}"


def guard(request: Request, key: str | None) -> None:
    """Refuse a request without a valid key (403) or over its rate limit (429)."""
    state = request.app.state.diglot
    if not state.keys.allows(key):
        message = _("Invalid API key") if key else _("Please contact the server operator to get an API key")
        raise ApiError(403, message)
    if not state.limiter.allow(client_of(request, key)):
        raise ApiError(
            429, _("Slowdown: {limit} requests a minute at most").format(limit=state.settings.req_limit)
        )

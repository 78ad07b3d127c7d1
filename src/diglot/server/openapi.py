"""The OpenAPI 3 description served at ``/openapi.json``, made from the routes themselves.

Each API route gives its path, methods and summary (the first line of its endpoint's docstring);
:data:`FIELDS` adds the request fields of the routes that take any. The web app's pages are not
an API and are left out.
"""

from __future__ import annotations

import re

from starlette.routing import Route

from diglot import __version__

API_MODULES = ("diglot.server.libretranslate", "diglot.server.deepl", "diglot.server.api")

_STRING = {"type": "string"}
_BOOLEAN = {"type": "boolean"}
_TEXTS = {"oneOf": [_STRING, {"type": "array", "items": _STRING}]}
_GLOSSARY = {
    "description": "a glossary name on the server, \"none\", a map of source term to target term, or a list of entries",
    "oneOf": [_STRING, {"type": "object", "additionalProperties": _STRING}, {"type": "array", "items": {"type": "object"}}],
}

# (method, path) → request fields; "required" lists the ones that must be there.
FIELDS: dict[tuple[str, str], dict] = {
    ("post", "/translate"): {
        "properties": {"q": _TEXTS, "source": _STRING, "target": _STRING, "format": {"enum": ["text", "html"]},
                       "alternatives": {"type": "integer", "minimum": 0, "maximum": 3}, "api_key": _STRING, "glossary": _GLOSSARY,
                       "report": _BOOLEAN},
        "required": ["q", "source", "target"],
    },
    ("post", "/detect"): {"properties": {"q": _STRING, "api_key": _STRING}, "required": ["q"]},
    ("post", "/translate_file"): {
        "properties": {"file": {"type": "string", "format": "binary"}, "source": _STRING, "target": _STRING,
                       "api_key": _STRING, "glossary": _STRING},
        "required": ["file", "source", "target"],
        "multipart": True,
    },
    ("post", "/v2/translate"): {
        "properties": {"text": _TEXTS, "source_lang": _STRING, "target_lang": _STRING, "glossary_id": _STRING,
                       "tag_handling": {"enum": ["html", "xml"]}},
        "required": ["text", "target_lang"],
    },
    ("post", "/v2/glossaries"): {
        "properties": {"name": _STRING, "source_lang": _STRING, "target_lang": _STRING, "entries": _STRING,
                       "entries_format": {"enum": ["tsv", "csv"]}},
        "required": ["name", "source_lang", "target_lang", "entries"],
    },
    ("post", "/api/check"): {
        "properties": {"source": _STRING, "target": _STRING, "glossary": _GLOSSARY, "presplit": _BOOLEAN,
                       "waivers": {"description": "the findings accepted: a waivers file's YAML text "
                                                  "(as diglot check --waivers reads), or its records as JSON",
                                   "oneOf": [_STRING, {"type": "object"}, {"type": "array", "items": {"type": "object"}}]}},
        "required": ["source", "target"],
    },
    ("post", "/api/align"): {"properties": {"source": _STRING, "target": _STRING}, "required": ["source", "target"]},
    ("post", "/api/edition"): {
        "properties": {"source": _STRING, "target": _STRING, "format": _STRING, "glossary": _GLOSSARY},
        "required": ["source", "target"],
    },
    ("post", "/api/glossary"): {"properties": {"file": _STRING, "entry": {"type": "object"}}, "required": ["file", "entry"]},
}

_ERROR = {"description": "refused: {\"error\": …} (DeepL's routes: {\"message\": …})"}


def _operation(route: Route, method: str, path: str) -> dict:
    doc = (route.endpoint.__doc__ or route.name).strip().splitlines()
    operation: dict = {
        "summary": doc[0],
        "operationId": f"{method}_{re.sub(r'[^A-Za-z0-9]+', '_', path).strip('_') or 'root'}",
        "responses": {"200": {"description": "done"}, "400": _ERROR, "403": _ERROR, "429": _ERROR, "500": _ERROR},
    }
    parameters = [{"name": name, "in": "path", "required": True, "schema": _STRING}
                  for name in re.findall(r"{(\w+)}", path)]
    if parameters:
        operation["parameters"] = parameters
    fields = FIELDS.get((method, path))
    if fields:
        schema = {"type": "object", "properties": fields["properties"], "required": fields["required"]}
        kinds = ["multipart/form-data"] if fields.get("multipart") else [
            "application/json", "application/x-www-form-urlencoded"]
        operation["requestBody"] = {"required": True, "content": {kind: {"schema": schema} for kind in kinds}}
    return operation


def describe(app) -> dict:
    """The OpenAPI 3.0 document of ``app``'s API routes."""
    paths: dict[str, dict] = {}
    for route in app.routes:
        if not isinstance(route, Route) or getattr(route.endpoint, "__module__", "") not in API_MODULES:
            continue
        path = re.sub(r"{(\w+):\w+}", r"{\1}", route.path)
        for method in sorted(m.lower() for m in route.methods or () if m != "HEAD"):
            paths.setdefault(path, {})[method] = _operation(route, method, path)
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "diglot serve",
            "version": __version__,
            "description": "Offline, glossary-enforced Korean–English translation: LibreTranslate's API, "
                           "DeepL's API v2 and diglot's own under /api/.",
        },
        "paths": dict(sorted(paths.items())),
    }

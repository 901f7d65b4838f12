"""The typed errors of the client: which statuses get a class, and the classes' names.

The spec decides which error statuses are documented and what their bodies are; the
retry policy (:data:`RETRIED_STATUSES`) adds the retried 4xx statuses, whose errors a
caller meets once the retries are spent. Every 5xx answer is one ``ServerError``.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from spec_loader import JsonObject, operations, resolve
from spec_loader.statuses import is_error

# What the client retries: a timeout the server reports (408), a rate limit (429) and
# the 5xx answers that mean "try again" (a crash that may not repeat, a gateway or a
# server that is briefly away). 501 and 505 never get better by asking again.
RETRIED_STATUSES = (408, 429, 500, 502, 503, 504)

# Production SDKs (Stainless, Fern) name these by what they mean to a caller rather than
# by the status' reason phrase; 413 also takes its RFC 9110 name ("Content Too Large")
# over Python 3.11's older "Request Entity Too Large". Other statuses are named after
# their phrase: 400 BadRequestError, 415 UnsupportedMediaTypeError.
_NAMES = {
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    413: "ContentTooLargeError",
    429: "RateLimitError",
}


def class_name(status: int) -> str:
    """The error class of one 4xx status."""
    if status in _NAMES:
        return _NAMES[status]
    return "".join(word.capitalize() for word in HTTPStatus(status).phrase.split()) + "Error"


def documented_error_statuses(spec: JsonObject) -> list[int]:
    """Every 4xx and 5xx status that some operation of the spec documents."""
    return sorted(
        {
            int(status)
            for op in operations(spec)
            for status in op.node["responses"]
            if status.isdigit() and is_error(status)
        }
    )


def error_classes(spec: JsonObject) -> list[dict[str, Any]]:
    """One class per documented or retried 4xx status, in status order."""
    statuses = {*documented_error_statuses(spec), *RETRIED_STATUSES}
    return [
        {"status": status, "name": class_name(status), "phrase": HTTPStatus(status).phrase}
        for status in sorted(status for status in statuses if status < 500)
    ]


def _schema_names(spec: JsonObject, schema: JsonObject) -> list[str]:
    """The component schemas a body may be: the schema itself, or its anyOf/oneOf members."""
    members = resolve(spec, schema)
    alternatives = members.get("anyOf") or members.get("oneOf")
    if alternatives:
        return [name for member in alternatives for name in _schema_names(spec, member)]
    ref = schema.get("$ref", "")
    return [ref.rsplit("/", 1)[-1]] if ref.startswith("#/components/schemas/") else []


def error_models(spec: JsonObject) -> list[str]:
    """The component schemas of the documented error bodies, in the order the spec names them."""
    names: list[str] = []
    for op in operations(spec):
        for status, answer in op.node["responses"].items():
            if not (status.isdigit() and is_error(status)):
                continue
            for media in resolve(spec, answer).get("content", {}).values():
                names.extend(n for n in _schema_names(spec, media["schema"]) if n not in names)
    return names

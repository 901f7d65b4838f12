"""Which statuses are successes and which are errors: one rule for the spec and the wire.

The spec writes its statuses as text ("204", and OpenAPI allows ranges such as "2XX");
an answer carries a number. Both are judged by their first digit, the status class of
RFC 9110 section 15.
"""

from __future__ import annotations

from http import HTTPStatus

import spec_loader

# The status of an answer without content: Save's and Remove's success (HTTP itself
# forbids it a body, RFC 9110 section 15.3.5).
NO_CONTENT = HTTPStatus.NO_CONTENT
OK = HTTPStatus.OK
# The statuses that refuse the caller rather than the request: the credentials are not
# accepted (401), or they may not do this (403).
REFUSED = frozenset({HTTPStatus.UNAUTHORIZED, HTTPStatus.FORBIDDEN})

SUCCESS_CLASS = "2"
ERROR_CLASSES = ("4", "5")


def spec_key(status: int) -> str:
    """How the spec's ``responses`` map writes a status: ``204`` -> ``"204"``."""
    return str(int(status))


def is_success(status: int | str) -> bool:
    """A 2xx status, as the spec writes it ("204", "2XX") or as an answer carries it (204)."""
    return str(status)[:1] == SUCCESS_CLASS


def is_refused(status: int) -> bool:
    """An answer that refuses the caller (401, 403), whatever the request held."""
    return status in REFUSED


def is_error(status: int | str) -> bool:
    """A 4xx or 5xx status, written either way."""
    return str(status)[:1] in ERROR_CLASSES


def success_statuses(spec: spec_loader.JsonObject, operation_id: str) -> list[str]:
    """One operation's documented success statuses, in the spec's order."""
    return [s for s in spec_loader.response_statuses(spec, operation_id) if is_success(s)]


def error_statuses(spec: spec_loader.JsonObject, operation_id: str) -> list[str]:
    """One operation's documented error statuses, in the spec's order."""
    return [s for s in spec_loader.response_statuses(spec, operation_id) if is_error(s)]


def error_media_types(spec: spec_loader.JsonObject) -> list[str]:
    """Every media type an error answer of the spec comes in, in the spec's order."""
    found: list[str] = []
    for op in spec_loader.operations(spec):
        for status in error_statuses(spec, op.operation_id):
            content = spec_loader.response(spec, op.operation_id, status).get("content", {})
            found.extend(media_type for media_type in content if media_type not in found)
    return found

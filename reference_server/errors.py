"""The SuperOffice error body that every error answer carries."""

from __future__ import annotations

import functools
import http
import json
from collections.abc import Mapping

from starlette.responses import Response

import spec_loader
from spec_loader.media_types import default_json
from spec_loader.statuses import error_media_types

# ErrorSource of the answers that no part of the operation gives (HTTP layer, crashes).
SERVER_SOURCE = "reference_server"


@functools.cache
def error_media_type() -> str:
    """The media type every error answer is written in: the spec's default JSON type for them."""
    return default_json(error_media_types(spec_loader.load_spec()))


def error_body(error_type: str, message: str, source: str) -> bytes:
    """The SuperOffice error body as JSON text. ``message`` must hold no secret."""
    body = {"Error": True, "ErrorType": error_type, "ErrorMessage": message, "ErrorSource": source}
    return json.dumps(body).encode()


def error_response(
    status: int,
    error_type: str,
    message: str,
    source: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """An error answer with the SuperOffice body. ``message`` must hold no secret."""
    return Response(
        error_body(error_type, message, source),
        status_code=status,
        media_type=error_media_type(),
        headers=headers,
    )


def status_error_type(status: http.HTTPStatus) -> str:
    """The ErrorType of an answer that only its status explains: ``BadRequestException``."""
    return status.phrase.replace(" ", "") + "Exception"

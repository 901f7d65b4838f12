"""The SuperOffice error body that every error answer carries."""

from __future__ import annotations

import http
import json
from collections.abc import Mapping

from starlette.responses import Response

JSON_MEDIA_TYPE = "application/json"
# ErrorSource of the answers that no part of the operation gives (HTTP layer, crashes).
SERVER_SOURCE = "reference_server"


def error_response(
    status: int,
    error_type: str,
    message: str,
    source: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The SuperOffice error body as JSON. ``message`` must hold no secret."""
    body = {"Error": True, "ErrorType": error_type, "ErrorMessage": message, "ErrorSource": source}
    return Response(
        json.dumps(body).encode(), status_code=status, media_type=JSON_MEDIA_TYPE, headers=headers
    )


def status_error_type(status: http.HTTPStatus) -> str:
    """The ErrorType of an answer that only its status explains: ``BadRequestException``."""
    return status.phrase.replace(" ", "") + "Exception"

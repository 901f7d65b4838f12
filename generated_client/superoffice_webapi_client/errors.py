"""The errors the API functions raise.

``sync()`` and ``asyncio()`` raise a :class:`SuperOfficeApiError` (the class of its
status) for every answer that is not a success, and for a success whose body is an
error object (SuperOffice's agents answer some failures ``200 OK`` with one). The
``*_detailed`` functions return the ``Response`` of any status instead. Every function
raises :class:`ApiConnectionError` or :class:`ApiTimeoutError` when no answer came,
after the retries. No message holds a SecretValue or a credential.
"""

from __future__ import annotations

import httpx

from .models import AspNetError, SuperOfficeError

ErrorBody = SuperOfficeError | AspNetError
"""What an error body of the spec may be."""


class SuperOfficeApiError(Exception):
    """The server answered, and not with success.

    Attributes:
        status_code: The answer's status.
        body: The parsed error body, or None when the body is not one of the spec's
            error bodies (an HTML page from a proxy, say).
        headers: The answer's headers.
        response: The whole ``httpx.Response``.
    """

    def __init__(self, message: str, *, response: httpx.Response, body: ErrorBody | None) -> None:
        super().__init__(message)
        self.status_code = response.status_code
        self.body = body
        self.headers = response.headers
        self.response = response


class BadRequestError(SuperOfficeApiError):
    """400 Bad Request."""


class AuthenticationError(SuperOfficeApiError):
    """401 Unauthorized."""


class PermissionDeniedError(SuperOfficeApiError):
    """403 Forbidden."""


class RequestTimeoutError(SuperOfficeApiError):
    """408 Request Timeout."""


class ContentTooLargeError(SuperOfficeApiError):
    """413 Request Entity Too Large."""


class UnsupportedMediaTypeError(SuperOfficeApiError):
    """415 Unsupported Media Type."""


class RateLimitError(SuperOfficeApiError):
    """429 Too Many Requests."""


class ServerError(SuperOfficeApiError):
    """Any 5xx answer."""


class ApiConnectionError(httpx.TransportError):
    """No answer came: the connection could not be made, or it broke (after the retries).

    An ``httpx.TransportError``, so code written against upstream's client, which let
    httpx's errors through, still catches it. ``request`` is the request sent.
    """

    def __init__(self, message: str, *, request: httpx.Request) -> None:
        super().__init__(message, request=request)


class ApiTimeoutError(ApiConnectionError, httpx.TimeoutException):
    """No answer came in time (after the retries); see the client's ``timeout``.

    Also an ``httpx.TimeoutException``, which upstream's docstrings promise.
    """


STATUS_ERRORS: dict[int, type[SuperOfficeApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    408: RequestTimeoutError,
    413: ContentTooLargeError,
    415: UnsupportedMediaTypeError,
    429: RateLimitError,
}


def error_class(status_code: int) -> type[SuperOfficeApiError]:
    """The class raised for an answer with this status."""
    if status_code >= 500:
        return ServerError
    return STATUS_ERRORS.get(status_code, SuperOfficeApiError)


class UnexpectedStatus(Exception):
    """Raised by the *_detailed functions for an undocumented status when Client.raise_on_unexpected_status is True.

    Its message quotes the answer's body, as upstream's does.
    """

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


__all__ = [
    "ApiConnectionError",
    "ApiTimeoutError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "RequestTimeoutError",
    "ContentTooLargeError",
    "UnsupportedMediaTypeError",
    "RateLimitError",
    "ErrorBody",
    "STATUS_ERRORS",
    "ServerError",
    "SuperOfficeApiError",
    "UnexpectedStatus",
    "error_class",
]

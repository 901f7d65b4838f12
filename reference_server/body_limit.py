"""Read a request body without ever holding more than the limit in memory."""

from __future__ import annotations

from starlette.requests import Request


class BodyTooLargeError(Exception):
    pass


def declared_too_large(request: Request, limit: int) -> bool:
    """Whether Content-Length already says the body is over the limit (refuse before reading)."""
    declared = request.headers.get("content-length", "")
    return declared.isdigit() and int(declared) > limit


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body; BodyTooLargeError as soon as more than ``limit`` bytes arrive.

    Counting covers chunked bodies, which declare no length, and a Content-Length that
    understates the body.
    """
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLargeError
        chunks.append(chunk)
    return b"".join(chunks)

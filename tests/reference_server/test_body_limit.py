"""reference_server/body_limit.py: a body is read only up to the limit.

Seen failing by hand: the size check in read_body moved after the loop
(test_a_body_over_the_limit_stops_being_read: every chunk is read), and `>` in
declared_too_large written `>=` (test_declared_length[at the limit]).
"""

from __future__ import annotations

import asyncio

import pytest
from starlette.requests import Request
from starlette.types import Message

from reference_server.body_limit import BodyTooLargeError, declared_too_large, read_body

LIMIT = 10


def request(
    chunks: list[bytes], headers: list[tuple[bytes, bytes]] | None = None
) -> tuple[Request, list[int]]:
    """A request whose body arrives in ``chunks``; the list counts the chunks handed out."""
    handed: list[int] = []

    async def receive() -> Message:
        index = len(handed)
        handed.append(index)
        more = index + 1 < len(chunks)
        return {"type": "http.request", "body": chunks[index], "more_body": more}

    scope = {"type": "http", "method": "POST", "path": "/", "headers": headers or []}
    return Request(scope, receive), handed


@pytest.mark.parametrize(
    ("declared", "too_large"),
    [(str(LIMIT), False), (str(LIMIT + 1), True), ("", False), ("-5", False), ("1e9", False)],
    ids=["at the limit", "over", "none", "negative", "not digits"],
)
def test_declared_length(declared: str, too_large: bool) -> None:
    headers = [(b"content-length", declared.encode())] if declared else []
    assert declared_too_large(request([b""], headers)[0], LIMIT) is too_large


def test_a_body_up_to_the_limit_is_read_whole() -> None:
    chunks = [b"12345", b"67890"]
    assert asyncio.run(read_body(request(chunks)[0], LIMIT)) == b"".join(chunks)


def test_a_body_over_the_limit_stops_being_read() -> None:
    body, handed = request([b"123456", b"789012", b"never read"])
    with pytest.raises(BodyTooLargeError):
        asyncio.run(read_body(body, LIMIT))
    assert len(handed) == 2

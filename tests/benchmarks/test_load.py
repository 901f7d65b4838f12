"""The load generator's request bytes, its reading of answers, and its request budget,
against a small asyncio server in this process.

Seen failing by hand: ``request_bytes`` without the Content-Length line, ``read_answer``
leaving the body unread (the next answer's status is then read from the body), and
``connection`` not taking from the shared budget (each connection sends them all).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable

import pytest

from benchmarks.load import LoadRun, UnexpectedAnswerError, load, read_answer, request_bytes

Answer = Callable[[int], bytes]


def answered(status: int, body: bytes = b"") -> bytes:
    return f"HTTP/1.1 {status} X\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def test_the_request_is_a_post_of_the_body_with_its_length() -> None:
    sent = request_bytes("http://127.0.0.1:8123/a/b", ["X-One: 1"], b'{"k": 1}')
    assert sent == (
        b"POST /a/b HTTP/1.1\r\nHost: 127.0.0.1:8123\r\nX-One: 1\r\n"
        b'Content-Length: 8\r\n\r\n{"k": 1}'
    )


def test_answers_are_read_one_after_the_other_bodies_dropped() -> None:
    async def statuses() -> list[int]:
        reader = asyncio.StreamReader()
        reader.feed_data(answered(200, b"a body to skip") + answered(204))
        reader.feed_eof()
        return [await read_answer(reader), await read_answer(reader)]

    assert asyncio.run(statuses()) == [200, 204]


async def serving(answer: Answer, then: Callable[[str], Awaitable[LoadRun]]) -> tuple[LoadRun, int]:
    """Run ``then`` against a server answering request n with ``answer(n)``; its requests."""
    received = [0]

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
                await reader.readexactly(length)
                received[0] += 1
                writer.write(answer(received[0]))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        run = await then(f"http://127.0.0.1:{port}/save")
    return run, received[0]


def test_the_connections_share_one_budget_of_requests() -> None:
    body = json.dumps({"a": 1}).encode()

    async def go(url: str) -> LoadRun:
        return await load(url, request_bytes(url, [], body), 204, 3, 10, 10.0)

    run, received = asyncio.run(serving(lambda _: answered(204, b"ok"), go))
    assert run.completed == len(run.latencies) == received == 10
    assert run.per_second == run.completed / run.seconds


def test_an_unexpected_status_stops_the_run() -> None:
    async def go(url: str) -> LoadRun:
        return await load(url, request_bytes(url, [], b""), 204, 1, 5, 30.0)

    with pytest.raises(UnexpectedAnswerError, match="expected 204, got 500"):
        asyncio.run(serving(lambda n: answered(500 if n == 2 else 204), go))

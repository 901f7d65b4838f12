"""reference_server/http_protocol.py: header bytes are limited, unreadable requests get our body.

A plain app served in-thread with the reference server's HTTP layer (launcher.serve_app)
is sent raw bytes over one socket per test.

Guards proved by hand: with the byte counts never checked against MAX_HEADER_BYTES,
test_headers_past_the_limit_are_refused_with_431 fails (the request is answered
normally); with only the count of `data_received` (as before it counted complete headers
exactly), its "just past, in one read" case fails: a request's first read went
uncounted; with `send_400_response` falling back to uvicorn's own,
test_an_unreadable_request_gets_the_superoffice_error_body fails.
"""

from __future__ import annotations

import http
import json
import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from reference_server.errors import error_media_type, status_error_type
from reference_server.http_protocol import MAX_HEADER_BYTES
from reference_server.launcher import serve_app
from tests.reference_server.plain_app import ANSWER, PLAIN_APP


@pytest.fixture(scope="module")
def address() -> Iterator[tuple[str, int]]:
    with serve_app(PLAIN_APP) as base_url:
        parts = urlsplit(base_url)
        assert parts.hostname is not None
        assert parts.port is not None
        yield parts.hostname, parts.port


def _exchange(address: tuple[str, int], chunks: list[bytes]) -> tuple[int, dict[str, str], bytes]:
    """Send ``chunks`` on one connection; the status, headers and body of the answer."""
    with socket.create_connection(address, timeout=10) as sock:
        for chunk in chunks:
            try:
                sock.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break  # refused part-way, as it should be: read the answer
        received = b""
        while b"\r\n\r\n" not in received or (not received.endswith(b"}") and b"}" in received):
            data = sock.recv(65536)
            if not data:
                break
            received += data
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in header_lines)
    return int(status_line.split()[1]), {k.lower(): v for k, v in headers.items()}, body


def _assert_error_body(status: http.HTTPStatus, headers: dict[str, str], body: bytes) -> None:
    assert headers["content-type"].split(";")[0] == error_media_type()
    document = json.loads(body[: int(headers["content-length"])])
    assert document["ErrorType"] == status_error_type(status)


def test_a_plain_request_is_answered(address: tuple[str, int]) -> None:
    status, _, body = _exchange(
        address, [b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"]
    )
    assert (status, body) == (http.HTTPStatus.OK, ANSWER.encode())


# asyncio reads up to 256 KiB at once: far past the limit in one read, and in many.
READ_SIZE = 256 * 1024
FILLER = b"X-Filler: " + b"a" * 1000 + b"\r\n"


@pytest.mark.parametrize(
    "past_the_limit",
    [FILLER * 3, FILLER * (2 * READ_SIZE // len(FILLER))],
    ids=["just past, in one read", "many reads past"],
)
def test_headers_past_the_limit_are_refused_with_431(
    address: tuple[str, int], past_the_limit: bytes
) -> None:
    headers_at_the_limit = FILLER * (MAX_HEADER_BYTES // len(FILLER))
    request = b"GET / HTTP/1.1\r\nHost: x\r\n" + headers_at_the_limit + past_the_limit + b"\r\n"
    status, headers, body = _exchange(address, [request])
    assert status == http.HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
    _assert_error_body(http.HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, headers, body)


def test_headers_under_the_limit_pass(address: tuple[str, int]) -> None:
    chunks = [b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"]
    chunks += [FILLER] * (MAX_HEADER_BYTES // len(FILLER) - 2)
    status, _, _ = _exchange(address, [*chunks, b"\r\n"])
    assert status == http.HTTPStatus.OK


def test_an_unreadable_request_gets_the_superoffice_error_body(address: tuple[str, int]) -> None:
    status, headers, body = _exchange(address, [b"NOT HTTP AT ALL\r\n\r\n"])
    assert status == http.HTTPStatus.BAD_REQUEST
    _assert_error_body(http.HTTPStatus.BAD_REQUEST, headers, body)

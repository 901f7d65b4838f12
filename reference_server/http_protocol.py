"""The reference server's HTTP layer: uvicorn's httptools protocol, limited and in our error body.

uvicorn's httptools protocol (the default with uvicorn[standard]) buffers header bytes
without any limit: one request with a 16 MiB header was answered normally, and the
server's memory grew with it. This protocol answers 431 when a request's headers pass
the limit, as Kestrel does (its default limit is 32 KiB): counted exactly once they are
complete, however they were chunked, and while they are incomplete by the bytes
received, so that the parser's buffer stays bounded too.

A request the parser cannot read (bad framing such as ``Transfer-Encoding: '``, a
malformed request line) never reaches the app: uvicorn answers it with a plain-text
400 of its own. Here that 400 carries the SuperOffice error body like every other
error of this server.
"""

from __future__ import annotations

import http
import logging
from typing import Any

import uvicorn
from starlette.types import ASGIApp
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from reference_server.errors import SERVER_SOURCE, error_response, status_error_type

MAX_HEADER_BYTES = 32 * 1024

logger = logging.getLogger("reference_server.access")


class HeadersTooLargeError(Exception):
    """Raised in a parser callback: httptools stops and reports a parser error."""


class ReferenceHttpProtocol(HttpToolsProtocol):
    _reading_headers = False
    # The request line's URL and the complete header lines of the request being read.
    _header_bytes = 0
    # Bytes received while a request's headers were incomplete: what the parser buffers.
    _buffered_bytes = 0
    _headers_too_large = False

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._reading_headers = True
        self._header_bytes = self._buffered_bytes = 0

    def on_url(self, url: bytes) -> None:
        self._header_bytes += len(url)
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._header_bytes += len(name) + len(value) + len(b": \r\n")
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._reading_headers = False
        if self._header_bytes > MAX_HEADER_BYTES:
            # However the headers came in chunks: uvicorn turns this into send_400_response.
            self._headers_too_large = True
            raise HeadersTooLargeError
        super().on_headers_complete()

    def data_received(self, data: bytes) -> None:
        # While the headers are incomplete the parser buffers them: bound that too. A
        # chunk in which a request begins is not counted here (it may also hold the end
        # of the previous, pipelined, request); the complete headers are counted exactly.
        was_reading = self._reading_headers
        super().data_received(data)
        if not (was_reading and self._reading_headers):
            return
        self._buffered_bytes += len(data)
        if self._buffered_bytes > MAX_HEADER_BYTES:
            self._reading_headers = False
            self._refuse_headers()

    def send_400_response(self, msg: str) -> None:
        if self._headers_too_large:
            self._refuse_headers()
            return
        # uvicorn's own message ("Invalid HTTP request received.") names no field; ours
        # says where the trouble is, as far as the parser lets us know.
        self._refuse(
            http.HTTPStatus.BAD_REQUEST,
            "request: not a valid HTTP/1.1 message (request line, headers or framing)",
        )

    def _refuse_headers(self) -> None:
        self._refuse(
            http.HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            f"headers: larger than the limit of {MAX_HEADER_BYTES} bytes",
        )

    def _refuse(self, status: http.HTTPStatus, message: str) -> None:
        answer = error_response(
            status.value, status_error_type(status), message, SERVER_SOURCE, {"Connection": "close"}
        )
        head = [f"HTTP/1.1 {status.value} {status.phrase}".encode()]
        head += [name + b": " + value for name, value in answer.raw_headers]
        self.transport.write(b"\r\n".join(head) + b"\r\n\r\n" + answer.body)
        self.transport.close()
        logger.info("request refused by the HTTP layer: %d", status.value)


def uvicorn_config(app: ASGIApp, **options: Any) -> uvicorn.Config:
    """How every reference server is served: this protocol, no uvicorn access log, no Server."""
    return uvicorn.Config(
        app, access_log=False, server_header=False, http=ReferenceHttpProtocol, **options
    )

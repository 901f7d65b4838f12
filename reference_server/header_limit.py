"""Refuse a request whose header block is over a limit, before the server has buffered it.

uvicorn's httptools protocol (the default with uvicorn[standard]) buffers header bytes
without any limit: one request with a 16 MiB header was answered normally, and the
server's memory grew with it. This protocol counts the bytes received while a
request's headers are incomplete and answers 431 with the error body past the limit,
as Kestrel does (its default limit is 32 KiB).
"""

from __future__ import annotations

import http
import logging

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from reference_server.errors import error_response

MAX_HEADER_BYTES = 32 * 1024
STATUS = http.HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE

logger = logging.getLogger("reference_server.access")


class HeaderLimitedProtocol(HttpToolsProtocol):
    _reading_headers = False
    _header_bytes = 0

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._reading_headers = True
        self._header_bytes = 0

    def on_headers_complete(self) -> None:
        self._reading_headers = False
        super().on_headers_complete()

    def data_received(self, data: bytes) -> None:
        # A chunk in which a request begins is not counted: it may also hold the end of
        # the previous (pipelined) request. The limit may thus be passed by one chunk.
        was_reading = self._reading_headers
        super().data_received(data)
        if not (was_reading and self._reading_headers):
            return
        self._header_bytes += len(data)
        if self._header_bytes > MAX_HEADER_BYTES:
            self._refuse()

    def _refuse(self) -> None:
        self._reading_headers = False
        answer = error_response(
            STATUS.value,
            "RequestHeaderFieldsTooLargeException",
            f"headers: larger than the limit of {MAX_HEADER_BYTES} bytes",
            "reference_server",
            {"Connection": "close"},
        )
        head = [f"HTTP/1.1 {STATUS.value} {STATUS.phrase}".encode()]
        head += [name + b": " + value for name, value in answer.raw_headers]
        self.transport.write(b"\r\n".join(head) + b"\r\n\r\n" + answer.body)
        self.transport.close()
        logger.info("request headers over %d bytes: %d", MAX_HEADER_BYTES, STATUS.value)

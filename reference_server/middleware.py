"""ASGI middleware: the access log, and the last line of defence against unexpected errors."""

from __future__ import annotations

import logging
import time
import traceback
import urllib.parse

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reference_server.errors import SERVER_SOURCE, error_body, error_media_type

access_logger = logging.getLogger("reference_server.access")
error_logger = logging.getLogger("reference_server.error")

INTERNAL_ERROR_BODY = error_body(
    "InternalServerError", "The server failed unexpectedly; the failure is logged.", SERVER_SOURCE
)


class HttpMiddleware:
    """Base of the middleware here: HTTP requests go to `handle`, anything else passes through."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self.handle(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class AccessLog(HttpMiddleware):
    """One line per request: method, path, status, duration. Never a body, header or query.

    The query is left out because a caller may put anything there, secrets included.
    """

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not access_logger.isEnabledFor(logging.INFO):
            # Nothing would be written (the benchmark's server): skip the timing and quoting.
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0  # stays 0 if the connection drops before an answer

        async def record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, record_status)
        finally:
            # Quoted: a path with a line break must not forge a second log line.
            path = urllib.parse.quote(scope["path"], safe="/:@!$&'()*+,;=-._~")
            elapsed_ms = (time.perf_counter() - started) * 1000
            access_logger.info("%s %s %d %.1fms", scope["method"], path, status, elapsed_ms)


class CatchAll(HttpMiddleware):
    """Turn an unexpected exception into a plain 500 that leaks nothing.

    Only the exception's type and where it was raised are logged: its message and a
    full traceback could quote the request body.
    """

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        response_started = False

        async def track(message: Message) -> None:
            nonlocal response_started
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, track)
        except Exception as error:
            frame = traceback.extract_tb(error.__traceback__)[-1]
            error_logger.error(
                "unexpected %s at %s:%s", type(error).__name__, frame.filename, frame.lineno
            )
            if not response_started:
                await send_internal_error(send)


async def send_internal_error(send: Send) -> None:
    headers = [
        (b"content-type", error_media_type().encode()),
        (b"content-length", str(len(INTERNAL_ERROR_BODY)).encode()),
    ]
    await send({"type": "http.response.start", "status": 500, "headers": headers})
    await send({"type": "http.response.body", "body": INTERNAL_ERROR_BODY})

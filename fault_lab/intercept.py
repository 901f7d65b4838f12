"""ASGI wrappers that let a planted fault edit a request or an answer, or make calls of its own.

The whole request body is read first and the whole answer is buffered, so a fault can
look at both and change either; the wrapped app itself is never copied or touched.
``intercept`` edits one request and its answer; ``around`` hands the fault the request
and a way to call the app, as often as it needs (to read what is stored, say).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reference_server.launcher import LOOPBACK


@dataclass(frozen=True)
class Exchange:
    """One buffered HTTP request."""

    method: str
    path: str
    query: str
    headers: dict[str, str]  # names lower-cased
    body: bytes
    # Tells the client's TCP connections apart: one port per connection while it is open.
    client_port: int | None = None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


@dataclass(frozen=True)
class Answer:
    """One buffered HTTP response."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)  # names lower-cased
    body: bytes = b""

    def with_header(self, name: str, value: str | None) -> Answer:
        headers = {key: item for key, item in self.headers.items() if key != name.lower()}
        if value is not None:
            headers[name.lower()] = value
        return replace(self, headers=headers)


EditRequest = Callable[[Exchange], Exchange]
EditAnswer = Callable[[Exchange, Answer], Answer]
# Sends one request to the wrapped app and returns its answer.
Forward = Callable[[Exchange], Awaitable[Answer]]
Handle = Callable[[Exchange, Forward], Awaitable[Answer]]


def keep_request(request: Exchange) -> Exchange:
    return request


def keep_answer(request: Exchange, answer: Answer) -> Answer:
    return answer


def intercept(
    edit_request: EditRequest = keep_request, edit_answer: EditAnswer = keep_answer
) -> Callable[[ASGIApp], ASGIApp]:
    """A wrapper factory: the app sees ``edit_request``'s request, the client ``edit_answer``'s."""

    async def handle(request: Exchange, forward: Forward) -> Answer:
        edited = edit_request(request)
        return edit_answer(edited, await forward(edited))

    return around(handle)


def around(handle: Handle) -> Callable[[ASGIApp], ASGIApp]:
    """A wrapper factory: ``handle`` answers every HTTP request, calling the app through
    its ``forward`` argument as often as it likes (the original request, or its own)."""

    def wrap(app: ASGIApp) -> ASGIApp:
        async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            request = await _read_request(scope, receive)
            await _send(send, await handle(request, functools.partial(_call, app, scope)))

        return wrapped

    return wrap


async def call_app(app: ASGIApp, request: Exchange) -> Answer:
    """Send ``request`` straight to ``app``, as a loopback HTTP/1.1 client would: for
    testing a wrapper without a server."""
    scope: Scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "scheme": "http",
        "server": (LOOPBACK, 80),
        "client": (LOOPBACK, request.client_port or 0),
        "root_path": "",
        "path": request.path,
        "headers": [],
    }
    return await _call(app, scope, request)


async def _read_request(scope: Scope, receive: Receive) -> Exchange:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    headers = {
        name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]
    }
    query = scope.get("query_string", b"").decode("latin-1")
    client = scope.get("client")
    return Exchange(
        scope["method"], scope["path"], query, headers, body, client[1] if client else None
    )


async def _call(app: ASGIApp, scope: Scope, request: Exchange) -> Answer:
    headers = {**request.headers, "content-length": str(len(request.body))}
    # The original raw_path holds only for the original path; routing falls back to path.
    raw_path = scope.get("raw_path") if request.path == scope["path"] else None
    inner_scope = {
        **scope,
        "method": request.method,
        "path": request.path,
        "raw_path": raw_path,
        "query_string": request.query.encode("latin-1"),
        "headers": [
            (name.encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()
        ],
    }
    delivered = False

    async def receive() -> Message:
        nonlocal delivered
        if delivered:
            return {"type": "http.disconnect"}
        delivered = True
        return {"type": "http.request", "body": request.body, "more_body": False}

    status = 500
    answer_headers: dict[str, str] = {}
    body = b""

    async def send(message: Message) -> None:
        nonlocal status, answer_headers, body
        if message["type"] == "http.response.start":
            status = message["status"]
            answer_headers = {
                name.decode("latin-1").lower(): value.decode("latin-1")
                for name, value in message.get("headers", [])
            }
        elif message["type"] == "http.response.body":
            body += message.get("body", b"")

    await app(inner_scope, receive, send)
    return Answer(status, answer_headers, body)


async def _send(send: Send, answer: Answer) -> None:
    headers = {**answer.headers, "content-length": str(len(answer.body))}
    await send(
        {
            "type": "http.response.start",
            "status": answer.status,
            "headers": [
                (name.encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()
            ],
        }
    )
    await send({"type": "http.response.body", "body": answer.body})

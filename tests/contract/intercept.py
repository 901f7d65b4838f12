"""An ASGI wrapper that lets a planted fault edit one request or one answer.

The whole request body is read first and the whole answer is buffered, so a fault can
look at both and change either; the wrapped app itself is never copied or touched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from starlette.types import ASGIApp, Message, Receive, Scope, Send


@dataclass(frozen=True)
class Exchange:
    """One buffered HTTP request."""

    method: str
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


def keep_request(request: Exchange) -> Exchange:
    return request


def keep_answer(request: Exchange, answer: Answer) -> Answer:
    return answer


def intercept(
    edit_request: EditRequest = keep_request, edit_answer: EditAnswer = keep_answer
) -> Callable[[ASGIApp], ASGIApp]:
    """A wrapper factory: the app sees ``edit_request``'s request, the client ``edit_answer``'s."""

    def wrap(app: ASGIApp) -> ASGIApp:
        async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            request = edit_request(await _read_request(scope, receive))
            answer = await _call(app, scope, request)
            await _send(send, edit_answer(request, answer))

        return wrapped

    return wrap


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
    return Exchange(scope["method"], query, headers, body, client[1] if client else None)


async def _call(app: ASGIApp, scope: Scope, request: Exchange) -> Answer:
    headers = {**request.headers, "content-length": str(len(request.body))}
    inner_scope = {
        **scope,
        "method": request.method,
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

"""intercept: a wrapper sees the whole request, the app sees the edited one, and a
wrapper may call the app as often as it needs.

The wrapped app is a tiny ASGI app that echoes what it received.
Seen failing by hand: ``_call`` passing on the original content-length with an edited
body (``headers = dict(request.headers)``).
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace

from starlette.types import Message, Receive, Scope, Send

from fault_lab.intercept import Answer, Exchange, Forward, around, call_app, intercept

ORIGINAL = Exchange("POST", "/echo", "a=1", {"content-type": "text/plain"}, b"original")


async def echo(scope: Scope, receive: Receive, send: Send) -> None:
    """Answers what it got, as JSON: method, path, query, content-length and body."""
    body = b""
    while True:
        message: Message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    headers = dict(scope["headers"])
    seen = {
        "method": scope["method"],
        "path": scope["path"],
        "query": scope["query_string"].decode(),
        "length": headers.get(b"content-length", b"").decode(),
        "body": body.decode(),
    }
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": json.dumps(seen).encode()})


def seen_by_echo(answer: Answer) -> dict[str, str]:
    seen: dict[str, str] = json.loads(answer.body)
    return seen


def test_the_app_sees_the_edited_request_and_the_client_the_edited_answer() -> None:
    def longer(request: Exchange) -> Exchange:
        return replace(request, body=request.body + b" and more")

    def teapot(request: Exchange, answer: Answer) -> Answer:
        return replace(answer, status=418).with_header("X-Edited", "yes")

    app = intercept(edit_request=longer, edit_answer=teapot)(echo)
    answer = asyncio.run(call_app(app, ORIGINAL))
    assert answer.status == 418
    assert answer.headers["x-edited"] == "yes"
    seen = seen_by_echo(answer)
    assert seen["body"] == "original and more"
    assert seen["length"] == str(len(b"original and more"))
    assert (seen["method"], seen["path"], seen["query"]) == ("POST", "/echo", "a=1")


def test_a_wrapper_may_call_the_app_again_with_its_own_request() -> None:
    async def twice(request: Exchange, forward: Forward) -> Answer:
        first = await forward(request)
        second = await forward(replace(request, method="PUT", path="/other", body=b""))
        return Answer(200, {}, json.dumps([seen_by_echo(first), seen_by_echo(second)]).encode())

    answer = asyncio.run(call_app(around(twice)(echo), ORIGINAL))
    first, second = json.loads(answer.body)
    assert (first["method"], first["body"]) == ("POST", "original")
    assert (second["method"], second["path"], second["body"]) == ("PUT", "/other", "")


def test_with_header_replaces_a_header_whatever_its_case_and_removes_it_for_none() -> None:
    answer = Answer(200, {"allow": "POST", "x-kept": "1"})
    assert answer.with_header("Allow", "GET").headers == {"x-kept": "1", "allow": "GET"}
    assert answer.with_header("ALLOW", None).headers == {"x-kept": "1"}


def test_a_content_type_is_read_without_its_parameters() -> None:
    request = replace(ORIGINAL, headers={"content-type": "Application/JSON; charset=utf-8"})
    assert request.content_type == "application/json"


def test_what_is_not_http_goes_to_the_app_untouched() -> None:
    got: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        got.append(scope["type"])

    async def refuse(request: Exchange, forward: Forward) -> Answer:
        raise AssertionError("a lifespan message is no request")

    async def nothing() -> Message:
        return {}

    async def ignore(message: Message) -> None:
        return None

    async def start() -> None:
        await around(refuse)(app)({"type": "lifespan"}, nothing, ignore)

    asyncio.run(start())
    assert got == ["lifespan"]

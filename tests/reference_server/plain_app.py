"""The smallest ASGI app, for tests of the layers around the reference server's own app."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

ANSWER = "plain app"


async def _answer(request: Request) -> PlainTextResponse:
    return PlainTextResponse(ANSWER)


PLAIN_APP = Starlette(routes=[Route("/", _answer)])

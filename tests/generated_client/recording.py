"""A client whose requests are recorded by an httpx.MockTransport instead of being sent.

Nothing leaves the process, so the base URL is only what the client puts in front of
the operation's path. The client's clock is a FakeClock: a retry waits for nothing, and
the waits it asked for are recorded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import httpx
from superoffice_webapi_client import AuthenticatedClient, Clock
from superoffice_webapi_client.models import SaveUntrustedCredentialsForAssociateRequest

from spec_loader import JsonObject, component, load_spec

BASE_URL = "https://127.0.0.1/SuperOffice"
SPEC = load_spec()
# The spec's own example request, with vendor-style dates (7 fractional digits, +02:00).
EXAMPLE_BODY: JsonObject = component(SPEC, "examples", "ImapCredentials")["value"]

Responder = Callable[[httpx.Request], httpx.Response]


def no_content(_request: httpx.Request) -> httpx.Response:
    return httpx.Response(204)


class FakeClock(Clock):
    """Time that passes only when the client sleeps; the sleeps are recorded."""

    def __init__(self, now: float = 1_700_000_000.0, jitter: float = 0.0) -> None:
        self.now = now
        self.jitter = jitter
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.now

    def random(self) -> float:
        return self.jitter

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


def recording_client(
    responder: Responder = no_content, **client_args: Any
) -> tuple[AuthenticatedClient, list[httpx.Request]]:
    """An AuthenticatedClient (token "unused" unless given) and the list its requests go to."""
    sent: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        request.read()
        sent.append(request)
        return responder(request)

    client_args.setdefault("token", "unused")
    client_args.setdefault("clock", FakeClock())
    client = AuthenticatedClient(
        base_url=BASE_URL, httpx_args={"transport": httpx.MockTransport(handle)}, **client_args
    )
    return client, sent


def example_request() -> SaveUntrustedCredentialsForAssociateRequest:
    """The spec's example, read through the generated model (so vendor dates are parsed)."""
    return SaveUntrustedCredentialsForAssociateRequest.from_dict(EXAMPLE_BODY)


def with_microsecond_dates(value: Any) -> Any:
    """``value`` with every 7-digit fraction of a second cut to the 6 digits Python keeps."""
    if isinstance(value, dict):
        return {key: with_microsecond_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [with_microsecond_dates(item) for item in value]
    if isinstance(value, str):
        return re.sub(r"(T\d\d:\d\d:\d\d\.\d{6})\d", r"\1", value)
    return value

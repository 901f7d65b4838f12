"""The HTTP session every request of the suite goes through: one kept-alive connection,
no cookies, and the run's rate limit.

Without a session, schemathesis opens (and closes) a TCP connection for every request,
while ``st run`` keeps one for the whole run; the handshakes and teardowns cost the
suite a noticeable share of its time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.cookiejar import DefaultCookiePolicy
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from schemathesis import Case
from schemathesis.transport.requests import (
    REQUESTS_TRANSPORT,
    RequestsTransport,
    SameHostRedirectsSession,
)
from urllib3 import HTTPResponse

from contract_tests.run.rate_limit import Rate, SendRate

# HTTP gives these answers no body, so no client reads one.
NO_BODY_STATUSES = frozenset({HTTPStatus.NO_CONTENT, HTTPStatus.NOT_MODIFIED})
URL_PREFIXES = ("http://", "https://")


class RateLimitedAdapter(HTTPAdapter):
    """requests' adapter, sending each request (redirects and resends included) in a slot."""

    def __init__(self, send_rate: SendRate) -> None:
        super().__init__()
        self.send_rate = send_rate

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        with self.send_rate.slot():
            return super().send(request, *args, **kwargs)


def reusable_session(rate: Rate | None = None) -> requests.Session:
    # The session schemathesis makes for a call of its own, so redirects that leave the
    # host still drop the credentials.
    session = SameHostRedirectsSession()
    # schemathesis sends none of requests' default headers (User-Agent, Accept, ...) on a
    # session of its own; left here, they would be added to every case.
    session.headers.clear()
    # No domain is allowed, so no cookie is stored or sent back: a cookie the server sets
    # must not log in the request sent without credentials, nor carry over into later
    # cases. The XSRF cookie the suite sends on purpose is an explicit Cookie header,
    # which this jar never sees.
    session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
    session.hooks["response"].append(drop_connection_after_unread_body)
    if rate is not None:
        adapter = RateLimitedAdapter(SendRate(rate))
        for prefix in URL_PREFIXES:
            session.mount(prefix, adapter)
    return session


@contextmanager
def every_request_through(session: requests.Session) -> Iterator[None]:
    """Make schemathesis send through ``session`` what it would send on a session of its own.

    ignored_auth sends its probes (the request without credentials, and with made-up
    ones) without the caller's session, so that no cookie or session credential logs
    them in. This session stores no cookie and holds no credential, so it is as clean,
    and it is the only place the rate limit is kept: every request goes through it.
    """

    shared = session

    def send_through(
        case: Case[Any], *, session: requests.Session | None = None, **kwargs: Any
    ) -> Any:
        return RequestsTransport.send(REQUESTS_TRANSPORT, case, session=session or shared, **kwargs)

    # The transport is schemathesis' one shared instance; this instance attribute shadows
    # its method until the run ends.
    REQUESTS_TRANSPORT.send = send_through  # type: ignore[method-assign]
    try:
        yield
    finally:
        del REQUESTS_TRANSPORT.send


def drop_connection_after_unread_body(response: requests.Response, **kwargs: Any) -> None:
    """Close the connection of a 204 or 304 that declares a body anyway.

    The body stays unread on the connection (the vendor's 204 carries ``null``, which
    the spec tolerates) and would be taken for the start of the next answer.
    """
    if response.status_code not in NO_BODY_STATUSES or not isinstance(response.raw, HTTPResponse):
        return
    declared = response.headers.get("Content-Length", "0").strip() not in ("", "0")
    if (declared or "Transfer-Encoding" in response.headers) and response.raw.connection:
        response.raw.connection.close()

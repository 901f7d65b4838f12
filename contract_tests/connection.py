"""The HTTP session the suite sends every case through: one kept-alive connection, no cookies.

Without a session, schemathesis opens (and closes) a TCP connection for every request,
while ``st run`` keeps one for the whole run; the handshakes and teardowns cost the
suite a noticeable share of its time.
"""

from __future__ import annotations

from http import HTTPStatus
from http.cookiejar import DefaultCookiePolicy
from typing import Any

import requests
from schemathesis.transport.requests import SameHostRedirectsSession
from urllib3 import HTTPResponse

# HTTP gives these answers no body, so no client reads one.
NO_BODY_STATUSES = frozenset({HTTPStatus.NO_CONTENT, HTTPStatus.NOT_MODIFIED})


def reusable_session() -> requests.Session:
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
    return session


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

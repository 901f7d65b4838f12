"""request_log: the cookie-setting server logs each request's connection and cookies.

Seen failing by hand: ``record`` logging the cookie header under the XSRF header's name
(the XSRF header never read).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from starlette.types import Receive, Scope, Send

from contract_tests.facts.contract import contract_facts
from fault_lab.intercept import Exchange, call_app
from fault_lab.request_log import (
    PLANTED_COOKIE,
    LoggedRequest,
    logged_requests,
    plant_cookie_and_log,
)

NO_CONTENT = 204


async def no_content(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": NO_CONTENT, "headers": []})
    await send({"type": "http.response.body", "body": b""})


def test_each_request_is_logged_and_every_answer_sets_the_cookie(tmp_path: Path) -> None:
    log = tmp_path / "requests.jsonl"
    app = plant_cookie_and_log(log)(no_content)
    xsrf_header = contract_facts().xsrf_header.lower()
    first = Exchange("POST", "/a", "", {}, b"", client_port=50001)
    second = Exchange(
        "POST", "/a", "", {"cookie": PLANTED_COOKIE, xsrf_header: "token"}, b"", client_port=50002
    )
    answers = [asyncio.run(call_app(app, request)) for request in (first, second)]
    assert [answer.status for answer in answers] == [NO_CONTENT, NO_CONTENT]
    assert all(answer.headers["set-cookie"].startswith(PLANTED_COOKIE) for answer in answers)
    assert logged_requests(log) == [
        LoggedRequest(50001, "", ""),
        LoggedRequest(50002, PLANTED_COOKIE, "token"),
    ]

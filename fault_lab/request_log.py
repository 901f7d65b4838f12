"""A server that sets a cookie on every answer and logs, per request, its connection and cookies.

Not a fault: the suite must still pass it. The log shows how many TCP connections the
suite opened for its requests, and whether the planted cookie ever came back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from starlette.types import ASGIApp

from contract_tests.facts.contract import contract_facts
from fault_lab.intercept import Answer, Exchange, intercept

# In the run's folder, next to its reports folder.
LOG_FILE = "requests.jsonl"
# Named like the spec's XSRF cookie, the one a stored cookie could pass off as a login.
PLANTED_VALUE = "planted-by-the-server-0123456789"
PLANTED_COOKIE = f"{contract_facts().xsrf_cookie}={PLANTED_VALUE}"


@dataclass(frozen=True)
class LoggedRequest:
    client_port: int | None
    cookie: str
    xsrf_header: str


def plant_cookie_and_log(log: Path) -> Callable[[ASGIApp], ASGIApp]:
    """A wrapper factory; each request the app gets is appended to ``log``, one JSON line."""

    def record(request: Exchange) -> Exchange:
        logged = LoggedRequest(
            request.client_port,
            request.headers.get("cookie", ""),
            request.headers.get(contract_facts().xsrf_header.lower(), ""),
        )
        with log.open("a", encoding="utf-8") as file:
            file.write(json.dumps(asdict(logged)) + "\n")
        return request

    def plant(request: Exchange, answer: Answer) -> Answer:
        return answer.with_header("set-cookie", f"{PLANTED_COOKIE}; Path=/")

    return intercept(edit_request=record, edit_answer=plant)


def logged_requests(log: Path) -> list[LoggedRequest]:
    lines = log.read_text(encoding="utf-8").splitlines()
    return [LoggedRequest(**json.loads(line)) for line in lines]

"""Fixtures: a reference server on a free loopback port, with one identity of each kind."""

from __future__ import annotations

import base64
import json
import os
import secrets
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

import spec_loader
from reference_server.export import export_lines
from reference_server.launcher import RunningServer, run_command, start_server

BASIC_USER, BASIC_PASSWORD = "admin", "basic-password-1f9c"
TICKET = "7T:admin-ticket-77aa"
BEARER = "8A:Cust12345.bearer-token-5e21"
XSRF_TOKEN = "xsrf-token-c0de"
LIMITED_TICKET = "7T:limited-ticket-0b0e"
LIMITED_ASSOCIATE = 42
IDENTITY_ARGS = (
    "--basic", f"{BASIC_USER}:{BASIC_PASSWORD}",
    "--ticket", TICKET,
    "--bearer", BEARER,
    "--xsrf", XSRF_TOKEN,
    "--ticket", f"{LIMITED_TICKET}@{LIMITED_ASSOCIATE}",
)  # fmt: skip
BASIC_AUTHORIZATION = (
    "Basic " + base64.b64encode(f"{BASIC_USER}:{BASIC_PASSWORD}".encode()).decode()
)
ADMIN = {"Authorization": BASIC_AUTHORIZATION}
JSON = "application/json"
LOG_WAIT_SECONDS = 10.0


def credential(type_: str, **credentials: Any) -> dict[str, Any]:
    """A valid request body for associate 42; ``credentials`` override the carrier's fields."""
    carrier = {
        "ValidFrom": "2019-07-14T03:24:48.5653818+02:00",
        "Comment": "test credential",
        "SecretValue": f"secret-of-{type_}",
        "PublicValue": f"imap.example.com/{type_}",
        "IsActive": True,
        **credentials,
    }
    return {"AssociateId": LIMITED_ASSOCIATE, "Type": type_, "Credentials": carrier}


@dataclass
class Server:
    running: RunningServer
    database: Path
    # One client for all requests: creating one per request costs more than the request.
    client: httpx.Client

    @property
    def url(self) -> str:
        return self.running.base_url + spec_loader.OPERATION_PATH

    def post(
        self, body: bytes, media_type: str = JSON, headers: Mapping[str, str] = ADMIN
    ) -> httpx.Response:
        return self.client.post(
            self.url, content=body, headers={"Content-Type": media_type, **headers}
        )

    def post_json(self, document: Any, headers: Mapping[str, str] = ADMIN) -> httpx.Response:
        return self.post(json.dumps(document).encode(), JSON, headers)

    def settled_log(self) -> str:
        """The server's output once every request answered so far has been logged.

        The access line is written after the answer is sent, so reading the output right
        after a response may miss it. A marker request goes last: once its line is there,
        every earlier one is too.
        """
        marker = f"/log-marker-{secrets.token_hex(8)}"
        self.client.get(self.running.base_url + marker)
        deadline = time.monotonic() + LOG_WAIT_SECONDS
        while marker not in (log := self.running.output()):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the access line of {marker} never came")
            time.sleep(0.01)
        return log

    def export(
        self, *args: str, env: Mapping[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return run_command(["export", "--database", str(self.database), *args], env=env)

    def exported_type(self, type_: str, *, reveal_secrets: bool = False) -> list[dict[str, Any]]:
        """What `export` prints for this Type (run in-process: a subprocess per test is slow)."""
        lines = export_lines(self.database, None, reveal_secrets=reveal_secrets, environ=os.environ)
        return [row for row in map(json.loads, lines) if row["Type"] == type_]


@contextmanager
def running_server(
    database: Path, args: Sequence[str] = IDENTITY_ARGS, env: Mapping[str, str] | None = None
) -> Iterator[Server]:
    with start_server(database=database, args=args, env=env) as running, httpx.Client() as client:
        yield Server(running, database, client)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for all these tests, with the identities above; tests use distinct Types."""
    with running_server(tmp_path_factory.mktemp("server") / "credentials.sqlite3") as started:
        yield started


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "credentials.sqlite3"

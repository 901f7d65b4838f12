"""A reference server on a free loopback port, with identities of every kind, and its requests."""

from __future__ import annotations

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
from superoffice_webapi_client import AuthenticatedClient, basic_token

import spec_loader
from reference_server.export import export_lines
from reference_server.launcher import RunningServer, run_command, start_server
from spec_loader.auth import basic_authorization
from spec_loader.documents import value_at
from spec_loader.links import response_links

BASIC_USER, BASIC_PASSWORD = "admin", "basic-password-1f9c"
TICKET = "7T:admin-ticket-77aa"
BEARER = "8A:Cust12345.bearer-token-5e21"
XSRF_TOKEN = "xsrf-token-c0de"
LIMITED_TICKET = "7T:limited-ticket-0b0e"
LIMITED_ASSOCIATE = 42
SYSTEM_TICKET = "7T:system-ticket-5a5a"
IDENTITY_ARGS = (
    "--basic", f"{BASIC_USER}:{BASIC_PASSWORD}",
    "--ticket", TICKET,
    "--bearer", BEARER,
    "--xsrf", XSRF_TOKEN,
    "--ticket", f"{LIMITED_TICKET}@{LIMITED_ASSOCIATE}",
    "--ticket", f"{SYSTEM_TICKET}@system",
)  # fmt: skip
BASIC_AUTHORIZATION = basic_authorization(f"{BASIC_USER}:{BASIC_PASSWORD}")
ADMIN = {"Authorization": BASIC_AUTHORIZATION}
LIMITED = {"Authorization": f"SOTicket {LIMITED_TICKET}"}
SYSTEM_USER = {"Authorization": f"SOTicket {SYSTEM_TICKET}"}
JSON = "application/json"
LOG_WAIT_SECONDS = 10.0

SPEC = spec_loader.load_spec()
# The operations the tests call by name; the spec may list more (see test_operations).
SAVE = "SaveUntrustedCredentialsForAssociate"
GET = "GetUntrustedCredentialsForAssociate"
REMOVE = "RemoveUntrustedCredentialsForAssociate"
OWN_SAVE = "SaveUntrustedCredentials"
OWN_GET = "GetUntrustedCredentials"
OWN_REMOVE = "RemoveUntrustedCredentials"
CREATE_DEFAULT = "CreateDefaultUntrustedCredentials"
OPERATION_IDS = [found.operation_id for found in spec_loader.operations(SPEC)]
# The operations that take a body: media type, size and schema are checked for these.
BODY_OPERATION_IDS = [
    operation_id
    for operation_id in OPERATION_IDS
    if spec_loader.request_media_types(SPEC, operation_id)
]
ASSOCIATE_ID = "AssociateId"


def names_associate(operation_id: str) -> bool:
    """False for the caller's own operations (and for CreateDefault, which takes no body)."""
    if operation_id not in BODY_OPERATION_IDS:
        return False
    return ASSOCIATE_ID in spec_loader.request_schema(SPEC, operation_id)["properties"]


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

    def url(self, operation_id: str = SAVE) -> str:
        return self.running.base_url + spec_loader.operation(SPEC, operation_id).path

    def post(
        self,
        body: bytes,
        media_type: str = JSON,
        headers: Mapping[str, str] = ADMIN,
        operation_id: str = SAVE,
    ) -> httpx.Response:
        return self.client.post(
            self.url(operation_id), content=body, headers={"Content-Type": media_type, **headers}
        )

    def post_json(
        self, document: Any, headers: Mapping[str, str] = ADMIN, operation_id: str = SAVE
    ) -> httpx.Response:
        return self.post(json.dumps(document).encode(), JSON, headers, operation_id)

    def read_back(
        self, saved: dict[str, Any], headers: Mapping[str, str] = ADMIN
    ) -> list[dict[str, Any]]:
        """What Get answers (in JSON) for the (AssociateId, Type) of a saved document."""
        response = self.post_json(linked_request(saved, GET), headers, GET)
        assert response.status_code == 200, response.text
        found: list[dict[str, Any]] = response.json()
        return found

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


def valid_request(operation_id: str, type_: str, **credentials: Any) -> dict[str, Any]:
    """A valid request of any operation with a body, about the credential that `credential`
    makes (the caller's own operations: of the caller's associate, without AssociateId)."""
    saved = credential(type_, **credentials)
    if operation_id in (SAVE, OWN_SAVE):
        return own(saved) if operation_id == OWN_SAVE else saved
    return linked_request(saved, operation_id)


def own(document: dict[str, Any]) -> dict[str, Any]:
    """A ForAssociate request as the caller's own: the same without AssociateId."""
    return {name: value for name, value in document.items() if name != ASSOCIATE_ID}


def linked_request(saved: dict[str, Any], operation_id: str) -> dict[str, Any]:
    """The request body of ``operation_id`` that a Save's link to it makes of a saved document.

    The spec's links say where each field comes from (``$request.body#/Credentials/...``);
    the caller's own Save links to the caller's own Get and Remove, ForAssociate's to theirs.
    """
    [link] = [
        found.link
        for found in response_links(SPEC)
        if found.operation_id in (SAVE, OWN_SAVE) and found.link.operation_id == operation_id
    ]
    return {name: value_at(saved, path) for name, path in link.pointers.items()}


@contextmanager
def running_server(
    database: Path, args: Sequence[str] = IDENTITY_ARGS, env: Mapping[str, str] | None = None
) -> Iterator[Server]:
    with start_server(database=database, args=args, env=env) as running, httpx.Client() as client:
        yield Server(running, database, client)


def client_for(server: Server) -> AuthenticatedClient:
    """The generated client, as the Basic administrator."""
    token = basic_token(BASIC_USER, BASIC_PASSWORD)
    return AuthenticatedClient(base_url=server.running.base_url, token=token, prefix="Basic")

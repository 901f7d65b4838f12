"""The client examples of docs/client.md run as pasted, and every client they build sends
a request that openapi-core accepts against the spec. (The README's runs against the
reference server in tests/docs/test_docs.py.)

Nothing leaves the process: httpx's transport is replaced by a recorder that answers 204
(the lifecycle example gets a small in-memory server instead, the error example a 403).
Proved by hand: with prefix="Basic" dropped from the page's basic_client (so it
would send "Bearer <base64>"), test_auth_example_clients_send_valid_requests still
passes openapi-core (a Bearer token is valid there), but the scheme check below fails;
with the page's `X-XSRF-TOKEN` misspelled, openapi-core's security check fails.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from superoffice_webapi_client import AuthenticatedClient
from superoffice_webapi_client.api.user_agent import save_untrusted_credentials_for_associate

from spec_loader import security_schemes
from tests.generated_client.recording import SPEC, example_request
from tests.generated_client.spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
CLIENT_PAGE = ROOT / "docs" / "client.md"


def python_blocks(page: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL)


def the_block(page: Path, marker: str) -> str:
    """The one Python example of ``page`` that contains ``marker``."""
    [block] = [block for block in python_blocks(page) if marker in block]
    return block


LIFECYCLE_MARKER = "remove_untrusted_credentials_for_associate.sync("
CALL_EXAMPLE = the_block(CLIENT_PAGE, "sync_detailed(")
AUTH_EXAMPLE = the_block(CLIENT_PAGE, "basic_token(")
LIFECYCLE_EXAMPLE = the_block(CLIENT_PAGE, LIFECYCLE_MARKER)
ERRORS_EXAMPLE = the_block(CLIENT_PAGE, "except errors.PermissionDeniedError")


Handler = Callable[[httpx.Request], httpx.Response]


def answering(monkeypatch: pytest.MonkeyPatch, handler: Handler) -> list[httpx.Request]:
    """Every request through httpx's default transport goes to ``handler``; the list of them."""
    recorded: list[httpx.Request] = []

    def handle(_transport: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        request.read()
        recorded.append(request)
        return handler(request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", handle)
    return recorded


class CredentialStore:
    """Just enough of a server for the lifecycle example: one list per (associate, Type)."""

    def __init__(self) -> None:
        self.rows: dict[tuple[int, str], list[dict[str, Any]]] = {}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        rows = self.rows.setdefault((body["AssociateId"], body["Type"]), [])
        operation = request.url.path.rsplit("/", 1)[-1]
        if operation.startswith("Get"):
            return httpx.Response(200, json=rows)
        if operation.startswith("Save"):
            rows.append(body["Credentials"])
        else:
            rows[:] = [row for row in rows if row["PublicValue"] != body["PublicValue"]]
        return httpx.Response(204)


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[httpx.Request]:
    return answering(monkeypatch, lambda _request: httpx.Response(204))


def run(example: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    exec(compile(example, str(CLIENT_PAGE), "exec"), namespace)
    return namespace


def test_call_example_sends_a_valid_request(sent: list[httpx.Request]) -> None:
    run(CALL_EXAMPLE)
    [request] = sent
    validate(request)
    assert request.headers["Content-Type"] == "application/merge-patch+json"
    assert request.url.query == b"%24select=Name"


def test_auth_example_clients_send_valid_requests(sent: list[httpx.Request]) -> None:
    clients = [
        value for value in run(AUTH_EXAMPLE).values() if isinstance(value, AuthenticatedClient)
    ]
    for client in clients:
        save_untrusted_credentials_for_associate.sync_detailed(
            client=client, body=example_request()
        )
    for request in sent:
        validate(request)
    http_schemes = {
        scheme["scheme"].lower()
        for scheme in security_schemes(SPEC).values()
        if scheme["type"] == "http"
    }
    sent_schemes = {
        request.headers["Authorization"].split(" ", 1)[0].lower()
        for request in sent
        if "Authorization" in request.headers
    }
    # One client per HTTP scheme, plus the browser session without Authorization.
    assert sent_schemes == http_schemes
    assert len(sent) == len(http_schemes) + 1


def test_lifecycle_example_saves_reads_back_and_removes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = CredentialStore()
    sent = answering(monkeypatch, store)
    run(LIFECYCLE_EXAMPLE)
    assert [request.url.path.rsplit("/", 1)[-1][:4] for request in sent] == ["Save", "GetU", "Remo"]
    for request in sent:
        validate(request)
    assert str(sent[0].url).startswith("https://crm.example.com/SuperOffice/api/v1/")
    assert "imap.example.com:993/support@example.com" in capsys.readouterr().out
    assert store.rows == {(42, "imap"): []}


def test_errors_example_catches_the_typed_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    refusal = {
        "Error": True,
        "ErrorType": "SoAccessDeniedException",
        "ErrorMessage": "AssociateId: not allowed",
    }
    sent = answering(monkeypatch, lambda _request: httpx.Response(403, json=refusal))
    run(ERRORS_EXAMPLE)
    [request] = sent
    validate(request)
    assert str(request.url).startswith("https://online.superoffice.com/Cust12345/api/v1/")
    assert request.extensions["timeout"] == httpx.Timeout(60.0).as_dict()
    assert capsys.readouterr().out == "not allowed: AssociateId: not allowed\n"

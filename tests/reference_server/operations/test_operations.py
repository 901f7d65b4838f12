"""The server serves whatever operations the spec lists, choosing each handler by the verb
its operationId starts with, and refuses an operation of a verb it has no handler for.

The tests run on a copy of the spec with one more operation, shaped like Remove,
written to a temporary file and named by SUPEROFFICE_OPENAPI_SPEC.

Guards proven by removing them (by hand, once):
- the check in operations.handler_classes (planted: operations without a handler
  skipped): test_an_operation_of_an_unknown_verb_stops_the_server fails (a KeyError
  traceback instead of the one line).
- UnimplementedOperationError among the errors cli.serve reports: the same test fails
  (a traceback).
- the whole-word test in operations.handler_class (planted: startswith alone):
  test_a_verb_is_a_whole_word fails ("Getaway..." served by Get).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx
import pytest

import spec_loader
from reference_server.app import create_app
from reference_server.launcher import run_command, serve_app
from reference_server.operations import HANDLERS, handler_class
from reference_server.operations.create_default import CreateDefaultCredentials
from reference_server.operations.get import GetCredentials
from reference_server.operations.remove import RemoveCredentials
from reference_server.operations.save import SaveCredentials
from reference_server.settings import Identity, Scheme, Settings
from tests import spec_copies
from tests.reference_server.live_server import (
    ADMIN,
    BASIC_PASSWORD,
    BASIC_USER,
    OPERATION_IDS,
    REMOVE,
    credential,
    linked_request,
)
from tests.spec_copies import AGENT_PATH, NEW_OPERATION, NEW_PATH

# An operation of a verb no handler serves.
UNKNOWN_VERB_OPERATION = "ArchiveUntrustedCredentialsForAssociate"
START_TIMEOUT = 30.0


@pytest.mark.parametrize(
    ("operation_id", "handler"),
    [
        ("SaveUntrustedCredentialsForAssociate", SaveCredentials),
        ("SaveUntrustedCredentials", SaveCredentials),
        ("GetUntrustedCredentials", GetCredentials),
        ("RemoveUntrustedCredentials", RemoveCredentials),
        ("CreateDefaultUntrustedCredentials", CreateDefaultCredentials),
        ("Getaway", None),
        ("Get", None),
        (UNKNOWN_VERB_OPERATION, None),
    ],
)
def test_a_verb_is_a_whole_word(operation_id: str, handler: type | None) -> None:
    assert handler_class(operation_id) is handler


def test_every_operation_of_the_spec_has_a_handler() -> None:
    assert all(handler_class(operation_id) for operation_id in OPERATION_IDS)
    assert len(OPERATION_IDS) == 7


def test_an_operation_of_an_unknown_verb_stops_the_server(tmp_path: Path) -> None:
    database = tmp_path / "credentials.sqlite3"
    args = ["--host", "127.0.0.1", "--port", "0", "--database", str(database)]
    copy = spec_copies.spec_with_a_fourth_operation(tmp_path, UNKNOWN_VERB_OPERATION)
    env = {spec_loader.SPEC_ENV_VAR: str(copy)}

    try:
        finished = run_command(args, env=env, timeout=START_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail("the server started although the spec has an operation it does not implement")

    assert finished.returncode == 1
    [line] = finished.stderr.splitlines()
    assert line.startswith("error: ")
    assert line.endswith(f"does not implement: {UNKNOWN_VERB_OPERATION}")
    assert not database.exists()  # refused before anything was created


def served_copy(tmp_path: Path, operation_id: str) -> tuple[httpx.Response, ...]:
    """A valid, an invalid and a GET request to the added operation, served from a copy."""
    identity = Identity(Scheme.BASIC, f"{BASIC_USER}:{BASIC_PASSWORD}")
    settings = Settings(tmp_path / "db.sqlite3", (identity,), encryption_key=bytes(32))
    key = linked_request(credential("fourth"), REMOVE)
    url = AGENT_PATH + operation_id

    with serve_app(create_app(settings)) as base_url, httpx.Client(headers=ADMIN) as client:
        served = client.post(base_url + url, json=key)
        invalid = client.post(base_url + url, json={**key, "PublicValue": "x" * 239})
        other_method = client.get(base_url + url)
    return served, invalid, other_method


def assert_served(responses: tuple[httpx.Response, ...], operation_id: str) -> None:
    served, invalid, other_method = responses
    assert served.status_code == 204, served.text
    assert invalid.json()["ErrorMessage"] == "PublicValue: must be at most 238 characters long"
    assert invalid.json()["ErrorSource"] == operation_id
    assert (other_method.status_code, other_method.headers["Allow"]) == (405, "POST")


def test_an_operation_of_a_known_verb_takes_no_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Added to the spec, it is served: routes, Allow, schemas and handler follow."""
    copy = spec_copies.spec_with_a_fourth_operation(tmp_path)
    monkeypatch.setenv(spec_loader.SPEC_ENV_VAR, str(copy))

    assert_served(served_copy(tmp_path, NEW_OPERATION), NEW_OPERATION)
    assert NEW_PATH == AGENT_PATH + NEW_OPERATION


def test_a_new_verb_takes_its_handler_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = spec_copies.spec_with_a_fourth_operation(tmp_path, UNKNOWN_VERB_OPERATION)
    monkeypatch.setenv(spec_loader.SPEC_ENV_VAR, str(copy))
    monkeypatch.setitem(HANDLERS, "Archive", RemoveCredentials)

    assert_served(served_copy(tmp_path, UNKNOWN_VERB_OPERATION), UNKNOWN_VERB_OPERATION)

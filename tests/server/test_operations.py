"""The server serves whatever operations the spec lists, and refuses one it has no handler for.

Both tests run on a copy of the spec with a fourth operation, written to a temporary
file and named by SUPEROFFICE_OPENAPI_SPEC.

Guards proven by removing them (by hand, once):
- the check in operations.handler_classes (planted: operations without a handler
  skipped): test_an_operation_without_a_handler_stops_the_server fails (a KeyError
  traceback instead of the one line).
- UnimplementedOperationError among the errors cli.serve reports: the same test fails
  (a traceback).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx
import pytest

import spec_loader
from reference_server.app import create_app
from reference_server.launcher import run_command, serve_app
from reference_server.operations import HANDLERS
from reference_server.operations.remove import RemoveCredentials
from reference_server.settings import Identity, Scheme, Settings
from tests import spec_copies
from tests.server.live_server import (
    ADMIN,
    BASIC_PASSWORD,
    BASIC_USER,
    REMOVE,
    credential,
    linked_request,
)
from tests.spec_copies import NEW_OPERATION, NEW_PATH

START_TIMEOUT = 30.0


@pytest.fixture
def spec_with_a_fourth_operation(tmp_path: Path) -> Path:
    return spec_copies.spec_with_a_fourth_operation(tmp_path)


def test_an_operation_without_a_handler_stops_the_server(
    spec_with_a_fourth_operation: Path, tmp_path: Path
) -> None:
    database = tmp_path / "credentials.sqlite3"
    args = ["--host", "127.0.0.1", "--port", "0", "--database", str(database)]
    env = {spec_loader.SPEC_ENV_VAR: str(spec_with_a_fourth_operation)}

    try:
        finished = run_command(args, env=env, timeout=START_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail("the server started although the spec has an operation it does not implement")

    assert finished.returncode == 1
    [line] = finished.stderr.splitlines()
    assert line.startswith("error: ")
    assert line.endswith(f"does not implement: {NEW_OPERATION}")
    assert not database.exists()  # refused before anything was created


def test_an_operation_with_a_handler_is_served(
    spec_with_a_fourth_operation: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Giving the operation a handler is all it takes: routes, Allow and schemas follow."""
    monkeypatch.setenv(spec_loader.SPEC_ENV_VAR, str(spec_with_a_fourth_operation))
    monkeypatch.setitem(HANDLERS, NEW_OPERATION, RemoveCredentials)
    identity = Identity(Scheme.BASIC, f"{BASIC_USER}:{BASIC_PASSWORD}")
    settings = Settings(tmp_path / "db.sqlite3", (identity,), encryption_key=bytes(32))
    key = linked_request(credential("fourth"), REMOVE)

    with serve_app(create_app(settings)) as base_url, httpx.Client(headers=ADMIN) as client:
        served = client.post(base_url + NEW_PATH, json=key)
        invalid = client.post(base_url + NEW_PATH, json={**key, "PublicValue": "x" * 239})
        other_method = client.get(base_url + NEW_PATH)

    assert served.status_code == 204, served.text
    assert invalid.json()["ErrorMessage"] == "PublicValue: must be at most 238 characters long"
    assert invalid.json()["ErrorSource"] == NEW_OPERATION
    assert (other_method.status_code, other_method.headers["Allow"]) == (405, "POST")

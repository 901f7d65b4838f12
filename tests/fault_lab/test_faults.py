"""faults: the catalogue is consistent, and a few faults change the reference app's
answers as their descriptions say, in-process through intercept.call_app (the kill
matrix is not run here).

Seen failing by hand: ``ok_instead_of_no_content`` leaving a 204 alone; ``crash_on_select``
looking for the parameter in the body instead of the query; ``fault_named`` ending in a
bare StopIteration on a name the catalogue lacks (as it did).
"""

from __future__ import annotations

import asyncio
import json
from http import HTTPStatus
from pathlib import Path

import pytest
from schemathesis.checks import CHECKS, load_all_checks
from starlette.types import ASGIApp, Receive, Scope, Send

import contract_tests.hooks  # noqa: F401 (registers the project's checks)
import spec_loader
from contract_tests.model.judge import MODEL_CHECKS
from fault_lab.faults import FAULTS, SELECT_PARAMETER, VARIATIONS, fault_named
from fault_lab.intercept import Exchange, call_app
from fault_lab.planted_fault import Fault, Variation
from fault_lab.store_access import REQUEST_JSON_TYPES, SAVE, SAVE_BODY, SPEC
from reference_server.app import create_app
from reference_server.settings import Identity, Scheme, Settings
from spec_loader.auth import basic_authorization
from spec_loader.statuses import NO_CONTENT, OK

USER = "faults-test:faults-test-password"
WRONG_USER = "faults-test:another-password"
TEAPOT = 418
CRASHED = HTTPStatus.INTERNAL_SERVER_ERROR


def test_catalogue_is_large_enough_and_names_distinct() -> None:
    names = [wrapper.name for wrapper in (*FAULTS, *VARIATIONS)]
    assert len(FAULTS) >= 43
    assert len(VARIATIONS) >= 9
    assert len(set(names)) == len(names)
    # A misspelt check never fails, and its fault would never be killed. schemathesis
    # registers its built-in checks only once something loads them: this test may run
    # first in its process.
    load_all_checks()
    assert {fault.caught_by for fault in FAULTS} <= set(CHECKS.get_all_names()) | set(MODEL_CHECKS)


def test_a_fault_is_found_by_its_name_and_an_unknown_name_is_named() -> None:
    assert fault_named(FAULTS[-1].name) is FAULTS[-1]
    with pytest.raises(ValueError, match="not in fault_lab's catalogue: nowhere"):
        fault_named("nowhere")


@pytest.mark.parametrize(
    "wrapper", [*FAULTS, *VARIATIONS], ids=[w.name for w in (*FAULTS, *VARIATIONS)]
)
def test_each_wrap_returns_an_asgi_app_that_answers(wrapper: Fault | Variation) -> None:
    """Wrapped around an app that answers 418 to anything, each passes on the answer to
    a GET of a path the spec does not name, which none of them acts on."""

    async def teapot(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": TEAPOT, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    request = Exchange("GET", "/not-in-the-spec", "", {}, b"")
    answer = asyncio.run(call_app(wrapper.wrap(teapot), request))
    assert answer.status == TEAPOT


def save(wrapper_name: str | None, folder: Path, user: str = USER, query: str = "") -> int:
    settings = Settings(
        database=folder / "credentials.sqlite3", identities=(Identity(Scheme.BASIC, USER),)
    )
    app: ASGIApp = create_app(settings)
    if wrapper_name is not None:
        app = fault_named(wrapper_name).wrap(app)
    path = spec_loader.operation(SPEC, SAVE).path
    headers = {
        "authorization": basic_authorization(user),
        "content-type": REQUEST_JSON_TYPES[SAVE][0],
    }
    request = Exchange("POST", path, query, headers, json.dumps(SAVE_BODY).encode())
    return asyncio.run(call_app(app, request)).status


def test_the_reference_app_saves_to_start_with(tmp_path: Path) -> None:
    assert save(None, tmp_path) == NO_CONTENT
    assert save(None, tmp_path, WRONG_USER) == HTTPStatus.UNAUTHORIZED


def test_ok_instead_of_no_content(tmp_path: Path) -> None:
    assert save("ok_instead_of_no_content", tmp_path) == OK


def test_auth_ignored_saves_for_anyone(tmp_path: Path) -> None:
    assert save("auth_ignored", tmp_path, WRONG_USER) == NO_CONTENT


def test_crash_on_select(tmp_path: Path) -> None:
    assert save("crash_on_select", tmp_path, query=f"{SELECT_PARAMETER}=Name") == CRASHED
    assert save("crash_on_select", tmp_path) == NO_CONTENT

"""fault_servers: a fault served around the real reference app can make its own calls,
as store_access's system user, and they take effect.

The faults that make calls of their own show it: test_read_back_faults.py shows the
calls each makes to a scripted stand-in; this shows that the served reference app takes
them (a fault whose own calls failed would crash, and be "killed" for the wrong reason),
and what the store then holds.
Seen failing by hand: ``serve_reference_app`` without the system user's identity.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import spec_loader
from fault_lab import read_back_faults as faults
from fault_lab import store_access as store
from fault_lab.batch import Credentials
from fault_lab.fault_servers import serve_reference_app
from fault_lab.faults import fault_named
from fault_lab.store_access import SAVE_BODY
from spec_loader.documents import value_at

ADMINISTRATOR = Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))
SECRET = (*store.CARRIER_PATH, faults.SECRET_FIELDS[0])
TEXT = (*store.CARRIER_PATH, faults.TEXT_FIELD)


class Client:
    """Calls each operation with JSON, as the administrator unless told otherwise."""

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=10)

    def call(self, operation_id: str, body: dict[str, Any], authorization: str) -> Any:
        headers = {
            "content-type": store.REQUEST_JSON_TYPES[operation_id][0],
            "authorization": authorization,
        }
        path = spec_loader.operation(store.SPEC, operation_id).path
        response = self.http.post(path, json=body, headers=headers)
        return response.json() if response.content else response.status_code

    def save(self, body: dict[str, Any]) -> Any:
        return self.call(store.SAVE, body, ADMINISTRATOR.authorization)

    def read(self, body: dict[str, Any], authorization: str = store.SYSTEM_AUTHORIZATION) -> Any:
        asked = {field: value_at(body, path) for field, path in store.READ_BACK_FIELDS.items()}
        return self.call(store.GET, asked, authorization)

    def remove(self, body: dict[str, Any]) -> Any:
        return self.call(
            store.REMOVE, fields_of(body, store.REMOVE_FIELDS), ADMINISTRATOR.authorization
        )


def fields_of(body: dict[str, Any], fields: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """The request fields ``fields`` names, read from a save's ``body``."""
    return {field: value_at(body, path) for field, path in fields.items()}


@pytest.fixture
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Client]:
    with serve_reference_app(
        fault_named(request.param).wrap, tmp_path, (ADMINISTRATOR.user, ADMINISTRATOR.password)
    ) as url:
        yield Client(url)


def changed(body: dict[str, Any], path: tuple[str, ...], value: Any) -> dict[str, Any]:
    copy: dict[str, Any] = {
        **body,
        store.CARRIER_PATH[0]: dict(value_at(body, store.CARRIER_PATH)),
    }
    store.set_value_at(copy, path, value)
    return copy


SAVED = 204


@pytest.mark.parametrize("served", ["save_dropped"], indirect=True)
def test_save_dropped_stores_nothing_and_keeps_what_was_there(served: Client) -> None:
    assert served.save(SAVE_BODY) == SAVED
    assert served.read(SAVE_BODY) == []


@pytest.mark.parametrize("served", ["first_write_wins"], indirect=True)
def test_first_write_wins_keeps_the_first_secret_and_text(served: Client) -> None:
    assert served.save(SAVE_BODY) == SAVED
    assert served.save(changed(changed(SAVE_BODY, TEXT, "second"), SECRET, "second")) == SAVED
    (stored,) = served.read(SAVE_BODY)
    assert stored[faults.TEXT_FIELD] == value_at(SAVE_BODY, TEXT)
    assert stored[faults.SECRET_FIELDS[0]] == value_at(SAVE_BODY, SECRET)


@pytest.mark.parametrize("served", ["remove_removes_nothing"], indirect=True)
def test_remove_removes_nothing_keeps_the_whole_credential(served: Client) -> None:
    assert served.save(SAVE_BODY) == SAVED
    before = served.read(SAVE_BODY)
    assert served.remove(SAVE_BODY) == SAVED
    assert served.read(SAVE_BODY) == before != []


@pytest.mark.parametrize("served", ["secret_shown_to_administrator"], indirect=True)
def test_secret_shown_to_administrator(served: Client) -> None:
    served.save(SAVE_BODY)
    (seen,) = served.read(SAVE_BODY, authorization=ADMINISTRATOR.authorization)
    assert seen[faults.SECRET_FIELDS[0]] == value_at(SAVE_BODY, SECRET)


@pytest.mark.parametrize("served", ["saved_under_another_associate"], indirect=True)
def test_saved_under_another_associate(served: Client) -> None:
    path = store.READ_BACK_FIELDS[faults.ASSOCIATE_FIELD]
    served.save(SAVE_BODY)
    assert served.read(SAVE_BODY) == []
    assert len(served.read(changed(SAVE_BODY, path, value_at(SAVE_BODY, path) + 1))) == 1


@pytest.mark.parametrize("served", ["other_type_read_back"], indirect=True)
def test_other_type_read_back(served: Client) -> None:
    path = store.READ_BACK_FIELDS[faults.TYPE_FIELD]
    other = changed(SAVE_BODY, path, f"{value_at(SAVE_BODY, path)}-other")
    served.save(other)
    served.save(SAVE_BODY)
    assert len(served.read(SAVE_BODY, authorization=ADMINISTRATOR.authorization)) == 2

"""own_view_faults: each fault keeps the caller's own view consistent with itself and breaks
the promise that both views are one store, as its description says; through_siblings
answers the own operations for the harness's associate.

The reference app runs in-process through intercept.call_app; what the store holds is
read through the ForAssociate Get, as an administrator.
Seen failing by hand: ``keyed_to`` forwarding the own call unchanged; ``next_associate``
answering ``OWNER_ASSOCIATE``; ``own_get_cached`` clearing its cache on every call;
``remove_from_own_cache`` forwarding the own Remove to the app.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp

import spec_loader
from fault_lab import own_view_faults as own
from fault_lab import store_access as store
from fault_lab.intercept import Answer, Exchange, call_app
from reference_server.app import create_app
from reference_server.settings import Identity, Scheme, Settings
from spec_loader.auth import basic_authorization
from spec_loader.documents import value_at
from spec_loader.statuses import NO_CONTENT, OK

ADMINISTRATOR = "own-test:own-test-password"
OWNER = "own-test-owner:owner-password"
CARRIER = value_at(store.SAVE_BODY, store.CARRIER_PATH)
KIND = store.SAVE_BODY[own.KIND_FIELD]
OWN_SAVE_BODY = {
    name: value for name, value in store.SAVE_BODY.items() if name != own.ASSOCIATE_FIELD
}
NAMES = {fault.name: fault.wrap for fault in own.OWN_VIEW_FAULTS}


class Views:
    """The reference app, wrapped as a test says: the owner's own view, and the store."""

    def __init__(self, folder: Path, wrap: Any = None) -> None:
        folder.mkdir(exist_ok=True)
        settings = Settings(
            database=folder / "credentials.sqlite3",
            identities=(
                Identity(Scheme.BASIC, ADMINISTRATOR),
                Identity(Scheme.BASIC, OWNER, associate_id=own.OWNER_ASSOCIATE),
                Identity(Scheme.BASIC, ":".join(store.SYSTEM_USER), system_user=True),
            ),
        )
        app: ASGIApp = create_app(settings)
        self.app = wrap(app) if wrap else app

    def call(self, operation_id: str, body: Any, user: str = OWNER) -> Answer:
        op = spec_loader.operation(store.SPEC, operation_id)
        headers = {
            "authorization": basic_authorization(user),
            "content-type": store.REQUEST_JSON_TYPES[operation_id][0],
            "accept": store.ANSWER_JSON_TYPES[0],
        }
        request = Exchange(op.method.upper(), op.path, "", headers, json.dumps(body).encode())
        return asyncio.run(call_app(self.app, request))

    def own_save(self, body: Any = None, user: str = OWNER) -> None:
        assert self.call(own.OWN_SAVE, body or OWN_SAVE_BODY, user).status == NO_CONTENT

    def own_remove(self) -> None:
        key = {own.KIND_FIELD: KIND, own.IDENTITY_FIELD: CARRIER[own.IDENTITY_FIELD]}
        assert self.call(own.OWN_REMOVE, key).status == NO_CONTENT

    def own_items(self) -> list[Any]:
        answer = self.call(own.OWN_GET, {own.KIND_FIELD: KIND})
        assert answer.status == OK
        items: list[Any] = json.loads(answer.body)
        return items

    def stored_for(self, associate: int) -> int:
        """How many credentials the store holds for ``associate`` under the example's Type."""
        group = {own.ASSOCIATE_FIELD: associate, own.KIND_FIELD: KIND}
        answer = self.call(store.GET, group, ADMINISTRATOR)
        assert answer.status == OK
        return len(json.loads(answer.body))


def test_through_siblings_saves_any_caller_own_credential_for_the_harness_associate(
    tmp_path: Path,
) -> None:
    views = Views(tmp_path, own.through_siblings)
    views.own_save(user=ADMINISTRATOR)  # no associate of its own: the harness's instead
    assert views.stored_for(own.OWNER_ASSOCIATE) == 1
    assert [item[own.IDENTITY_FIELD] for item in views.own_items()] == [CARRIER[own.IDENTITY_FIELD]]


def test_keyed_to_the_next_associate_stores_there(tmp_path: Path) -> None:
    views = Views(tmp_path, NAMES["own_keyed_to_next_associate"])
    views.own_save()
    assert len(views.own_items()) == 1
    assert views.stored_for(own.OWNER_ASSOCIATE) == 0
    assert views.stored_for(own.OWNER_ASSOCIATE + 1) == 1


def test_an_own_save_takes_a_stray_associate_of_its_body(tmp_path: Path) -> None:
    views = Views(tmp_path, NAMES["own_save_takes_body_associate"])
    views.own_save({**OWN_SAVE_BODY, own.ASSOCIATE_FIELD: 7})
    assert views.stored_for(7) == 1
    assert views.stored_for(own.OWNER_ASSOCIATE) == 0
    views.own_save()
    assert views.stored_for(own.OWNER_ASSOCIATE) == 1


def test_an_own_remove_from_the_view_cache_leaves_the_store(tmp_path: Path) -> None:
    views = Views(tmp_path, NAMES["own_remove_from_view_cache"])
    views.own_save()
    views.own_remove()
    assert views.own_items() == []
    assert views.stored_for(own.OWNER_ASSOCIATE) == 1
    views.own_save()
    assert len(views.own_items()) == 1


def test_an_own_get_from_a_stale_cache_misses_the_other_view_writes(tmp_path: Path) -> None:
    plain, faulty = (
        Views(tmp_path / "plain"),
        Views(tmp_path / "faulty", NAMES["own_get_from_stale_cache"]),
    )
    for views in (plain, faulty):
        assert views.own_items() == []
        assert views.call(store.SAVE, store.SAVE_BODY, ADMINISTRATOR).status == NO_CONTENT
    assert len(plain.own_items()) == 1
    assert faulty.own_items() == []
    faulty.own_save()
    assert len(faulty.own_items()) == 1

"""store_access: a fault's key of a Save or Remove, the credential it finds under that key,
and the calls that put the store back, built from the spec's credential links.

The forward of these tests is a stand-in that records each call and answers as told.
Seen failing by hand: ``holds_key`` comparing PublicValue without ``or ""``; ``key_of``
reading a Save's fields at their Remove names (``{f: (f,) ...}`` for both operations).
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from typing import Any

import pytest

import spec_loader
from fault_lab import store_access as store
from fault_lab.intercept import Answer, Exchange
from spec_loader.documents import value_at
from spec_loader.statuses import NO_CONTENT, OK

((IDENTITY_FIELD, ITEM_IDENTITY),) = store.ITEM_KEY_FIELDS.items()
CARRIER = value_at(store.SAVE_BODY, store.CARRIER_PATH)


def request_to(operation_id: str, body: Any, content_type: str | None = None) -> Exchange:
    op = spec_loader.operation(store.SPEC, operation_id)
    headers = {"content-type": content_type or store.REQUEST_JSON_TYPES[operation_id][0]}
    return Exchange(op.method.upper(), op.path, "", headers, json.dumps(body).encode())


def save_key() -> dict[str, Any]:
    """The key of the spec's Save example, read through the links' pointers."""
    return {field: value_at(store.SAVE_BODY, path) for field, path in store.REMOVE_FIELDS.items()}


class Recorder:
    """A forward that records each call and answers each with the next of ``answers``."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.calls: list[Exchange] = []

    async def __call__(self, call: Exchange) -> Answer:
        self.calls.append(call)
        return self.answers.pop(0)

    def bodies(self) -> list[tuple[str | None, Any]]:
        return [(store.operation_of(call), json.loads(call.body)) for call in self.calls]


def test_a_save_and_a_remove_of_one_credential_have_one_key() -> None:
    key = save_key()
    assert key[IDENTITY_FIELD] == CARRIER[ITEM_IDENTITY]
    assert store.key_of(request_to(store.SAVE, store.SAVE_BODY)) == key
    assert store.key_of(request_to(store.REMOVE, key)) == key


def test_only_a_json_object_in_a_json_media_type_is_read() -> None:
    xml_type = next(
        media_type
        for media_type in spec_loader.request_media_types(store.SPEC, store.SAVE)
        if media_type not in store.REQUEST_JSON_TYPES[store.SAVE]
    )
    assert store.key_of(request_to(store.SAVE, store.SAVE_BODY, xml_type)) is None
    assert store.json_document(request_to(store.SAVE, [store.SAVE_BODY])) is None
    not_json = request_to(store.SAVE, {})
    assert store.json_document(replace(not_json, body=b"{")) is None
    outside = Exchange("POST", "/not-in-the-spec", "", {}, b"{}")
    assert store.operation_of(outside) is None
    assert store.json_document(outside) is None


@pytest.mark.parametrize("absent", [None, "", "left out"])
def test_no_public_value_is_the_empty_public_value(absent: str | None) -> None:
    item = {**CARRIER}
    if absent == "left out":
        del item[ITEM_IDENTITY]
    else:
        item[ITEM_IDENTITY] = absent
    assert store.holds_key(item, {**save_key(), IDENTITY_FIELD: None})
    assert store.holds_key(item, {**save_key(), IDENTITY_FIELD: ""})
    assert not store.holds_key(item, save_key())
    assert store.holds_key(CARRIER, save_key())


def test_set_value_at_makes_the_missing_parents() -> None:
    document: dict[str, Any] = {"kept": 1}
    store.set_value_at(document, ("a", "b", "c"), 2)
    store.set_value_at(document, ("a", "d"), 3)
    assert document == {"kept": 1, "a": {"b": {"c": 2}, "d": 3}}


def test_answered_items_are_a_json_200_list_only() -> None:
    json_type = f"{store.ANSWER_JSON_TYPES[0]}; charset=utf-8"
    listed = json.dumps([CARRIER]).encode()
    assert store.answered_items(Answer(OK, {"content-type": json_type}, listed)) == [CARRIER]
    assert store.answered_items(Answer(NO_CONTENT, {"content-type": json_type}, listed)) is None
    assert store.answered_items(Answer(OK, {"content-type": "application/xml"}, listed)) is None
    assert store.answered_items(Answer(OK, {"content-type": json_type}, b"{}")) is None


def test_stored_reads_the_group_as_the_system_user_and_picks_the_key() -> None:
    other = {**CARRIER, ITEM_IDENTITY: "another"}
    listed = json.dumps([other, CARRIER]).encode()
    forward = Recorder(Answer(OK, {"content-type": store.ANSWER_JSON_TYPES[0]}, listed))
    caller = request_to(store.SAVE, store.SAVE_BODY)
    found = asyncio.run(store.stored(forward, caller, save_key()))
    assert found == CARRIER
    [(operation_id, body)] = forward.bodies()
    assert operation_id == store.GET
    assert body == {field: save_key()[field] for field in store.READ_BACK_FIELDS}
    assert forward.calls[0].headers["authorization"] == store.SYSTEM_AUTHORIZATION


def test_put_back_removes_or_saves_the_whole_previous_credential() -> None:
    caller = request_to(store.SAVE, store.SAVE_BODY)
    forward = Recorder(Answer(NO_CONTENT), Answer(NO_CONTENT))
    asyncio.run(store.put_back(forward, caller, save_key(), None))
    asyncio.run(store.put_back(forward, caller, save_key(), CARRIER))
    assert forward.bodies() == [(store.REMOVE, save_key()), (store.SAVE, store.SAVE_BODY)]
    assert {call.headers["authorization"] for call in forward.calls} == {store.SYSTEM_AUTHORIZATION}


def test_an_own_call_refused_is_said_loudly() -> None:
    caller = request_to(store.SAVE, store.SAVE_BODY)
    with pytest.raises(RuntimeError, match="answered 500"):
        asyncio.run(store.put_back(Recorder(Answer(500)), caller, save_key(), None))

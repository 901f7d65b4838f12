"""Each read-back fault and variation does what it claims, on crafted requests.

The kill matrix proves that the suite catches each fault; these tests prove that each
fault is the fault it claims to be, and that each variation stays within the spec, so
that a kill (or a pass) is not one of something else. The wrapped app is a scripted
stand-in that answers as the test says and records the calls it gets.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import jsonschema_rs
import pytest
from starlette.types import ASGIApp

import spec_loader
from fault_lab import read_back_faults as faults
from fault_lab.faults import fault_named
from fault_lab.intercept import Answer, Exchange, Forward, around, call_app
from fault_lab.planted_fault import Fault, Variation
from fault_lab.store_access import (
    ANSWER_JSON_TYPES,
    CARRIER_PATH,
    GET,
    ITEM_KEY_FIELDS,
    READ_BACK_FIELDS,
    REMOVE,
    REMOVE_FIELDS,
    REQUEST_JSON_TYPES,
    SAVE,
    SAVE_BODY,
    SPEC,
    SYSTEM_AUTHORIZATION,
    example_body,
)
from spec_loader.documents import value_at
from spec_loader.statuses import NO_CONTENT, OK, spec_key

Items = list[dict[str, Any]]
CALLER = "Basic Y2FsbGVyOnBhc3N3b3Jk"
SAVED = NO_CONTENT
GET_200 = spec_loader.response(SPEC, GET, spec_key(OK))["content"]
XML_ANSWER_TYPE = next(media_type for media_type in GET_200 if media_type.endswith("xml"))
ANSWER_VALIDATOR = jsonschema_rs.validator_for(
    GET_200[ANSWER_JSON_TYPES[0]]["schema"], validate_formats=True
)
READ_BACK_EXAMPLE: Items = next(iter(GET_200[ANSWER_JSON_TYPES[0]]["examples"].values()))["value"]


def request_to(operation_id: str, body: dict[str, Any], media_type: str | None = None) -> Exchange:
    op = spec_loader.operation(SPEC, operation_id)
    headers = {
        "content-type": media_type or REQUEST_JSON_TYPES[operation_id][0],
        "authorization": CALLER,
    }
    return Exchange(op.method.upper(), op.path, "", headers, json.dumps(body).encode())


def read_back_of(items: Items, media_type: str = ANSWER_JSON_TYPES[0]) -> Answer:
    return Answer(OK, {"content-type": f"{media_type}; charset=utf-8"}, json.dumps(items).encode())


def two_credentials() -> Items:
    """The spec's read-back example, and an inactive copy of it under another PublicValue."""
    first = dict(READ_BACK_EXAMPLE[0])
    inactive = {**first, faults.FLAG_FIELD: False}
    for name in ITEM_KEY_FIELDS.values():
        inactive[name] = f"{first[name]}-other"
    return [first, inactive]


class StandIn:
    """The wrapped app: answers each call with ``respond`` and records it."""

    def __init__(self, respond: Callable[[Exchange], Answer]) -> None:
        self.respond = respond
        self.calls: list[Exchange] = []

    def app(self) -> ASGIApp:
        async def handle(request: Exchange, forward: Forward) -> Answer:
            self.calls.append(request)
            return self.respond(request)

        async def never_called(scope: Any, receive: Any, send: Any) -> None:
            raise AssertionError("the stand-in answers every call itself")

        return around(handle)(never_called)

    def operations(self) -> list[tuple[str, str]]:
        """Each call as (operation path, authorization)."""
        return [(call.path, call.headers.get("authorization", "")) for call in self.calls]


def path_of(operation_id: str) -> str:
    return spec_loader.operation(SPEC, operation_id).path


def store_answering(stored: Items, status: int = SAVED) -> Callable[[Exchange], Answer]:
    """Get answers ``stored``; Save and Remove answer ``status``."""

    def respond(request: Exchange) -> Answer:
        if request.path == path_of(GET):
            return read_back_of(stored)
        return Answer(status)

    return respond


def through(wrapper: Fault | Variation, stand_in: StandIn, request: Exchange) -> Answer:
    return asyncio.run(call_app(wrapper.wrap(stand_in.app()), request))


def answered_items(wrapper: Fault | Variation, items: Items, media_type: str | None = None) -> Any:
    stand_in = StandIn(lambda request: read_back_of(items, media_type or ANSWER_JSON_TYPES[0]))
    answer = through(wrapper, stand_in, request_to(GET, example_body(GET)))
    return json.loads(answer.body)


def instant(value: str) -> datetime:
    return datetime.fromisoformat(value)


def stored_version() -> Items:
    """What a Get as a system user answers for the example's key: the example, with a secret."""
    secret = value_at(SAVE_BODY, (*CARRIER_PATH, faults.SECRET_FIELDS[0]))
    return [{**READ_BACK_EXAMPLE[0], faults.SECRET_FIELDS[0]: secret}]


def test_the_example_read_back_is_valid_to_start_with() -> None:
    assert ANSWER_VALIDATOR.is_valid(two_credentials())


# --- faults in what is stored ---------------------------------------------------------


def test_save_dropped_removes_what_a_new_save_stored() -> None:
    stand_in = StandIn(store_answering([]))
    answer = through(fault_named("save_dropped"), stand_in, request_to(SAVE, SAVE_BODY))
    assert answer.status == SAVED
    assert stand_in.operations() == [
        (path_of(GET), SYSTEM_AUTHORIZATION),
        (path_of(SAVE), CALLER),
        (path_of(REMOVE), SYSTEM_AUTHORIZATION),
    ]
    removed = json.loads(stand_in.calls[-1].body)
    assert removed == {field: value_at(SAVE_BODY, path) for field, path in REMOVE_FIELDS.items()}


@pytest.mark.parametrize("name", ["save_dropped", "first_write_wins"])
def test_a_save_taken_back_puts_the_earlier_version_back(name: str) -> None:
    stand_in = StandIn(store_answering(stored_version()))
    answer = through(fault_named(name), stand_in, request_to(SAVE, SAVE_BODY))
    assert answer.status == SAVED
    assert stand_in.operations()[-1] == (path_of(SAVE), SYSTEM_AUTHORIZATION)
    put_back = json.loads(stand_in.calls[-1].body)
    assert value_at(put_back, CARRIER_PATH) == stored_version()[0]
    assert {field: put_back[path[0]] for field, path in READ_BACK_FIELDS.items()} == {
        field: SAVE_BODY[path[0]] for field, path in READ_BACK_FIELDS.items()
    }


def test_first_write_wins_keeps_a_new_key() -> None:
    stand_in = StandIn(store_answering([]))
    through(fault_named("first_write_wins"), stand_in, request_to(SAVE, SAVE_BODY))
    assert [path for path, _ in stand_in.operations()] == [path_of(GET), path_of(SAVE)]


@pytest.mark.parametrize("name", ["save_dropped", "first_write_wins", "remove_removes_nothing"])
def test_a_refused_call_is_answered_as_the_server_answered_it(name: str) -> None:
    stand_in = StandIn(store_answering(stored_version(), status=400))
    operation_id = REMOVE if name.startswith("remove") else SAVE
    body = SAVE_BODY if operation_id == SAVE else example_body(REMOVE)
    answer = through(fault_named(name), stand_in, request_to(operation_id, body))
    assert answer.status == 400
    assert [path for path, _ in stand_in.operations()] == [path_of(GET), path_of(operation_id)]


def test_an_xml_save_is_left_alone() -> None:
    xml_type = next(
        media_type
        for media_type in spec_loader.request_media_types(SPEC, SAVE)
        if media_type.endswith("xml")
    )
    stand_in = StandIn(store_answering([]))
    through(fault_named("save_dropped"), stand_in, request_to(SAVE, SAVE_BODY, xml_type))
    assert [path for path, _ in stand_in.operations()] == [path_of(SAVE)]


def test_remove_removes_nothing_saves_the_credential_again() -> None:
    stand_in = StandIn(store_answering(stored_version()))
    answer = through(
        fault_named("remove_removes_nothing"), stand_in, request_to(REMOVE, example_body(REMOVE))
    )
    assert answer.status == SAVED
    assert stand_in.operations()[1:] == [
        (path_of(REMOVE), CALLER),
        (path_of(SAVE), SYSTEM_AUTHORIZATION),
    ]
    assert value_at(json.loads(stand_in.calls[-1].body), CARRIER_PATH) == stored_version()[0]


@pytest.mark.parametrize(
    ("associate", "stored_as"),
    [
        pytest.param(42, 43, id="moved up"),
        pytest.param(
            faults.READ_BACK_PROPERTIES[faults.ASSOCIATE_FIELD]["maximum"],
            faults.READ_BACK_PROPERTIES[faults.ASSOCIATE_FIELD]["maximum"] - 1,
            id="the maximum, moved down",
        ),
        pytest.param(0, 0, id="invalid, left alone"),
        pytest.param(True, True, id="a boolean, left alone"),
    ],
)
def test_saved_under_another_associate(associate: Any, stored_as: Any) -> None:
    field = READ_BACK_FIELDS[faults.ASSOCIATE_FIELD][0]
    stand_in = StandIn(store_answering([]))
    through(
        fault_named("saved_under_another_associate"),
        stand_in,
        request_to(SAVE, {**SAVE_BODY, field: associate}),
    )
    stored = json.loads(stand_in.calls[0].body)[field]
    assert stored == stored_as
    assert type(stored) is type(associate)


# --- faults in what a Get answers -------------------------------------------------------


def test_an_answer_edit_leaves_xml_answers_alone() -> None:
    fault = fault_named("inactive_hidden")
    stand_in = StandIn(lambda request: read_back_of(two_credentials(), XML_ANSWER_TYPE))
    answer = through(fault, stand_in, request_to(GET, example_body(GET)))
    assert json.loads(answer.body) == two_credentials()


def test_text_field_dropped() -> None:
    items = answered_items(fault_named("text_field_dropped"), two_credentials())
    assert all(faults.TEXT_FIELD not in item for item in items)
    assert ANSWER_VALIDATOR.is_valid(items)


def test_flag_flipped() -> None:
    items = answered_items(fault_named("flag_flipped"), two_credentials())
    flags = [item[faults.FLAG_FIELD] for item in two_credentials()]
    assert [item[faults.FLAG_FIELD] for item in items] == [not flag for flag in flags]


def test_date_moved_by_an_hour() -> None:
    items = answered_items(fault_named("date_moved_by_an_hour"), two_credentials())
    name = faults.DATE_FIELDS[0]
    for old, new in zip(two_credentials(), items, strict=True):
        assert instant(new[name]) - instant(old[name]) == timedelta(hours=1)
    assert ANSWER_VALIDATOR.is_valid(items)


def test_inactive_hidden() -> None:
    items = answered_items(fault_named("inactive_hidden"), two_credentials())
    assert items == [item for item in two_credentials() if item[faults.FLAG_FIELD]]


def test_secret_shown_reads_again_as_a_system_user() -> None:
    def respond(request: Exchange) -> Answer:
        shown = request.headers["authorization"] == SYSTEM_AUTHORIZATION
        return read_back_of(stored_version() if shown else READ_BACK_EXAMPLE)

    stand_in = StandIn(respond)
    answer = through(
        fault_named("secret_shown_to_administrator"), stand_in, request_to(GET, example_body(GET))
    )
    assert json.loads(answer.body) == stored_version()
    assert stand_in.operations() == [(path_of(GET), CALLER), (path_of(GET), SYSTEM_AUTHORIZATION)]


def test_other_type_read_back_adds_the_credentials_of_the_type_saved_before() -> None:
    type_field = READ_BACK_FIELDS[faults.TYPE_FIELD][0]
    other_type = {**SAVE_BODY, type_field: f"{SAVE_BODY[type_field]}-other"}

    def respond(request: Exchange) -> Answer:
        if request.path != path_of(GET):
            return Answer(SAVED)
        asked = json.loads(request.body)[type_field]
        return read_back_of([{**READ_BACK_EXAMPLE[0], faults.TEXT_FIELD: asked}])

    wrapped = fault_named("other_type_read_back").wrap(StandIn(respond).app())

    async def save_two_then_read() -> Answer:
        await call_app(wrapped, request_to(SAVE, other_type))
        await call_app(wrapped, request_to(SAVE, SAVE_BODY))
        return await call_app(wrapped, request_to(GET, example_body(GET)))

    items = json.loads(asyncio.run(save_two_then_read()).body)
    assert [item[faults.TEXT_FIELD] for item in items] == [
        SAVE_BODY[type_field],
        other_type[type_field],
    ]


# --- conformant variations --------------------------------------------------------------


@pytest.mark.parametrize(
    "variation", faults.CONFORMANT_VARIATIONS, ids=[v.name for v in faults.CONFORMANT_VARIATIONS]
)
def test_a_variation_changes_the_answer_within_the_spec(variation: Variation) -> None:
    items = answered_items(variation, two_credentials())
    assert items != two_credentials()
    assert ANSWER_VALIDATOR.is_valid(items)


def variation_named(name: str) -> Variation:
    return next(v for v in faults.CONFORMANT_VARIATIONS if v.name == name)


def test_dates_in_utc_are_the_same_instants_written_the_vendor_way() -> None:
    items = answered_items(variation_named("dates_in_utc_with_seven_digits"), two_credentials())
    for old, new in zip(two_credentials(), items, strict=True):
        for name in faults.DATE_FIELDS:
            assert new[name].endswith("Z")
            assert len(new[name].rsplit(".", 1)[1]) == len("0000000Z")
            assert abs(instant(new[name]) - instant(old[name])) < timedelta(seconds=1)


def test_a_date_without_offset_or_out_of_range_is_left_as_it_is() -> None:
    name = faults.DATE_FIELDS[0]
    for value in ("2019-07-14T03:24:48", "0001-01-01T00:00:00+02:00"):
        item = {**READ_BACK_EXAMPLE[0], name: value}
        faults.dates_in_utc_with_seven_digits(item)
        assert item[name] == value


def test_server_filled_fields_are_filled() -> None:
    items = answered_items(variation_named("server_filled_fields"), two_credentials())
    assert all(item[name] for item in items for name in faults.SERVER_FILLED_FIELDS)


def test_a_hidden_secret_is_nulled_and_a_shown_one_kept() -> None:
    variation = variation_named("hidden_secret_as_null")
    items = answered_items(variation, two_credentials())
    assert all(item[name] is None for item in items for name in faults.SECRET_FIELDS)
    assert answered_items(variation, stored_version()) == stored_version()

"""Planted faults in what the server does, not in what it answers, and conformant variations.

Each fault answers a save, a read-back or a remove exactly as the reference server
does, except for the one thing it breaks in the effect: what is stored, what a Get
returns, what a Remove leaves. Only the suite's read-back can tell (issue 13). The
conformant variations change a Get's answer in ways the spec allows; the suite must
pass them.

Edits of a Get's answer apply to JSON answers only: the suite's read-back asks for
JSON, so that is where it must see the fault (and tolerate the variation); an XML
answer is left as the server wrote it. The fields an edit touches are found in the
spec's schema of the Get answer by their type: the date-times, the boolean (IsActive),
the free text (a string that is neither a secret, a date nor part of the key: Comment),
the secret and the server-filled (readOnly) fields.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from starlette.types import ASGIApp

import spec_loader
from fault_lab.intercept import Answer, EditAnswer, Exchange, Forward, around, intercept
from fault_lab.planted_fault import MODEL_PHASE, Fault, Variation
from fault_lab.store_access import (
    ANSWER_JSON_TYPES,
    GET,
    ITEM_KEY_FIELDS,
    READ_BACK_FIELDS,
    REMOVE,
    SAVE,
    SPEC,
    Document,
    Key,
    answered_items,
    as_system_user,
    json_document,
    key_of,
    operation_of,
    own_call,
    put_back,
    read_back_body,
    set_value_at,
    stored,
)
from fault_lab.wire import edit_get_answer
from spec_loader.documents import value_at
from spec_loader.statuses import NO_CONTENT, OK, spec_key

GET_ANSWER = spec_loader.response(SPEC, GET, spec_key(OK))["content"][ANSWER_JSON_TYPES[0]]
ITEM_SCHEMA = GET_ANSWER["schema"]["items"]
ITEM_PROPERTIES: dict[str, Any] = ITEM_SCHEMA["properties"]
SECRET_FIELDS = [path[0] for path in spec_loader.secret_paths(ITEM_SCHEMA)]


def types_of(schema: dict[str, Any]) -> set[str]:
    declared = schema.get("type", [])
    return {declared} if isinstance(declared, str) else set(declared)


def fields_where(holds: Callable[[str, dict[str, Any]], bool]) -> list[str]:
    return [name for name, schema in ITEM_PROPERTIES.items() if holds(name, schema)]


DATE_FIELDS = fields_where(lambda name, schema: schema.get("format") == "date-time")
FLAG_FIELD = fields_where(lambda name, schema: types_of(schema) == {"boolean"})[0]
TEXT_FIELD = fields_where(
    lambda name, schema: (
        "string" in types_of(schema)
        and "format" not in schema
        and name not in ITEM_KEY_FIELDS.values()
    )
)[0]
SERVER_FILLED_FIELDS = fields_where(lambda name, schema: bool(schema.get("readOnly")))
READ_BACK_PROPERTIES = spec_loader.request_schema(SPEC, GET)["properties"]
# Of the two fields a Get asks by, the number is AssociateId and the other one is Type.
ASSOCIATE_FIELD = next(
    field for field in READ_BACK_FIELDS if types_of(READ_BACK_PROPERTIES[field]) == {"integer"}
)
TYPE_FIELD = next(field for field in READ_BACK_FIELDS if field != ASSOCIATE_FIELD)
Items = list[Document]


def edit_read_back(edit_items: Callable[[Items], Items]) -> EditAnswer:
    """An answer edit that changes the credentials of a Get answered in JSON."""

    def edit(request: Exchange, answer: Answer) -> Answer:
        items = answered_items(answer) if operation_of(request) == GET else None
        if items is None:
            return answer
        return replace(answer, body=json.dumps(edit_items(items)).encode())

    return edit


def each_item(edit: Callable[[Document], None]) -> Callable[[Items], Items]:
    def edit_all(items: Items) -> Items:
        for item in items:
            edit(item)
        return items

    return edit_all


def parsed_date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


# --- faults ------------------------------------------------------------------------


def taken_back(operation_id: str, only_over_an_earlier_one: bool) -> Callable[[ASGIApp], ASGIApp]:
    """Saves (or removes) answered as the server answers them, with the store then put
    back as it was before: each one is lost, or (``only_over_an_earlier_one``) only
    those that change a credential already stored, as when the first write wins."""

    async def handle(request: Exchange, forward: Forward) -> Answer:
        key = key_of(request) if operation_of(request) == operation_id else None
        if key is None:
            return await forward(request)
        previous = await stored(forward, request, key)
        answer = await forward(request)
        if answer.status == NO_CONTENT and (previous or not only_over_an_earlier_one):
            await put_back(forward, request, key, previous)
        return answer

    return around(handle)


def saved_under_next_associate(request: Exchange) -> Exchange:
    body = json_document(request) if operation_of(request) == SAVE else None
    path = READ_BACK_FIELDS[ASSOCIATE_FIELD]
    associate = value_at(body, path)
    limits = READ_BACK_PROPERTIES[ASSOCIATE_FIELD]
    # Only a valid id is moved, to another valid one: the server's answer stays the same.
    if body is None or type(associate) is not int:
        return request
    if not limits["minimum"] <= associate <= limits["maximum"]:
        return request
    set_value_at(body, path, associate + 1 if associate < limits["maximum"] else associate - 1)
    return replace(request, body=json.dumps(body).encode())


def drop_text(item: Document) -> None:
    if isinstance(item.get(TEXT_FIELD), str):
        del item[TEXT_FIELD]


def flip_flag(item: Document) -> None:
    if isinstance(item.get(FLAG_FIELD), bool):
        item[FLAG_FIELD] = not item[FLAG_FIELD]


def move_date_by_an_hour(item: Document) -> None:
    date = parsed_date(item.get(DATE_FIELDS[0]))
    if date is None:
        return
    try:
        moved = date + timedelta(hours=1)
    except OverflowError:
        moved = date - timedelta(hours=1)
    item[DATE_FIELDS[0]] = moved.isoformat()


def without_inactive(items: Items) -> Items:
    return [item for item in items if item.get(FLAG_FIELD) is not False]


async def read_as_system_user(request: Exchange, forward: Forward) -> Answer:
    answer = await forward(request)
    if operation_of(request) == GET and answer.status == OK:
        # Authenticated as the caller, then read with a system user's rights.
        return await forward(as_system_user(request))
    return answer


def with_another_types_credentials(app: ASGIApp) -> ASGIApp:
    """A Get also answers the credentials last saved under another Type (of the same
    associate when there is one)."""
    saved: list[Key] = []

    async def handle(request: Exchange, forward: Forward) -> Answer:
        answer = await forward(request)
        operation_id = operation_of(request)
        if operation_id == SAVE and answer.status == NO_CONTENT:
            key = key_of(request)
            if key is not None:
                saved.append(key)
            return answer
        asked = json_document(request) if operation_id == GET else None
        items = answered_items(answer)
        if asked is None or items is None:
            return answer
        others = [key for key in saved if key[TYPE_FIELD] != asked.get(TYPE_FIELD)]
        mine = [key for key in others if key[ASSOCIATE_FIELD] == asked.get(ASSOCIATE_FIELD)]
        if not others:
            return answer
        other = (mine or others)[-1]
        foreign = answered_items(await forward(own_call(request, GET, read_back_body(other))))
        return replace(answer, body=json.dumps([*items, *(foreign or [])]).encode())

    return around(handle)(app)


# --- conformant variations -----------------------------------------------------------


def dates_moved_to(zone: tzinfo, item: Document, written: Callable[[datetime], str]) -> None:
    """Each date of ``item`` as the same instant in ``zone``, ``written`` as a server would."""
    for name in DATE_FIELDS:
        date = parsed_date(item.get(name))
        if date is None or date.tzinfo is None:
            continue
        try:
            moved = date.astimezone(zone)
        except OverflowError:
            continue
        item[name] = written(moved)


def dates_in_utc_with_seven_digits(item: Document) -> None:
    """The vendor's other way of writing the same instant: ``2019-07-14T01:24:48.5653810Z``."""
    dates_moved_to(
        UTC, item, lambda date: date.replace(tzinfo=None).isoformat(timespec="microseconds") + "0Z"
    )


def example_of(schema: dict[str, Any]) -> Any:
    """A value for ``schema`` made of the spec's own examples; a map gets one entry per
    field that a client sets (FieldProperties is keyed by field name)."""
    if "example" in schema:
        return schema["example"]
    for branch in schema.get("anyOf", []):
        if "null" not in types_of(branch):
            return example_of(branch)
    if "properties" in schema:
        return {name: example_of(child) for name, child in schema["properties"].items()}
    entries = schema.get("additionalProperties")
    if isinstance(entries, dict):
        return {
            name: example_of(entries)
            for name in ITEM_PROPERTIES
            if name not in SERVER_FILLED_FIELDS
        }
    return None


SERVER_FILLED = {name: example_of(ITEM_PROPERTIES[name]) for name in SERVER_FILLED_FIELDS}


def fill_server_fields(item: Document) -> None:
    item.update(json.loads(json.dumps(SERVER_FILLED)))


def null_for_hidden_secret(item: Document) -> None:
    for name in SECRET_FIELDS:
        item.setdefault(name, None)


def reversed_order(items: Items) -> Items:
    return items[::-1]


READ_BACK_FAULTS = (
    Fault(
        "save_dropped",
        "answers a save 204 and stores nothing",
        "saved_credential_reads_back",
        taken_back(SAVE, only_over_an_earlier_one=False),
        only=MODEL_PHASE,
    ),
    Fault(
        "first_write_wins",
        "ignores a save of a key already stored",
        "saved_credential_reads_back",
        taken_back(SAVE, only_over_an_earlier_one=True),
        only=MODEL_PHASE,
    ),
    Fault(
        "saved_under_another_associate",
        f"stores a save under {ASSOCIATE_FIELD} + 1",
        "saved_credential_reads_back",
        intercept(edit_request=saved_under_next_associate),
        only=MODEL_PHASE,
    ),
    Fault(
        "text_field_dropped",
        f"reads back without {TEXT_FIELD}",
        "saved_credential_reads_back",
        intercept(edit_answer=edit_read_back(each_item(drop_text))),
        only=MODEL_PHASE,
    ),
    Fault(
        "flag_flipped",
        f"reads back {FLAG_FIELD} negated",
        "saved_credential_reads_back",
        intercept(edit_answer=edit_read_back(each_item(flip_flag))),
        only=MODEL_PHASE,
    ),
    Fault(
        "date_moved_by_an_hour",
        f"reads back {DATE_FIELDS[0]} an hour later",
        "saved_credential_reads_back",
        intercept(edit_answer=edit_read_back(each_item(move_date_by_an_hour))),
        only=MODEL_PHASE,
    ),
    Fault(
        "secret_shown_to_administrator",
        f"reads back {', '.join(SECRET_FIELDS)} to an identity that may not see it",
        "secret_visibility",
        around(read_as_system_user),
        only=MODEL_PHASE,
    ),
    Fault(
        "inactive_hidden",
        f"reads back only credentials whose {FLAG_FIELD} is true",
        "saved_credential_reads_back",
        intercept(edit_answer=edit_read_back(without_inactive)),
        only=MODEL_PHASE,
    ),
    Fault(
        "remove_removes_nothing",
        "answers a remove 204 and keeps the credential",
        "removed_credential_is_gone",
        # With nothing stored before, there is nothing to keep.
        taken_back(REMOVE, only_over_an_earlier_one=True),
        only=MODEL_PHASE,
    ),
    Fault(
        "other_type_read_back",
        f"reads back the credentials of another {TYPE_FIELD} too",
        "no_foreign_credentials",
        with_another_types_credentials,
        only=MODEL_PHASE,
    ),
)


def variation(name: str, changes: str, edit_items: Callable[[Items], Items]) -> Variation:
    return Variation(name, changes, intercept(edit_answer=edit_read_back(edit_items)))


CONFORMANT_VARIATIONS = (
    variation(
        "dates_in_utc_with_seven_digits",
        f"reads back {', '.join(DATE_FIELDS)} in UTC, with Z and 7 fractional digits",
        each_item(dates_in_utc_with_seven_digits),
    ),
    variation(
        "server_filled_fields",
        f"reads back {', '.join(SERVER_FILLED_FIELDS)} filled in from the spec's examples",
        each_item(fill_server_fields),
    ),
    variation(
        "hidden_secret_as_null",
        f"writes a hidden {', '.join(SECRET_FIELDS)} as null instead of leaving it out",
        each_item(null_for_hidden_secret),
    ),
    Variation(
        "reversed_order",
        "reads back the credentials in reverse order, in JSON and XML answers alike",
        intercept(edit_answer=edit_get_answer(lambda request, items: reversed_order(items))),
    ),
)

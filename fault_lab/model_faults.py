"""Planted faults that only the model phase can see, and variations it must pass.

Each is written from a promise of the spec and from what real implementations get wrong,
as an ASGI wrapper around the reference server (intercept.py): it answers as the server
does, and breaks what is stored, what a Get returns, or the media type it answers in.

- Keys matched by some of their parts: an UPDATE or DELETE whose WHERE clause forgets
  PublicValue, Type or AssociateId (a copy-pasted query, a filter built by hand).
- Values mangled on their way into the store: a column that keeps Latin-1 only, or
  UCS-2 / three-byte UTF-8 (``?`` for what it cannot hold); a length counted in UTF-16
  code units (nvarchar) that cuts the longest text; a binder that trims trailing
  spaces; a normaliser that lower-cases PublicValue (host names, e-mail addresses).
- Dates whose offset is dropped (read as the server's own zone); the far future refused
  (SQL Server's datetime rounds .9999999 up past 9999-12-31).
- Answers: JSON whatever Accept asks for; an XML serializer that leaves out a field at
  its default (DataContract's ``EmitDefaultValue = false``); XML dates in a culture's
  format; no ORDER BY, so the order follows the query plan.
- Writes at once: a save written as two updates (a second statement for part of the
  fields, over whatever is stored by then), and a check-then-insert without a unique
  index, which doubles a key written twice at once.

The conformant variations do what the spec allows another way: key texts compared as
SQL Server's default collation compares them, keeping the first spelling or the last;
the credentials ordered by last save; XML answers in DataContractSerializer's namespace
and element order; dates in another offset.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

import defusedxml.ElementTree
from starlette.types import ASGIApp

import spec_loader
from fault_lab.intercept import Answer, Exchange, Forward, around, intercept
from fault_lab.planted_fault import MODEL_PHASE, Fault, Variation
from fault_lab.read_back_faults import DATE_FIELDS, FLAG_FIELD, dates_moved_to, parsed_date
from fault_lab.store_access import (
    ANSWER_JSON_TYPES,
    CARRIER_PATH,
    GET,
    ITEM_KEY_FIELDS,
    READ_BACK_FIELDS,
    REMOVE,
    REMOVE_FIELDS,
    SAVE,
    SPEC,
    SYSTEM_AUTHORIZATION,
    Document,
    Key,
    answered_items,
    checked,
    holds_key,
    operation_of,
    own_call,
    read_back_body,
    set_value_at,
)
from fault_lab.wire import Items, as_json, document, edit_get_answer, media_type
from spec_loader.documents import value_at
from spec_loader.media_types import XML_SYNTAX, body_syntax
from spec_loader.statuses import NO_CONTENT

SAVED = int(NO_CONTENT)
# The Remove field that names one credential of a group, and its name in a Get's items.
((IDENTITY_FIELD, ITEM_IDENTITY),) = ITEM_KEY_FIELDS.items()
CARRIER_SCHEMA = spec_loader.request_schema(SPEC, SAVE)
for _name in CARRIER_PATH:
    CARRIER_SCHEMA = CARRIER_SCHEMA["properties"][_name]
TEXT_LIMITS = {
    name: schema["maxLength"]
    for name, schema in CARRIER_SCHEMA["properties"].items()
    if "maxLength" in schema
}
GROUP_FIELDS = tuple(READ_BACK_FIELDS)
# Of the group fields, the integer one names the associate; the other is the Type.
ASSOCIATE_FIELD = next(
    name
    for name in GROUP_FIELDS
    if spec_loader.request_schema(SPEC, GET)["properties"][name].get("type") == "integer"
)
KIND_FIELD = next(name for name in GROUP_FIELDS if name != ASSOCIATE_FIELD)
DATA_CONTRACT_NAMESPACE = "http://schemas.datacontract.org/2004/07/SuperOffice.CRM.Services"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# The culture format SO-Culture: de gives dates in, instead of ISO 8601.
CULTURE_DATE = "%d.%m.%Y %H:%M:%S"


def key_of_any(request: Exchange) -> Key | None:
    """The key of a Save or Remove in any media type, as Remove's fields give it."""
    body = document(request)
    operation_id = operation_of(request)
    if body is None or operation_id not in (SAVE, REMOVE):
        return None
    paths = REMOVE_FIELDS if operation_id == SAVE else {name: (name,) for name in REMOVE_FIELDS}
    return {name: value_at(body, path) for name, path in paths.items()}


async def group_items(forward: Forward, request: Exchange, group: Document) -> Items:
    """Everything stored under (AssociateId, Type), secrets included (read as a system user)."""
    answer = await forward(own_call(request, GET, group, SYSTEM_AUTHORIZATION))
    return answered_items(answer) or []


async def remove_as_system(forward: Forward, request: Exchange, key: Key) -> None:
    await checked(forward, own_call(request, REMOVE, key, SYSTEM_AUTHORIZATION), SAVED)


async def save_as_system(forward: Forward, request: Exchange, key: Key, carrier: Document) -> None:
    body: Document = {}
    for name, path in READ_BACK_FIELDS.items():
        set_value_at(body, path, key[name])
    set_value_at(body, CARRIER_PATH, {**carrier, ITEM_IDENTITY: key[IDENTITY_FIELD]})
    await checked(forward, own_call(request, SAVE, body, SYSTEM_AUTHORIZATION), SAVED)


def after_success(
    operation_id: str, then: Callable[[Forward, Exchange, Key], Awaitable[None]]
) -> Callable[[ASGIApp], ASGIApp]:
    """The server's own answer to each ``operation_id`` call; after a success, ``then``."""

    async def handle(request: Exchange, forward: Forward) -> Answer:
        key = key_of_any(request) if operation_of(request) == operation_id else None
        answer = await forward(request)
        if key is not None and answer.status == SAVED:
            await then(forward, request, key)
        return answer

    return around(handle)


# --- keys matched by some of their parts ------------------------------------------


async def remove_rest_of_group(forward: Forward, request: Exchange, key: Key) -> None:
    """DELETE ... WHERE AssociateId = @a AND Type = @t: PublicValue forgotten."""
    group = read_back_body(key)
    for item in await group_items(forward, request, group):
        await remove_as_system(forward, request, {**group, IDENTITY_FIELD: item.get(ITEM_IDENTITY)})


async def overwrite_rest_of_group(forward: Forward, request: Exchange, key: Key) -> None:
    """UPDATE ... SET <the carrier> WHERE AssociateId = @a AND Type = @t."""
    group = read_back_body(key)
    saved = next(
        (item for item in await group_items(forward, request, group) if holds_key(item, key)), None
    )
    if saved is None:
        return
    for item in await group_items(forward, request, group):
        if not holds_key(item, key):
            carrier = {name: value for name, value in saved.items() if name != ITEM_IDENTITY}
            identity = {**group, IDENTITY_FIELD: item.get(ITEM_IDENTITY)}
            await save_as_system(forward, request, identity, carrier)


def remove_matching(ignored: str) -> Callable[[ASGIApp], ASGIApp]:
    """DELETE whose WHERE clause leaves out the group field ``ignored``: every credential
    that matches the rest of the key goes, in each group the server has seen a save of."""
    seen: set[tuple[Any, ...]] = set()

    async def handle(request: Exchange, forward: Forward) -> Answer:
        key = key_of_any(request)
        answer = await forward(request)
        if key is None or answer.status != SAVED:
            return answer
        group = tuple(key[name] for name in GROUP_FIELDS)
        if operation_of(request) == SAVE:
            seen.add(group)
            return answer
        for other in sorted(seen, key=repr):
            others = dict(zip(GROUP_FIELDS, other, strict=True))
            same_rest = all(others[name] == key[name] for name in GROUP_FIELDS if name != ignored)
            if same_rest and others[ignored] != key[ignored]:
                await remove_as_system(
                    forward, request, {**others, IDENTITY_FIELD: key[IDENTITY_FIELD]}
                )
        return answer

    return around(handle)


# --- values mangled on their way into the store ------------------------------------


def stored_text(convert: Callable[[str], str]) -> Callable[[Exchange], Exchange]:
    """Every text of a Save, Get or Remove body converted as a column would store it, and
    the request sent on as JSON: what is read and removed is converted alike."""

    def walk(node: Any) -> Any:
        if isinstance(node, str):
            return convert(node)
        if isinstance(node, dict):
            return {name: walk(value) for name, value in node.items()}
        return node

    def edit(request: Exchange) -> Exchange:
        body = document(request)
        return request if body is None else as_json(request, walk(body))

    return edit


def latin_1_column(text: str) -> str:
    return text.encode("latin-1", errors="replace").decode("latin-1")


def ucs_2_column(text: str) -> str:
    return "".join(char if ord(char) <= 0xFFFF else "?" for char in text)


def carrier_edit(edit: Callable[[str, Any], Any]) -> Callable[[Exchange], Exchange]:
    """Each carrier field of a Save (and PublicValue of a Remove) as ``edit`` stores it."""

    def edited(request: Exchange) -> Exchange:
        body = document(request)
        operation_id = operation_of(request)
        if body is None or operation_id not in (SAVE, REMOVE):
            return request
        if operation_id == REMOVE:
            body[IDENTITY_FIELD] = edit(ITEM_IDENTITY, body.get(IDENTITY_FIELD))
            return as_json(request, body)
        carrier = value_at(body, CARRIER_PATH)
        if isinstance(carrier, dict):
            set_value_at(body, CARRIER_PATH, {name: edit(name, v) for name, v in carrier.items()})
        return as_json(request, body)

    return edited


def cut_to_utf16_units(name: str, value: Any) -> Any:
    """nvarchar(n) counts UTF-16 code units: a character outside the BMP takes two."""
    limit = TEXT_LIMITS.get(name)
    if not isinstance(value, str) or limit is None:
        return value
    return value.encode("utf-16-le")[: 2 * limit].decode("utf-16-le", errors="ignore")


def trailing_spaces_trimmed(name: str, value: Any) -> Any:
    return value.rstrip() if isinstance(value, str) else value


def identity_lower_cased(name: str, value: Any) -> Any:
    return value.lower() if name == ITEM_IDENTITY and isinstance(value, str) else value


def offset_dropped(name: str, value: Any) -> Any:
    """A DateTime parsed without its offset, then written back as UTC."""
    date = parsed_date(value) if name in DATE_FIELDS else None
    if date is None or date.utcoffset() in (None, timedelta(0)):
        return value
    return date.replace(tzinfo=UTC).isoformat()


def far_future_refused(request: Exchange, answer: Answer) -> Answer:
    """SQL Server's datetime rounds 23:59:59.9999999 of 9999-12-31 past its last day."""
    body = document(request) if operation_of(request) == SAVE else None
    carrier = value_at(body, CARRIER_PATH) if body is not None else None
    if not isinstance(carrier, dict) or answer.status != SAVED:
        return answer
    for name in DATE_FIELDS:
        date = parsed_date(carrier.get(name))
        if date is not None and date.year == 9999:
            error = {
                "Error": True,
                "ErrorType": "SqlTypeException",
                "ErrorMessage": f"{name}: out of range",
            }
            return Answer(400, {"content-type": ANSWER_JSON_TYPES[0]}, json.dumps(error).encode())
    return answer


# --- answers ------------------------------------------------------------------------


def json_whatever_accept(request: Exchange) -> Exchange:
    if operation_of(request) != GET:
        return request
    return replace(request, headers={**request.headers, "accept": ANSWER_JSON_TYPES[0]})


def xml_only(edit: Callable[[Items], Items]) -> Callable[[Exchange, Answer], Answer]:
    """``edit`` applied to Get answers in XML only; JSON answers as the server wrote them."""
    editor = edit_get_answer(lambda request, items: edit(items))

    def edited(request: Exchange, answer: Answer) -> Answer:
        if body_syntax(media_type(answer)) != XML_SYNTAX:
            return answer
        return editor(request, answer)

    return edited


def defaults_left_out(items: Items) -> Items:
    """DataContract's EmitDefaultValue = false: a boolean at false is not written."""
    return [{name: value for name, value in item.items() if value != "false"} for item in items]


def culture_dates(items: Items) -> Items:
    for item in items:
        for name in DATE_FIELDS:
            date = parsed_date(item.get(name))
            if date is not None:
                item[name] = date.strftime(CULTURE_DATE)
    return items


def query_plan_order() -> Callable[[Exchange, Items], Items]:
    """No ORDER BY: every other Get comes back in the other order."""
    turns = {"count": 0}

    def edit(request: Exchange, items: Items) -> Items:
        turns["count"] += 1
        return items[::-1] if turns["count"] % 2 else items

    return edit


# --- writes at once -------------------------------------------------------------------


def save_in_two_writes(app: ASGIApp) -> ASGIApp:
    """A save written whole, then part of its fields again in a second statement over
    whatever is stored by then (an UPDATE of the secret, of the dates): a save that
    arrived earlier waits longer before its second write."""
    in_flight: defaultdict[str, int] = defaultdict(int)

    async def handle(request: Exchange, forward: Forward) -> Answer:
        key = key_of_any(request) if operation_of(request) == SAVE else None
        body = document(request)
        if key is None or body is None:
            return await forward(request)
        name = json.dumps(key, sort_keys=True)
        order = in_flight[name]
        in_flight[name] += 1
        try:
            answer = await forward(request)
            if answer.status != SAVED:
                return answer
            await asyncio.sleep(0.2 / (order + 1))
            carrier = value_at(body, CARRIER_PATH) or {}
            second = {name: carrier[name] for name in sorted(carrier)[len(carrier) // 2 :]}
            stored = next(
                (
                    item
                    for item in await group_items(forward, request, read_back_body(key))
                    if holds_key(item, key)
                ),
                {},
            )
            merged = {
                name: value for name, value in {**stored, **second}.items() if name != ITEM_IDENTITY
            }
            await save_as_system(forward, request, key, merged)
            return answer
        finally:
            in_flight[name] -= 1

    return around(handle)(app)


# insert_if_absent: how long a save of a new key waits between its SELECT and its INSERT
# for saves of the key that arrive together with it, and at most for their SELECTs.
INSERT_WINDOW_SECONDS = 0.5
SELECT_WAIT_SECONDS = 10.0


def insert_if_absent(app: ASGIApp) -> ASGIApp:
    """SELECT, then INSERT when nothing was found, without a unique index: two saves of a
    new key at once both insert, and a Get returns both rows."""
    absent_at_once: defaultdict[str, list[Document]] = defaultdict(list)
    doubles: defaultdict[str, list[Document]] = defaultdict(list)
    # Saves of a key between their arrival and their INSERT, and those of them past the SELECT.
    arrived: Counter[str] = Counter()
    selected: Counter[str] = Counter()

    async def handle(request: Exchange, forward: Forward) -> Answer:
        operation_id = operation_of(request)
        key = key_of_any(request)
        if operation_id == GET:
            answer = await forward(request)
            asked = document(request)
            items = answered_items(answer)
            if asked is None or items is None:
                return answer
            group = json.dumps({name: asked.get(name) for name in GROUP_FIELDS}, sort_keys=True)
            return replace(answer, body=json.dumps([*items, *doubles.get(group, [])]).encode())
        if key is None:
            return await forward(request)
        group = json.dumps(read_back_body(key), sort_keys=True)
        if operation_id == REMOVE:
            doubles[group] = [row for row in doubles[group] if not holds_key(row, key)]
            return await forward(request)
        name = json.dumps(key, sort_keys=True)
        arrived[name] += 1
        stored = [
            item
            for item in await group_items(forward, request, read_back_body(key))
            if holds_key(item, key)
        ]
        body = document(request) or {}
        carrier = {**(value_at(body, CARRIER_PATH) or {})}
        if not stored:
            absent_at_once[name].append(carrier)
        selected[name] += 1
        # The window between the SELECT and the INSERT. It stays open until every save of
        # the key that reached the server meanwhile has made its SELECT too, since on a
        # loaded machine one SELECT can take longer than any fixed window (0.5 s was seen
        # to miss one).
        await asyncio.sleep(INSERT_WINDOW_SECONDS)
        deadline = time.monotonic() + SELECT_WAIT_SECONDS
        while selected[name] < arrived[name] and time.monotonic() < deadline:
            await asyncio.sleep(INSERT_WINDOW_SECONDS / 10)
        answer = await forward(request)
        arrived[name] -= 1
        selected[name] -= 1
        waiting = absent_at_once.pop(name, [])
        if answer.status == SAVED and len(waiting) > 1:
            secrets = set(spec_loader.secret_paths(CARRIER_SCHEMA))
            for other in waiting[:-1]:
                row = {k: v for k, v in other.items() if (k,) not in secrets}
                doubles[group].append({**row, ITEM_IDENTITY: key[IDENTITY_FIELD]})
        return answer

    return around(handle)(app)


# --- conformant variations -------------------------------------------------------------


def key_collation(
    ignore_case: bool, ignore_trailing: bool, keep_last: bool
) -> Callable[[ASGIApp], ASGIApp]:
    """PublicValue compared as a SQL Server collation compares it: a save or Remove of a
    spelling equal to a stored one (ignoring letter case, trailing spaces) is one of the
    stored credential, which keeps its first spelling (an UPDATE that leaves the key
    column alone) or takes the last one."""

    def fold(value: Any) -> str:
        text = value if isinstance(value, str) else ""
        text = text.rstrip(" ") if ignore_trailing else text
        return text.casefold() if ignore_case else text

    async def handle(request: Exchange, forward: Forward) -> Answer:
        operation_id = operation_of(request)
        key = key_of_any(request)
        body = document(request)
        if operation_id not in (SAVE, REMOVE) or key is None or body is None:
            return await forward(request)
        spelled = key[IDENTITY_FIELD] or ""
        if not isinstance(spelled, str):
            return await forward(request)  # no key at all: the server refuses it as it is
        same = [
            item.get(ITEM_IDENTITY)
            for item in await group_items(forward, request, read_back_body(key))
            if fold(item.get(ITEM_IDENTITY)) == fold(spelled)
            and (item.get(ITEM_IDENTITY) or "") != spelled
        ]
        if not same:
            return await forward(request)
        if operation_id == REMOVE:
            return await forward(as_json(request, {**body, IDENTITY_FIELD: same[0]}))
        if keep_last:
            await remove_as_system(forward, request, {**key, IDENTITY_FIELD: same[0]})
            return await forward(request)
        set_value_at(body, (*CARRIER_PATH, ITEM_IDENTITY), same[0])
        return await forward(as_json(request, body))

    return around(handle)


def ordered_by_last_save(app: ASGIApp) -> ASGIApp:
    """The credentials of a Get, the one saved last first (ORDER BY the time of the save)."""
    saves: dict[str, int] = {}

    def when(request: Exchange, item: Any) -> int:
        asked = document(request) or {}
        identity = item.get(ITEM_IDENTITY) if isinstance(item, dict) else None
        key = {**{name: asked.get(name) for name in GROUP_FIELDS}, IDENTITY_FIELD: identity or ""}
        return saves.get(json.dumps(key, sort_keys=True), 0)

    order = edit_get_answer(
        lambda request, items: sorted(items, key=lambda item: -when(request, item))
    )

    async def handle(request: Exchange, forward: Forward) -> Answer:
        key = key_of_any(request) if operation_of(request) == SAVE else None
        answer = await forward(request)
        if key is not None and answer.status == SAVED:
            saves[
                json.dumps({**key, IDENTITY_FIELD: key[IDENTITY_FIELD] or ""}, sort_keys=True)
            ] = len(saves) + 1
        return order(request, answer)

    return around(handle)(app)


def data_contract_xml(request: Exchange, answer: Answer) -> Answer:
    """An XML answer as DataContractSerializer writes it: a default namespace of its own,
    ``i:`` for the XML Schema instance namespace, and each item's elements in name order."""
    if operation_of(request) != GET or body_syntax(media_type(answer)) != XML_SYNTAX:
        return answer
    root = defusedxml.ElementTree.fromstring(answer.body)

    def copy(element: Element, parent: Element | None) -> Element:
        name = f"{{{DATA_CONTRACT_NAMESPACE}}}{element.tag.rpartition('}')[2]}"
        made = Element(name) if parent is None else SubElement(parent, name)
        for attribute, value in element.attrib.items():
            made.set(attribute, value)
        made.text = element.text
        for child in (
            sorted(element, key=lambda child: child.tag) if parent is not None else element
        ):
            copy(child, made)
        return made

    written = tostring(copy(root, None), encoding="utf-8", xml_declaration=True)
    # ElementTree names the namespaces ns0, ns1: DataContractSerializer's names instead.
    for prefix, uri in re.findall(rb'xmlns:(ns\d+)="([^"]+)"', written):
        wanted = b"" if uri.decode() == DATA_CONTRACT_NAMESPACE else b"i"
        separator = b":" if wanted else b""
        written = written.replace(b"xmlns:" + prefix + b"=", b"xmlns" + separator + wanted + b"=")
        written = written.replace(prefix + b":", wanted + separator)
    return replace(answer, body=written)


def dates_in_offset(hours: int) -> Callable[[Exchange, Items], Items]:
    """The same instants in another offset, with seven fractional digits."""
    zone = timezone(timedelta(hours=hours))

    def seven_digits(date: datetime) -> str:
        written = date.isoformat(timespec="microseconds")
        return f"{written[:-6]}0{written[-6:]}"

    def edit(request: Exchange, items: Items) -> Items:
        for item in items:
            dates_moved_to(zone, item, seven_digits)
        return items

    return edit


MODEL_FAULTS = (
    Fault(
        "remove_ignores_public_value",
        f"a Remove deletes every credential of its ({', '.join(GROUP_FIELDS)})",
        "untargeted_credentials_unchanged",
        after_success(REMOVE, remove_rest_of_group),
        only=MODEL_PHASE,
    ),
    Fault(
        "save_overwrites_its_group",
        f"a save updates every credential of its ({', '.join(GROUP_FIELDS)})",
        "untargeted_credentials_unchanged",
        after_success(SAVE, overwrite_rest_of_group),
        only=MODEL_PHASE,
    ),
    Fault(
        "remove_ignores_type",
        f"a Remove deletes the {IDENTITY_FIELD} under every {KIND_FIELD} of the associate",
        "untargeted_credentials_unchanged",
        remove_matching(KIND_FIELD),
        only=MODEL_PHASE,
    ),
    Fault(
        "remove_ignores_associate",
        f"a Remove deletes the ({KIND_FIELD}, {IDENTITY_FIELD}) of every associate",
        "untargeted_credentials_unchanged",
        remove_matching(ASSOCIATE_FIELD),
        only=MODEL_PHASE,
    ),
    Fault(
        "outside_latin_1_mangled",
        "stores text in a Latin-1 column (? for the rest)",
        "saved_credential_reads_back",
        intercept(edit_request=stored_text(latin_1_column)),
        only=MODEL_PHASE,
    ),
    Fault(
        "outside_bmp_mangled",
        "stores text in a UCS-2 column (? outside the BMP)",
        "saved_credential_reads_back",
        intercept(edit_request=stored_text(ucs_2_column)),
        only=MODEL_PHASE,
    ),
    Fault(
        "longest_text_cut",
        "counts a text's length in UTF-16 code units and cuts it there",
        "saved_credential_reads_back",
        intercept(edit_request=carrier_edit(cut_to_utf16_units)),
        only=MODEL_PHASE,
    ),
    Fault(
        "trailing_spaces_trimmed",
        "trims trailing spaces off every text it stores",
        "saved_credential_reads_back",
        intercept(edit_request=carrier_edit(trailing_spaces_trimmed)),
        only=MODEL_PHASE,
    ),
    Fault(
        "public_value_lower_cased",
        f"stores and matches {ITEM_IDENTITY} lower-cased",
        "saved_credential_reads_back",
        intercept(edit_request=carrier_edit(identity_lower_cased)),
        only=MODEL_PHASE,
    ),
    Fault(
        "date_offset_dropped",
        "reads a date's clock time as UTC, dropping its offset",
        "saved_credential_reads_back",
        intercept(edit_request=carrier_edit(offset_dropped)),
        only=MODEL_PHASE,
    ),
    Fault(
        "far_future_refused",
        "refuses a save dated in the year 9999 (400)",
        "saved_credential_reads_back",
        intercept(edit_answer=far_future_refused),
        only=MODEL_PHASE,
    ),
    Fault(
        "accept_ignored",
        f"answers a Get in {ANSWER_JSON_TYPES[0]} whatever Accept asks for",
        "answer_in_accepted_media_type",
        intercept(edit_request=json_whatever_accept),
    ),
    Fault(
        "xml_answer_leaves_false_out",
        f"leaves {FLAG_FIELD} out of an XML answer when it is false",
        "saved_credential_reads_back",
        intercept(edit_answer=xml_only(defaults_left_out)),
        only=MODEL_PHASE,
    ),
    Fault(
        "xml_dates_in_culture_format",
        f"writes {', '.join(DATE_FIELDS)} in an XML answer as {CULTURE_DATE}",
        "response_schema_conformance",
        intercept(edit_answer=xml_only(culture_dates)),
    ),
    Fault(
        "order_follows_query_plan",
        "answers every other Get in the other order",
        "get_order_is_stable",
        intercept(edit_answer=edit_get_answer(query_plan_order())),
        only=MODEL_PHASE,
    ),
    Fault(
        "save_in_two_writes",
        "writes part of a save again, over what is stored by then",
        "concurrent_writes_are_atomic",
        save_in_two_writes,
        only=MODEL_PHASE,
    ),
    Fault(
        "insert_if_absent",
        "inserts a new key without a unique index: two saves at once, two rows",
        "concurrent_writes_are_atomic",
        insert_if_absent,
        only=MODEL_PHASE,
    ),
)

MODEL_VARIATIONS = (
    Variation(
        "keys_as_sql_server_first_spelling",
        f"matches {ITEM_IDENTITY} ignoring letter case and trailing spaces, keeping the first"
        " spelling",
        key_collation(ignore_case=True, ignore_trailing=True, keep_last=False),
    ),
    Variation(
        "keys_ignore_case_last_spelling",
        f"matches {ITEM_IDENTITY} ignoring letter case; keeps the last spelling",
        key_collation(ignore_case=True, ignore_trailing=False, keep_last=True),
    ),
    Variation(
        "ordered_by_last_save",
        "answers a Get's credentials the one saved last first",
        ordered_by_last_save,
    ),
    Variation(
        "xml_in_data_contract_namespace",
        "writes XML answers in DataContractSerializer's namespace, i: prefix and element order",
        intercept(edit_answer=data_contract_xml),
    ),
    Variation(
        "dates_in_another_offset",
        f"answers {', '.join(DATE_FIELDS)} at -05:00 with seven fractional digits",
        intercept(edit_answer=edit_get_answer(dates_in_offset(-5))),
    ),
)

"""wire: a fault reads a request in any media type, and edits a Get's credentials in a JSON
or an XML answer alike, writing the answer back in its own media type.

The answers are the reference app's own, in-process through intercept.call_app.
Seen failing by hand: ``_xml_document`` writing ``str(value)`` for a non-text leaf
(``True`` instead of ``true``); ``_xml_items`` reading a nil element as ``""``.
"""

from __future__ import annotations

import asyncio
import json
import urllib.parse
from pathlib import Path
from typing import Any

import defusedxml.ElementTree
from starlette.types import ASGIApp

import spec_loader
from fault_lab import store_access as store
from fault_lab import wire
from fault_lab.intercept import Answer, Exchange, call_app, intercept
from fault_lab.read_back_faults import FLAG_FIELD
from reference_server.app import create_app
from reference_server.settings import Identity, Scheme, Settings
from spec_loader.auth import basic_authorization
from spec_loader.documents import value_at
from spec_loader.media_types import XML_SYNTAX, body_syntax
from spec_loader.statuses import NO_CONTENT, OK, spec_key

USER = "wire-test:wire-test-password"
GET_200 = spec_loader.response(store.SPEC, store.GET, spec_key(OK))["content"]
XML_ANSWER_TYPE = next(
    media_type for media_type in GET_200 if body_syntax(media_type) == XML_SYNTAX
)
FORM_TYPE = "application/x-www-form-urlencoded"
((_, ITEM_IDENTITY),) = store.ITEM_KEY_FIELDS.items()
# A text leaf, saved null (written xsi:nil in XML) and set by an edit.
COMMENT = "Comment"
SAVED_BODY = {
    **store.SAVE_BODY,
    store.CARRIER_PATH[0]: {**value_at(store.SAVE_BODY, store.CARRIER_PATH), COMMENT: None},
}


def request_to(operation_id: str, body: bytes, content_type: str, accept: str = "") -> Exchange:
    op = spec_loader.operation(store.SPEC, operation_id)
    headers = {"content-type": content_type, "authorization": basic_authorization(USER)}
    if accept:
        headers["accept"] = accept
    return Exchange(op.method.upper(), op.path, "", headers, body)


def json_request(operation_id: str, body: Any, accept: str = "") -> Exchange:
    content_type = store.REQUEST_JSON_TYPES[operation_id][0]
    return request_to(operation_id, json.dumps(body).encode(), content_type, accept)


def reference_app(folder: Path) -> ASGIApp:
    settings = Settings(
        database=folder / "credentials.sqlite3", identities=(Identity(Scheme.BASIC, USER),)
    )
    app: ASGIApp = create_app(settings)
    saved = asyncio.run(call_app(app, json_request(store.SAVE, SAVED_BODY)))
    assert saved.status == NO_CONTENT
    return app


def read_back(app: ASGIApp, accept: str) -> Answer:
    group = {
        field: value_at(store.SAVE_BODY, path) for field, path in store.READ_BACK_FIELDS.items()
    }
    return asyncio.run(call_app(app, json_request(store.GET, group, accept)))


def xml_items(answer: Answer) -> list[dict[str, Any]]:
    return wire._xml_items(defusedxml.ElementTree.fromstring(answer.body))


def test_a_save_in_a_form_or_as_json_is_one_document() -> None:
    carrier = value_at(store.SAVE_BODY, store.CARRIER_PATH)
    pairs = [
        (name, str(value))
        for name, value in store.SAVE_BODY.items()
        if (name,) != store.CARRIER_PATH
    ]
    pairs += [
        (f"{store.CARRIER_PATH[0]}[{name}]", json.dumps(value).strip('"'))
        for name, value in carrier.items()
    ]
    form = request_to(store.SAVE, urllib.parse.urlencode(pairs).encode(), FORM_TYPE)
    assert wire.document(form) == store.SAVE_BODY
    as_json = wire.as_json(form, store.SAVE_BODY)
    assert as_json.content_type == store.REQUEST_JSON_TYPES[store.SAVE][0]
    assert store.json_document(as_json) == store.SAVE_BODY
    assert wire.document(request_to(store.SAVE, b"<not-closed>", XML_ANSWER_TYPE)) is None


def test_an_unchanged_xml_answer_reads_as_the_json_answer_as_text(tmp_path: Path) -> None:
    app = reference_app(tmp_path)
    seen: list[wire.Items] = []

    def keep(request: Exchange, items: wire.Items) -> wire.Items:
        seen.append(items)
        return items

    wrapped = intercept(edit_answer=wire.edit_get_answer(keep))(app)
    as_json = read_back(wrapped, store.ANSWER_JSON_TYPES[0])
    as_xml = read_back(wrapped, XML_ANSWER_TYPE)
    [json_item] = json.loads(as_json.body)
    assert json_item[COMMENT] is None
    text = {
        name: value if value is None or isinstance(value, str) else json.dumps(value)
        for name, value in json_item.items()
    }
    assert seen == [[json_item], [text]]
    assert xml_items(as_xml) == xml_items(read_back(app, XML_ANSWER_TYPE)) == [text]
    assert as_xml.headers["content-type"] == read_back(app, XML_ANSWER_TYPE).headers["content-type"]


def test_an_edit_shows_in_either_media_type_and_only_on_a_get_200(tmp_path: Path) -> None:
    app = reference_app(tmp_path)

    def renamed(request: Exchange, items: wire.Items) -> wire.Items:
        return [{**item, COMMENT: "edited", FLAG_FIELD: False} for item in items]

    wrapped = intercept(edit_answer=wire.edit_get_answer(renamed))(app)
    [json_item] = json.loads(read_back(wrapped, store.ANSWER_JSON_TYPES[0]).body)
    [xml_item] = xml_items(read_back(wrapped, XML_ANSWER_TYPE))
    assert (json_item[COMMENT], json_item[FLAG_FIELD]) == ("edited", False)
    assert (xml_item[COMMENT], xml_item[FLAG_FIELD]) == ("edited", "false")
    assert json_item[ITEM_IDENTITY] == xml_item[ITEM_IDENTITY]
    saved = asyncio.run(call_app(wrapped, json_request(store.SAVE, store.SAVE_BODY)))
    assert saved.status == NO_CONTENT

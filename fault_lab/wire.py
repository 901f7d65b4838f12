"""Requests read and answers edited in every media type, for faults that act on meaning.

The model phase writes in every request media type and reads in every answer media
type, so a fault that stores something wrong must do so whatever the body's type: the
request is read with the reference server's own decoders (it is the server the fault
wraps) and sent on as JSON. A Get answer is edited as a list of credentials, in JSON or
in XML alike, and written back in its own media type.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

import defusedxml.ElementTree

import spec_loader
from fault_lab.intercept import Answer, EditAnswer, Exchange
from fault_lab.store_access import (
    GET,
    REQUEST_JSON_TYPES,
    SPEC,
    Document,
    operation_of,
)
from reference_server.body_decoding import UndecodableBodyError, body_format, decode_body
from spec_loader.media_types import JSON_SYNTAX, XML_SYNTAX, body_syntax, essence
from spec_loader.statuses import OK

XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
Items = list[Document]


def document(request: Exchange) -> Document | None:
    """The request's body as the server reads it, in any media type; None when unreadable."""
    operation_id = operation_of(request)
    found = body_format(request.content_type) if request.content_type else None
    if operation_id is None or found is None:
        return None
    schema = spec_loader.request_schema(SPEC, operation_id)
    try:
        body = decode_body(request.body, found, None, schema)
    except UndecodableBodyError:
        return None
    return body if isinstance(body, dict) else None


def as_json(request: Exchange, body: Document) -> Exchange:
    """``request`` with ``body`` in its operation's first JSON media type."""
    operation_id = operation_of(request)
    assert operation_id is not None
    headers = {**request.headers, "content-type": REQUEST_JSON_TYPES[operation_id][0]}
    return replace(request, headers=headers, body=json.dumps(body).encode())


def media_type(answer: Answer) -> str:
    return essence(answer.headers.get("content-type", ""))


def _xml_items(root: Element) -> Items:
    """The credentials of an XML answer: each item an object (an empty one when the item
    element is empty), its leaves as the text they were written as."""

    def value(element: Element) -> Any:
        if element.get(XSI_NIL) == "true":
            return None
        return fields(element) if len(element) else element.text or ""

    def fields(element: Element) -> Document:
        return {child.tag.rpartition("}")[2]: value(child) for child in element}

    return [fields(child) for child in root]


def _xml_document(root_tag: str, item_tag: str, items: Items) -> bytes:
    root = Element(root_tag)
    root.set("xmlns:xsi", XSI_NIL.partition("}")[0][1:])

    def add(parent: Element, name: str, value: Any) -> None:
        child = SubElement(parent, name)
        if value is None:
            child.set("xsi:nil", "true")
        elif isinstance(value, dict):
            for key, item in value.items():
                add(child, key, item)
        else:
            child.text = value if isinstance(value, str) else json.dumps(value)

    for item in items:
        add(root, item_tag, item)
    written: bytes = tostring(root, encoding="utf-8", xml_declaration=True)
    return written


def edit_get_answer(edit: Callable[[Exchange, Items], Items]) -> EditAnswer:
    """An answer edit that changes a Get's credentials, in a JSON or an XML answer.

    XML items are read as text (``true``, dates), so an edit sees every value of an XML
    answer as the string it was written as.
    """

    def edited(request: Exchange, answer: Answer) -> Answer:
        if operation_of(request) != GET or answer.status != OK:
            return answer
        syntax = body_syntax(media_type(answer))
        if syntax == JSON_SYNTAX:
            return replace(answer, body=json.dumps(edit(request, json.loads(answer.body))).encode())
        if syntax == XML_SYNTAX:
            root = defusedxml.ElementTree.fromstring(answer.body)
            items = edit(request, _xml_items(root))
            item_tag = root[0].tag if len(root) else "item"
            return replace(answer, body=_xml_document(root.tag, item_tag, items))
        return answer

    return edited

"""Write a request document in each of the spec's media types, as a client would."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

import spec_loader
from reference_server.body_decoding import XSI_NIL, BodyFormat, body_format
from tests.reference_server.live_server import SAVE, SPEC

# Every operation takes the same media types; Save's are the ones its tests name.
MEDIA_TYPES = spec_loader.request_media_types(SPEC, SAVE)
JSON_TYPE, XML_TYPE, FORM_TYPE = (
    next(media_type for media_type in MEDIA_TYPES if body_format(media_type) is wanted)
    for wanted in (BodyFormat.JSON, BodyFormat.XML, BodyFormat.FORM)
)


def xml_root(operation_id: str = SAVE) -> str:
    root: str = spec_loader.request_schema(SPEC, operation_id, XML_TYPE)["xml"]["name"]
    return root


def encode(document: dict[str, Any], media_type: str, operation_id: str = SAVE) -> bytes:
    found = body_format(media_type)
    if found is BodyFormat.XML:
        return xml_body(document, operation_id)
    if found is BodyFormat.FORM:
        return form_body(document)
    return json.dumps(document).encode()


def xml_body(document: dict[str, Any], operation_id: str = SAVE) -> bytes:
    root = Element(xml_root(operation_id))
    add_children(root, document)
    written: bytes = tostring(root, encoding="utf-8", xml_declaration=True)
    return written


def add_children(parent: Element, document: dict[str, Any]) -> None:
    for name, value in document.items():
        child = SubElement(parent, name)
        if isinstance(value, dict):
            add_children(child, value)
        elif value is None:
            child.set(XSI_NIL, "true")
        else:
            child.text = text_of(value)


def text_of(value: Any) -> str:
    """How XML text and form fields spell a JSON value (null as the text null)."""
    return json.dumps(value) if value is None or isinstance(value, bool) else str(value)


def form_body(document: dict[str, Any]) -> bytes:
    """deepObject style: nested objects as Parent[Child]=value."""
    pairs: list[tuple[str, str]] = []
    for name, value in document.items():
        if isinstance(value, dict):
            pairs += [(f"{name}[{child}]", text_of(item)) for child, item in value.items()]
        else:
            pairs.append((name, text_of(value)))
    return urllib.parse.urlencode(pairs).encode()

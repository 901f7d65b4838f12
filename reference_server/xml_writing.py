"""Write an array of JSON-model values, or one object, as XML, in the shape body_decoding
reads XML in.

An array: one element per item, named as the spec names the items. An object: the root
element itself, named as the spec names the object. Inside, one child element per
property, nested objects nested, a list as its items repeated under the list's name,
null as ``xsi:nil="true"``, and other values as the text XML and form bodies use
(``true``, ``42``). ElementTree escapes markup characters in text. What XML 1.0 cannot
carry at all (most control characters, names that are no XML names) raises
NotXmlWritableError instead of producing a document no parser accepts.
"""

from __future__ import annotations

import json
import re
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from reference_server.body_decoding import XSI_NIL

# Everything outside XML 1.0's Char production.
NOT_XML_CHARACTER = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Narrower than XML's Name production, on purpose: a name outside it is refused, never
# written wrong.
XML_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")


class NotXmlWritableError(ValueError):
    """A value XML 1.0 cannot carry. The message names no value (it may be a secret)."""


def array_document(root_name: str, item_name: str, items: list[Any]) -> bytes:
    root = Element(root_name)
    for item in items:
        add(root, item_name, item)
    return written(root)


def object_document(root_name: str, value: dict[str, Any]) -> bytes:
    root = Element(root_name)
    for name, item in value.items():
        add(root, name, item)
    return written(root)


def written(root: Element) -> bytes:
    document: bytes = tostring(root, encoding="utf-8", xml_declaration=True)
    # ElementTree writes a carriage return in text as it is, and XML parsers read that
    # back as a line feed; as a character reference it survives. Tag names cannot hold
    # one, and ElementTree writes it as a reference in attributes already.
    return document.replace(b"\r", b"&#13;")


def add(parent: Element, name: str, value: Any) -> None:
    if isinstance(value, list):
        for item in value:
            if isinstance(item, list):
                raise NotXmlWritableError(f"{name}: a list in a list has no XML form")
            add(parent, name, item)
        return
    if not XML_NAME.fullmatch(name):
        raise NotXmlWritableError("a property name is not an XML element name")
    child = SubElement(parent, name)
    if value is None:
        child.set(XSI_NIL, "true")
    elif isinstance(value, dict):
        for child_name, item in value.items():
            add(child, child_name, item)
    else:
        child.text = text_of(value, name)


def text_of(value: Any, name: str) -> str:
    text = value if isinstance(value, str) else json.dumps(value)
    if NOT_XML_CHARACTER.search(text):
        raise NotXmlWritableError(f"{name}: holds a character that XML 1.0 cannot carry")
    return text

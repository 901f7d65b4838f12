"""Decode a request body of any accepted media type into the JSON data model.

JSON-family types are read as JSON; XML through defusedxml in the element shape the
schema declares (root element named by the schema's ``xml.name``, one child element
per property, nested objects nested); form-urlencoded with nested objects in deepObject
style (``Credentials[PublicValue]=...``). XML and form text is typed by the schema.
"""

from __future__ import annotations

import enum
import json
import math
import re
import urllib.parse
from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree

from reference_server.text_values import integral_numbers, typed_tree
from spec_loader.media_types import JSON_SYNTAX, XML_SYNTAX, body_syntax
from spec_loader.schema_readers import JsonSchema

XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
FORM_SUBTYPE = "x-www-form-urlencoded"
# name, then any number of [part]: Credentials[PublicValue]
# ASP.NET (MaxHttpCollectionKeys) and Starlette (max_fields) both stop at 1000: each
# field costs hundreds of bytes once parsed, so 100,000 tiny ones under the body limit
# would cost tens of MiB.
MAX_FORM_FIELDS = 1000
DEEP_OBJECT_KEY = re.compile(r"([^\[\]]+)((?:\[[^\[\]]*\])*)")


class BodyFormat(enum.Enum):
    JSON = JSON_SYNTAX
    XML = XML_SYNTAX
    FORM = "form"


class UndecodableBodyError(Exception):
    """The body cannot be read as its media type says; the message is safe to send back."""


def body_format(media_type: str) -> BodyFormat | None:
    """Which decoder reads a media type, by the shape of its name (RFC 6839 suffixes)."""
    syntax = body_syntax(media_type)
    if syntax is not None:
        return BodyFormat(syntax)
    if media_type.partition("/")[2] == FORM_SUBTYPE:
        return BodyFormat.FORM
    return None


def decode_body(
    body: bytes, body_format: BodyFormat, charset: str | None, schema: JsonSchema
) -> Any:
    try:
        return DECODERS[body_format](body, charset, schema)
    except RecursionError:
        raise UndecodableBodyError("body: nested too deeply") from None


def text_of(body: bytes, charset: str | None) -> str:
    try:
        return body.decode(charset or "utf-8")
    except LookupError:
        raise UndecodableBodyError("Content-Type: unknown charset") from None
    except UnicodeDecodeError:
        raise UndecodableBodyError(f"body: not valid {charset or 'utf-8'} text") from None


def reject_constant(name: str) -> Any:
    raise UndecodableBodyError(f"body: {name} is not a JSON number")


def finite_float(text: str) -> float:
    # 1e400 is not spelled Infinity, but Python reads it as infinity all the same; stored,
    # it would be written as Infinity (json.dumps) or null (orjson), neither of them JSON's.
    value = float(text)
    if not math.isfinite(value):
        raise UndecodableBodyError("body: a number is out of range")
    return value


# Made once: json.loads(text, parse_constant=...) builds a new decoder on every call.
JSON_DECODER = json.JSONDecoder(parse_constant=reject_constant, parse_float=finite_float)


def decode_json(body: bytes, charset: str | None, schema: JsonSchema) -> Any:
    text = text_of(body, charset)
    try:
        document = JSON_DECODER.decode(text)
    except json.JSONDecodeError as error:
        # The position, not the message's excerpt: the excerpt could quote a secret.
        raise UndecodableBodyError(
            f"body: not valid JSON (line {error.lineno}, column {error.colno})"
        ) from None
    except ValueError:
        # An integer longer than sys.get_int_max_str_digits() (4300 digits by default).
        raise UndecodableBodyError("body: a number has too many digits") from None
    return integral_numbers(document, schema)


def local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def decode_xml(body: bytes, charset: str | None, schema: JsonSchema) -> Any:
    # The XML declaration names the encoding; the charset parameter is not consulted.
    try:
        root = defusedxml.ElementTree.fromstring(body, forbid_dtd=True)
    except ParseError as error:
        line, column = error.position
        raise UndecodableBodyError(
            f"body: not well-formed XML (line {line}, column {column})"
        ) from None
    except defusedxml.DefusedXmlException:
        raise UndecodableBodyError("body: DTDs and entity declarations are not accepted") from None
    except (LookupError, ValueError):
        # The XML declaration names an encoding that Python does not know (LookupError)
        # or that expat cannot read (ValueError: multi-byte encodings such as Shift_JIS).
        raise UndecodableBodyError(
            "body: the XML declaration names an unsupported encoding"
        ) from None
    expected_root = schema.get("xml", {}).get("name")
    if expected_root and local_name(root.tag) != expected_root:
        raise UndecodableBodyError(f"body: the root element must be <{expected_root}>")
    return typed_tree(element_tree(root), schema)


def element_tree(element: Element) -> Any:
    """An element as text, None (xsi:nil), or a dict of its children (repeats become a list)."""
    if element.get(XSI_NIL) in ("true", "1"):
        return None
    if len(element) == 0:
        return element.text or ""
    children: dict[str, Any] = {}
    for child in element:
        add_value(children, local_name(child.tag), element_tree(child))
    return children


def add_value(target: dict[str, Any], name: str, value: Any) -> None:
    if name not in target:
        target[name] = value
    elif isinstance(target[name], list):
        target[name].append(value)
    else:
        target[name] = [target[name], value]


def decode_form(body: bytes, charset: str | None, schema: JsonSchema) -> Any:
    text = text_of(body, charset)
    try:
        pairs = urllib.parse.parse_qsl(
            text,
            keep_blank_values=True,
            encoding=charset or "utf-8",
            errors="strict",
            max_num_fields=MAX_FORM_FIELDS,
        )
    except UnicodeDecodeError:
        raise UndecodableBodyError("body: a percent-encoded value is not valid text") from None
    except ValueError:  # parse_qsl counts the fields before it parses any
        raise UndecodableBodyError(f"body: more than {MAX_FORM_FIELDS} form fields") from None
    tree: dict[str, Any] = {}
    for key, value in pairs:
        match = DEEP_OBJECT_KEY.fullmatch(key)
        path = [match[1], *re.findall(r"\[([^\[\]]*)\]", match[2])] if match else [key]
        insert(tree, path, value)
    return typed_tree(tree, schema)


def looks_like_json(body: bytes) -> bool:
    """Whether a body begins as a JSON object or array does (curl sends ``-d`` as a form)."""
    return body.lstrip()[:1] in (b"{", b"[")


def insert(tree: dict[str, Any], path: list[str], value: str) -> None:
    *parents, leaf = path
    node = tree
    for depth, name in enumerate(parents):
        child = node.setdefault(name, {})
        if not isinstance(child, dict):
            where = ".".join(path[: depth + 1])
            raise UndecodableBodyError(f"{where}: given both as a value and as an object")
        node = child
    if isinstance(node.get(leaf), dict):
        raise UndecodableBodyError(f"{'.'.join(path)}: given both as a value and as an object")
    add_value(node, leaf, value)


DECODERS: dict[BodyFormat, Callable[[bytes, str | None, JsonSchema], Any]] = {
    BodyFormat.JSON: decode_json,
    BodyFormat.XML: decode_xml,
    BodyFormat.FORM: decode_form,
}

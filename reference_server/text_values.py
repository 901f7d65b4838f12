"""Give decoded values the types the schema says: XML and form text, and JSON's 5.0.

XML and form data carry only text; JSON Schema validation needs ``42``, not ``"42"``.
A text that does not fit any of its schema's types is left as text, so validation
reports the type error against the field.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from reference_server.schema_walk import JsonSchema, child_schema, schema_types

INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
# JSON's spellings only: xsd:boolean also allows 1 and 0, but a client that writes the
# number 0 into a boolean field sent a number, and must get 400 as it would in JSON.
BOOLEANS = {"true": True, "false": False}
# How schemathesis (and JSON-minded clients) write a null in XML text and form fields.
NULL_TEXT = "null"


def typed_value(text: str, schema: JsonSchema) -> Any:
    types = schema_types(schema)
    if "null" in types and text == NULL_TEXT:
        return None
    if "object" in types and not text.strip():
        # An empty element or field stands for an object with no properties.
        return {}
    if "integer" in types and INTEGER.fullmatch(text):
        try:
            return int(text)
        except ValueError:  # more digits than Python converts; validation reports it
            return text
    if "number" in types and NUMBER.fullmatch(text) and math.isfinite(float(text)):
        return float(text)
    if "boolean" in types and text in BOOLEANS:
        return BOOLEANS[text]
    return text


def typed_text(leaf: Any, schema: JsonSchema) -> Any:
    return typed_value(leaf, schema) if isinstance(leaf, str) else leaf


def integral_number(leaf: Any, schema: JsonSchema) -> Any:
    """A JSON number such as 5.0 as the integer it is, where the schema allows an integer.

    JSON Schema counts 5.0 as an integer, so it passes validation; stored as read, it
    would go out again as 5.0, which a typed client reads as a float.
    """
    if isinstance(leaf, float) and leaf.is_integer() and "integer" in schema_types(schema):
        return int(leaf)
    return leaf


def map_leaves(node: Any, schema: JsonSchema, convert: Callable[[Any, JsonSchema], Any]) -> Any:
    """``node`` with ``convert(leaf, its schema)`` applied to every leaf of its dicts and lists."""
    if isinstance(node, dict):
        return {
            name: map_leaves(item, child_schema(schema, name), convert)
            for name, item in node.items()
        }
    if isinstance(node, list):
        item_schema: JsonSchema = schema.get("items", schema)
        return [map_leaves(item, item_schema, convert) for item in node]
    return convert(node, schema)


def typed_tree(node: Any, schema: JsonSchema) -> Any:
    """Apply `typed_value` to every text leaf of a decoded tree of dicts, lists and text."""
    return map_leaves(node, schema, typed_text)

"""Give decoded values the types the schema says: XML and form text, and JSON's 5.0.

XML and form data carry only text; JSON Schema validation needs ``42``, not ``"42"``.
A text that does not fit any of its schema's types is left as text, so validation
reports the type error against the field.
"""

from __future__ import annotations

import math
import re
from typing import Any

from spec_loader.schema_readers import JsonSchema, child_schema, schema_types

# An integer may be written with a zero fraction ("42.0"): JSON Schema counts 42.0 as an
# integer, and so does the JSON reader below; schemathesis writes such a float so when a
# link carries one into a form or XML body. No exponent, so the text cannot ask for a
# number of a billion digits.
INTEGER = re.compile(r"-?(0|[1-9][0-9]*)(\.0+)?")
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
            return int(text.partition(".")[0])
        except ValueError:  # more digits than Python converts; validation reports it
            return text
    if "number" in types and NUMBER.fullmatch(text) and math.isfinite(float(text)):
        return float(text)
    if "boolean" in types and text in BOOLEANS:
        return BOOLEANS[text]
    return text


def typed_tree(node: Any, schema: JsonSchema) -> Any:
    """Apply `typed_value` to every text leaf of a decoded tree of dicts, lists and text."""
    if isinstance(node, str):
        return typed_value(node, schema)
    if isinstance(node, dict):
        return {name: typed_tree(item, child_schema(schema, name)) for name, item in node.items()}
    if isinstance(node, list):
        item_schema: JsonSchema = schema.get("items", schema)
        return [typed_tree(item, item_schema) for item in node]
    return node


NUMBER_OR_CONTAINER = (float, dict, list)


def integral_numbers(node: Any, schema: JsonSchema) -> Any:
    """A decoded JSON tree with numbers such as 5.0 as the integers they are, where the
    schema allows an integer; changed in place.

    JSON Schema counts 5.0 as an integer, so it passes validation; stored as read, it
    would go out again as 5.0, which a typed client reads as a float. Only numbers and
    containers are looked at, so a save without floats costs almost nothing.
    """
    if isinstance(node, float):
        return int(node) if node.is_integer() and "integer" in schema_types(schema) else node
    if isinstance(node, dict):
        for name, item in node.items():
            if isinstance(item, NUMBER_OR_CONTAINER):
                node[name] = integral_numbers(item, child_schema(schema, name))
    elif isinstance(node, list):
        item_schema: JsonSchema = schema.get("items", schema)
        for index, item in enumerate(node):
            if isinstance(item, NUMBER_OR_CONTAINER):
                node[index] = integral_numbers(item, item_schema)
    return node

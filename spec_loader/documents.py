"""Values in a JSON document: found by a path of property names, and told apart by type.

The spec's links and schemas give paths (``Credentials/PublicValue``); the server, the
suite and the clean-up follow them into request bodies and answers with value_at.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# A property left out of a document, told apart from one that is null.
MISSING: Any = object()


def value_at(document: Any, path: tuple[str, ...]) -> Any:
    """The value at ``path``, or None where the path leads nowhere."""
    node = document
    for name in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(name)
    return node


def json_type(value: Any) -> str:
    """The JSON Schema type of a value parsed from JSON: "integer", "string", "null", ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):  # before int: bool is an int in Python, not in JSON
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, list | tuple):
        return "array"
    return type(value).__name__  # not a JSON value at all

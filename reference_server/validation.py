"""Validate a decoded request against the spec's schema, with messages that never quote values.

jsonschema-rs messages include the offending value, which may be a secret; the
messages here are built from the error's location and keyword only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import jsonschema_rs
import orjson

from spec_loader.schema_readers import JsonSchema

MAX_REPORTED_PROBLEMS = 10
BODY = "body"  # how a message names the document itself

# keyword -> description built from the keyword's parameters (never from the instance)
DESCRIPTIONS: dict[str, Callable[[dict[str, Any]], str]] = {
    "type": lambda kind: f"must be of type {' or '.join(kind['types'])}",
    "required": lambda kind: "is required",
    "minLength": lambda kind: f"must be at least {kind['limit']} characters long",
    "maxLength": lambda kind: f"must be at most {kind['limit']} characters long",
    "minimum": lambda kind: f"must be at least {kind['limit']}",
    "maximum": lambda kind: f"must be at most {kind['limit']}",
    "format": lambda kind: f"is not a valid {kind['format']}",
    "anyOf": lambda kind: "matches none of the allowed shapes",
}


def location(path: list[str | int]) -> str:
    return ".".join(str(part) for part in path) or BODY


def describe(error: jsonschema_rs.ValidationError) -> str:
    name = error.kind.name
    details = error.kind.as_dict()
    path = list(error.instance_path)
    if name == "required":
        path.append(details["property"])
    describe_kind = DESCRIPTIONS.get(name)
    text = describe_kind(details) if describe_kind else f"breaks the schema's '{name}' rule"
    return f"{location(path)}: {text}"


def unencodable_text(value: Any, path: list[str | int]) -> Iterator[str]:
    """Where the document holds text that UTF-8 cannot store (lone surrogates from JSON escapes)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            yield f"{location(path)}: is not valid Unicode text"
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from unencodable_text(name, [*path, "(property name)"])
            yield from unencodable_text(item, [*path, name])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from unencodable_text(item, [*path, index])


def all_text_encodable(value: Any) -> bool:
    """Whether every text in ``value`` is one UTF-8 can store, in one pass in C.

    orjson writes UTF-8 and refuses lone surrogates, so a value it can write holds none.
    What it refuses for another reason (integers past 64 bits) is searched the slow way,
    which also names the field.
    """
    try:
        orjson.dumps(value)
    except orjson.JSONEncodeError:
        return False
    return True


class RequestValidator:
    """The request schema compiled once (Draft 2020-12, formats checked)."""

    def __init__(self, schema: JsonSchema) -> None:
        self._validator = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)

    def problems(self, document: Any) -> list[str]:
        """What is wrong with ``document``, one message per problem; empty when valid."""
        found = [] if all_text_encodable(document) else list(unencodable_text(document, []))
        if not found:
            found = sorted({describe(error) for error in self._validator.iter_errors(document)})
        return found[:MAX_REPORTED_PROBLEMS]

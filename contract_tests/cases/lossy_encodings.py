"""Leave out cases whose body would not arrive as generated in XML or form encoding.

Some values have no faithful form in these encodings, so the server would be blamed
for schemathesis' encoding, with a false negative_data_rejection or
positive_data_acceptance failure:

- schemathesis writes XML by silently dropping the characters XML 1.0 forbids
  (``\\x00``, ``\\x1b``, ...), and every XML parser reads ``\\r\\n`` and ``\\r`` back as
  ``\\n``. Either changes a string's length: a SecretValue generated one character too
  long arrives within the limit, a one-character Type arrives empty.
- A nested empty object (``"Credentials": {}``, which the schema allows) is written as
  nothing at all in form data (deepObject has no way to say "present but empty") and as
  an empty element in XML, which parsers read as an empty string.
- Neither encoding has a syntax for lists: schemathesis writes a list's items as
  repeated elements or keys, and the server reads repeats back as a list. So an empty
  list vanishes, a one-item list reads as its item (``"IsActive": [true]`` arrives as
  ``true``), and a list inside a list is flattened.
- deepObject form keys use ``[`` and ``]`` as their path syntax, so a property whose
  name holds one of them (the schema allows extra properties) is read back as a
  different path: ``Credentials[Type]`` sent as a top-level name lands inside
  ``Credentials``.
- Both encodings carry only text, read by the schema's types as the spec's request body
  description says, so a value can arrive as another type: the string ``"42"`` sent
  for an integer is written ``42`` and read as the integer; ``true`` sent for a string
  arrives as the string ``"true"``; ``""`` sent for ``Credentials`` arrives as an empty
  object, and ``null`` sent for a field that may not be null as the string ``"null"``.

Such cases are filtered out for those media types only. The same values still reach
the server as JSON, and no check is turned off.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import schemathesis
from schemathesis import HookContext
from schemathesis.core.transforms import to_wire_string

import spec_loader
from contract_tests.http_parts import AnyCase, operation_id
from spec_loader.documents import MISSING, json_type
from spec_loader.media_types import XML_SYNTAX, body_syntax, essence

FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
# How the text of an XML element or form field is read, in this order, where the
# property's schema allows the type (the spec's request body description says so;
# xsd:boolean also allows 0 and 1, which some servers read as booleans).
# Kept apart from the reference server's reader (reference_server/text_values.py) on
# purpose: the suite is the oracle, and an oracle that shared the server's reader could
# not catch that reader's bugs. Both follow the spec's prose, not each other.
TEXT_READINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("null", re.compile("null")),
    ("object", re.compile(r"\s*")),
    ("integer", re.compile(r"-?[0-9]+")),
    ("number", re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")),
    ("boolean", re.compile(r"true|false|0|1", re.IGNORECASE)),
)


def survives_xml(text: str) -> bool:
    """Whether an XML parser reads ``text`` back unchanged after schemathesis writes it."""
    return all(
        char in "\t\n"
        or 0x20 <= ord(char) <= 0xD7FF
        or 0xE000 <= ord(char) <= 0xFFFD
        or 0x10000 <= ord(char) <= 0x10FFFF
        for char in text
    )


def entries(node: Any) -> Iterator[tuple[str | None, Any]]:
    """Every (name, value) pair below ``node``, at any depth; list items have no name."""
    children: Iterable[tuple[Any, Any]] = (
        node.items()
        if isinstance(node, Mapping)
        else ((None, item) for item in node)
        if isinstance(node, list)
        else ()
    )
    for name, value in children:
        yield (None if name is None else str(name)), value
        yield from entries(value)


def strings_in(body: Any) -> Iterator[str]:
    for name, value in [(None, body), *entries(body)]:
        if name is not None:
            yield name
        if isinstance(value, str):
            yield value


def has_bracketed_key(body: Any) -> bool:
    return any(name is not None and ("[" in name or "]" in name) for name, _ in entries(body))


def has_nested_empty_object(body: Any) -> bool:
    return any(isinstance(value, Mapping) and not value for _, value in entries(body))


def has_list(body: Any) -> bool:
    # No declared property is a list, so any list is a wrong type or an extra property;
    # leaving them all out is simpler than telling which ones survive repetition.
    return isinstance(body, list) or any(isinstance(value, list) for _, value in entries(body))


@functools.cache
def declared_types(operation_id: str) -> dict[tuple[str, ...], frozenset[str]]:
    """The JSON types each declared property of one operation's request allows, by path."""
    found: dict[tuple[str, ...], frozenset[str]] = {}

    def walk(schema: Mapping[str, Any], path: tuple[str, ...]) -> None:
        for name, child in schema.get("properties", {}).items():
            declared = child.get("type") or []
            found[(*path, name)] = frozenset([declared] if isinstance(declared, str) else declared)
            walk(child, (*path, name))

    walk(spec_loader.request_schema(spec_loader.load_spec(), operation_id), ())
    return found


def text_type(text: str, types: frozenset[str]) -> str:
    """The type a text body's reader reads ``text`` as, for a property of ``types``."""
    return next(
        (kind for kind, form in TEXT_READINGS if kind in types and form.fullmatch(text)), "string"
    )


def read_back_type(value: Any, types: frozenset[str]) -> str:
    """The type a text body's reader gives ``value`` once schemathesis has written it."""
    return text_type(to_wire_string(value), types)


TEXT_VALUES: dict[str, Callable[[str], Any]] = {
    "null": lambda text: None,
    "object": lambda text: {},
    "integer": int,
    "number": float,
    "boolean": lambda text: text.lower() in ("true", "1"),
    "string": str,
}


def value_from_text(text: str, types: frozenset[str]) -> Any:
    """The value a text body's reader makes of ``text``, for a property of ``types``."""
    return TEXT_VALUES[text_type(text, types)](text)


def retyped_as_text(operation_id: str, body: Any) -> bool:
    """Whether a declared property's value would be read back as another JSON type."""
    for path, types in declared_types(operation_id).items():
        node: Any = body
        for key in path:
            node = node.get(key, MISSING) if isinstance(node, Mapping) else MISSING
        if node is MISSING or isinstance(node, Mapping | list):
            continue  # objects and lists have rules of their own, above
        sent, read = json_type(node), read_back_type(node, types)
        if sent != read and (sent, read) != ("integer", "number"):
            return True
    return False


def survives_text_encoding(operation_id: str, body: Any) -> bool:
    """What XML and form data both lose: empty objects, lists, and the values' types."""
    return (
        not has_nested_empty_object(body)
        and not has_list(body)
        and not retyped_as_text(operation_id, body)
    )


def arrives_as_generated(operation_id: str, media_type: str, body: Any) -> bool:
    if body_syntax(media_type) == XML_SYNTAX:
        return survives_text_encoding(operation_id, body) and all(
            map(survives_xml, strings_in(body))
        )
    if essence(media_type) == FORM_MEDIA_TYPE:
        return survives_text_encoding(operation_id, body) and not has_bracketed_key(body)
    return True


@schemathesis.hook
def filter_case(context: HookContext, case: AnyCase) -> bool:
    return case.media_type is None or arrives_as_generated(
        operation_id(case), case.media_type, case.body
    )

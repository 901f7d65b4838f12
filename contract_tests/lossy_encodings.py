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
- Both encodings carry only text, so a wrongly typed value can arrive well typed: the
  integer ``0`` sent for a boolean is written ``0``, which xsd:boolean reads as false;
  the string ``"42"`` sent for an integer is written ``42``.

Such cases are filtered out for those media types only. The same values still reach
the server as JSON, and no check is turned off.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import schemathesis
from schemathesis import HookContext

import spec_loader
from contract_tests.http_parts import AnyCase, essence

FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
# How a text-only encoding spells each scalar type (xsd:boolean allows 0 and 1).
TEXT_FORMS: dict[str, re.Pattern[str]] = {
    "boolean": re.compile(r"true|false|0|1", re.IGNORECASE),
    "integer": re.compile(r"-?[0-9]+"),
    "number": re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?"),
}
PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
}


def survives_xml(text: str) -> bool:
    """Whether an XML parser reads ``text`` back unchanged after schemathesis writes it."""
    return all(
        char in "\t\n"
        or 0x20 <= ord(char) <= 0xD7FF
        or 0xE000 <= ord(char) <= 0xFFFD
        or 0x10000 <= ord(char) <= 0x10FFFF
        for char in text
    )


def is_xml(media_type: str) -> bool:
    subtype = essence(media_type).partition("/")[2]
    return subtype == "xml" or subtype.endswith("+xml")


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
    return any(isinstance(value, list) for value in [body, *(value for _, value in entries(body))])


@functools.cache
def scalar_paths() -> dict[tuple[str, ...], str]:
    """The request's boolean, integer and number properties, by path: their type name."""
    found: dict[tuple[str, ...], str] = {}

    def walk(schema: Mapping[str, Any], path: tuple[str, ...]) -> None:
        for name, child in schema.get("properties", {}).items():
            declared = child.get("type") or []
            types = [declared] if isinstance(declared, str) else declared
            kind = next((name for name in TEXT_FORMS if name in types), None)
            if kind is not None:
                found[(*path, name)] = kind
            walk(child, (*path, name))

    walk(spec_loader.request_schema(spec_loader.load_spec()), ())
    return found


def has_type(value: Any, kind: str) -> bool:
    # bool is a subclass of int in Python, but not an integer in JSON Schema.
    return isinstance(value, PYTHON_TYPES[kind]) and (kind == "boolean") == isinstance(value, bool)


def retyped_as_text(body: Any) -> bool:
    """Whether a wrongly typed scalar reads, as text, like a right one (``0`` for a boolean)."""
    for path, kind in scalar_paths().items():
        node = body
        for key in path:
            node = node.get(key) if isinstance(node, Mapping) else None
        if node is not None and not has_type(node, kind) and TEXT_FORMS[kind].fullmatch(str(node)):
            return True
    return False


def survives_text_encoding(body: Any) -> bool:
    """What XML and form data both lose: empty objects, lists, and the scalars' types."""
    return not has_nested_empty_object(body) and not has_list(body) and not retyped_as_text(body)


def arrives_as_generated(media_type: str, body: Any) -> bool:
    if is_xml(media_type):
        return survives_text_encoding(body) and all(map(survives_xml, strings_in(body)))
    if essence(media_type) == FORM_MEDIA_TYPE:
        return survives_text_encoding(body) and not has_bracketed_key(body)
    return True


@schemathesis.hook
def filter_case(context: HookContext, case: AnyCase) -> bool:
    return case.media_type is None or arrives_as_generated(case.media_type, case.body)

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

Such cases are filtered out for those media types only. The same values still reach
the server as JSON, and no check is turned off.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import schemathesis
from schemathesis import HookContext

from contract_tests.http_parts import AnyCase, essence

FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"


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


def strings_in(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, Mapping):
        for key, value in node.items():
            yield str(key)
            yield from strings_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings_in(item)


def has_nested_empty_object(node: Any) -> bool:
    children = (
        node.values() if isinstance(node, Mapping) else node if isinstance(node, list) else []
    )
    return any(
        (isinstance(child, Mapping) and not child) or has_nested_empty_object(child)
        for child in children
    )


def arrives_as_generated(media_type: str, body: Any) -> bool:
    if is_xml(media_type):
        return not has_nested_empty_object(body) and all(map(survives_xml, strings_in(body)))
    if essence(media_type) == FORM_MEDIA_TYPE:
        return not has_nested_empty_object(body)
    return True


@schemathesis.hook
def filter_case(context: HookContext, case: AnyCase) -> bool:
    return case.media_type is None or arrives_as_generated(case.media_type, case.body)

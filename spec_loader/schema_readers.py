"""Small generic readers of an inlined JSON Schema: alternatives, types, child schemas.

The server's body decoders and the suite's reader of XML answers both follow the
spec's schemas with these, so that neither names a field of the spec.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

JsonSchema = dict[str, Any]


def alternatives(schema: JsonSchema) -> Iterator[JsonSchema]:
    """The schema itself and, recursively, each of its anyOf/oneOf/allOf members."""
    yield schema
    for keyword in ("anyOf", "oneOf", "allOf"):
        for member in schema.get(keyword, []):
            yield from alternatives(member)


def own_types(member: JsonSchema) -> list[str]:
    """The types one schema node declares itself, not counting its alternatives."""
    declared = member.get("type", [])
    return [declared] if isinstance(declared, str) else list(declared)


def schema_types(schema: JsonSchema) -> set[str]:
    """Every JSON type a value of this schema may have ("string", "null", ...)."""
    return {kind for member in alternatives(schema) for kind in own_types(member)}


def child_schema(schema: JsonSchema, name: str) -> JsonSchema:
    """The schema of property ``name`` of an object schema; ``{}`` (anything) if undeclared."""
    for member in alternatives(schema):
        if name in member.get("properties", {}):
            found: JsonSchema = member["properties"][name]
            return found
    for member in alternatives(schema):
        extra = member.get("additionalProperties")
        if isinstance(extra, dict):
            return extra
    return {}

"""Small generic readers of an inlined JSON Schema: types, child schemas, readOnly fields.

The body decoders and the validator use these so that no field name of the request
appears in server code: everything follows the schema loaded from the spec.
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


def schema_types(schema: JsonSchema) -> set[str]:
    """Every JSON type a value of this schema may have ("string", "null", ...)."""
    types: set[str] = set()
    for member in alternatives(schema):
        declared = member.get("type", [])
        types.update([declared] if isinstance(declared, str) else declared)
    return types


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


def without_read_only(value: Any, schema: JsonSchema) -> Any:
    """``value`` minus the properties the schema marks readOnly, at any depth.

    The server fills those in (OpenAPI: a request should not send them); a request that
    does is not refused, the values are dropped.
    """
    if not isinstance(value, dict):
        return value
    kept: dict[str, Any] = {}
    for name, item in value.items():
        item_schema = child_schema(schema, name)
        if not item_schema.get("readOnly"):
            kept[name] = without_read_only(item, item_schema)
    return kept

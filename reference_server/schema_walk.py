"""Drop the readOnly properties of a request value, by its inlined JSON Schema.

The generic schema readers (types, child schemas) are spec_loader.schema_readers',
shared with the suite: no field name of the request appears in server code.
"""

from __future__ import annotations

from typing import Any

from spec_loader.schema_readers import JsonSchema, alternatives, child_schema


class ReadOnlyStripper:
    """Drops the properties a schema marks readOnly, at any depth, from request values.

    The server fills those in (OpenAPI: a request should not send them); a request that
    does is not refused, the values are dropped. Each property's schema is looked up
    once and kept, not on every request; undeclared names share one entry, so what a
    caller sends cannot grow the cache.
    """

    def __init__(self, schema: JsonSchema) -> None:
        self._schema = schema
        self._declared = {
            name for member in alternatives(schema) for name in member.get("properties", {})
        }
        # property name (None: any undeclared name) -> its stripper; None if it is readOnly
        self._children: dict[str | None, ReadOnlyStripper | None] = {}

    def without_read_only(self, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        kept: dict[str, Any] = {}
        for name, item in value.items():
            child = self._child(name)
            if child is not None:
                kept[name] = child.without_read_only(item)
        return kept

    def _child(self, name: str) -> ReadOnlyStripper | None:
        key = name if name in self._declared else None
        if key not in self._children:
            # Built on first use, not up front: a recursive schema would never finish.
            item_schema = child_schema(self._schema, name)
            read_only = item_schema.get("readOnly")
            self._children[key] = None if read_only else ReadOnlyStripper(item_schema)
        return self._children[key]

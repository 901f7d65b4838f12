"""spec_loader/schema_readers.py: alternatives, types and child schemas of a JSON Schema.

Seen failing by hand: `alternatives` not recursing into nested anyOf members, and
`child_schema` answering with a member's additionalProperties before a later member's
declared property.
"""

from __future__ import annotations

from spec_loader.schema_readers import alternatives, child_schema, own_types, schema_types

NULLABLE_TEXT = {
    "anyOf": [
        {"type": "string"},
        {"oneOf": [{"type": "null"}, {"allOf": [{"type": ["integer", "boolean"]}]}]},
    ]
}


def test_alternatives_walk_every_member_depth_first() -> None:
    found = list(alternatives(NULLABLE_TEXT))
    assert found[0] is NULLABLE_TEXT
    assert [own_types(member) for member in found] == [
        [],
        ["string"],
        [],
        ["null"],
        [],
        ["integer", "boolean"],
    ]


def test_own_types_accepts_a_string_or_a_list() -> None:
    assert own_types({"type": "string"}) == ["string"]
    assert own_types({"type": ["string", "null"]}) == ["string", "null"]
    assert own_types({}) == []


def test_schema_types_gather_every_alternative() -> None:
    assert schema_types(NULLABLE_TEXT) == {"string", "null", "integer", "boolean"}
    assert schema_types({}) == set()


def test_child_schema_prefers_a_declared_property_in_any_member() -> None:
    declared = {"type": "integer"}
    schema = {
        "additionalProperties": {"type": "string"},
        "anyOf": [{"properties": {"Other": {}}}, {"properties": {"Count": declared}}],
    }
    assert child_schema(schema, "Count") is declared
    assert child_schema(schema, "Unknown") == {"type": "string"}


def test_child_schema_of_an_undeclared_name_is_anything() -> None:
    assert child_schema({"properties": {"A": {"type": "string"}}}, "B") == {}
    assert child_schema({"additionalProperties": False}, "B") == {}

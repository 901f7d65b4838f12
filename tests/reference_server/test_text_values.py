"""reference_server/text_values.py: XML and form text typed by the schema, JSON's 5.0 as 5.

Seen failing by hand: INTEGER without its zero fraction (test_text_takes_the_schema_type
["42.0"]), the null check ahead of the schema's types (a "null" string field becomes
None), and `integral_numbers` turning 5.0 into 5 where the schema wants a number.
"""

from __future__ import annotations

from typing import Any

import pytest

from reference_server.text_values import integral_numbers, typed_tree, typed_value

NULLABLE_INTEGER = {"type": ["integer", "null"]}


@pytest.mark.parametrize(
    ("text", "schema", "value"),
    [
        ("42", NULLABLE_INTEGER, 42),
        ("-42.00", NULLABLE_INTEGER, -42),
        ("null", NULLABLE_INTEGER, None),
        ("4.5", NULLABLE_INTEGER, "4.5"),  # left as text: validation names the field
        ("1e3", {"type": "number"}, 1000.0),
        ("1e400", {"type": "number"}, "1e400"),
        ("true", {"type": "boolean"}, True),
        ("1", {"type": "boolean"}, "1"),
        ("null", {"type": "string"}, "null"),
        ("", {"type": "object"}, {}),
        ("42", {}, "42"),
    ],
)
def test_text_takes_the_schema_type(text: str, schema: dict[str, Any], value: object) -> None:
    assert typed_value(text, schema) == value
    assert type(typed_value(text, schema)) is type(value)


def test_an_integer_longer_than_python_converts_stays_text() -> None:
    digits = "9" * 5000
    assert typed_value(digits, {"type": "integer"}) == digits


def test_typed_tree_follows_properties_and_items() -> None:
    schema = {
        "type": "object",
        "properties": {
            "Id": {"type": "integer"},
            "Tags": {"type": "array", "items": {"type": "boolean"}},
            "Name": {"type": "string"},
        },
    }
    tree = {"Id": "7", "Tags": ["true", "false"], "Name": "7", "Other": "7"}
    assert typed_tree(tree, schema) == {"Id": 7, "Tags": [True, False], "Name": "7", "Other": "7"}


def test_integral_numbers_only_where_an_integer_is_allowed() -> None:
    schema = {
        "properties": {
            "Count": {"type": "integer"},
            "Ratio": {"type": "number"},
            "Ids": {"type": "array", "items": {"type": "integer"}},
        }
    }
    document = {"Count": 5.0, "Ratio": 5.0, "Ids": [1.0, 2.5]}
    result = integral_numbers(document, schema)
    assert result == {"Count": 5, "Ratio": 5.0, "Ids": [1, 2.5]}
    assert [type(result["Count"]), type(result["Ratio"]), type(result["Ids"][0])] == [
        int,
        float,
        int,
    ]

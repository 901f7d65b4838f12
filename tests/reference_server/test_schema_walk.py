"""reference_server/schema_walk.py: readOnly properties dropped from a request value.

Seen failing by hand: the strippers of undeclared names each cached under their own name
(test_undeclared_names_share_one_cache_entry), and readOnly looked for only at the top
level (test_read_only_properties_are_dropped_at_any_depth).
"""

from __future__ import annotations

from reference_server.schema_walk import ReadOnlyStripper

SCHEMA = {
    "type": "object",
    "properties": {
        "Id": {"type": "integer", "readOnly": True},
        "Inner": {
            "anyOf": [
                {"type": "object", "properties": {"Stamp": {"readOnly": True}, "Text": {}}},
                {"type": "null"},
            ]
        },
    },
}


def test_read_only_properties_are_dropped_at_any_depth() -> None:
    value = {"Id": 1, "Inner": {"Stamp": "x", "Text": "kept"}, "Extra": [1]}
    assert ReadOnlyStripper(SCHEMA).without_read_only(value) == {
        "Inner": {"Text": "kept"},
        "Extra": [1],
    }


def test_values_that_are_no_objects_pass_unchanged() -> None:
    stripper = ReadOnlyStripper(SCHEMA)
    assert stripper.without_read_only([{"Id": 1}]) == [{"Id": 1}]
    assert stripper.without_read_only({"Inner": None}) == {"Inner": None}


def test_undeclared_names_share_one_cache_entry() -> None:
    stripper = ReadOnlyStripper(SCHEMA)
    stripper.without_read_only({f"name{index}": index for index in range(50)})
    assert len(stripper._children) == 1

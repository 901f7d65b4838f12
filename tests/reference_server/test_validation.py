"""reference_server/validation.py: schema problems named by place and rule, never by value.

Seen failing by hand: describe() returning jsonschema-rs's own message (the secret is
quoted), the property name left out of a "required" message, and the cap of
MAX_REPORTED_PROBLEMS removed.
"""

from __future__ import annotations

import pytest

from reference_server.validation import (
    BODY,
    MAX_REPORTED_PROBLEMS,
    RequestValidator,
    all_text_encodable,
    unencodable_text,
)

SECRET = "secret-value-9f2c"
SCHEMA = {
    "type": "object",
    "required": ["Name"],
    "properties": {
        "Name": {"type": "string", "maxLength": 4},
        "Count": {"type": "integer", "minimum": 1},
        "Email": {"type": "string", "format": "email"},
        "Either": {"anyOf": [{"type": "integer"}, {"type": "boolean"}]},
        "Items": {"type": "array", "items": {"type": "string", "pattern": "^a$"}},
    },
}


@pytest.fixture
def validator() -> RequestValidator:
    return RequestValidator(SCHEMA)


def test_a_valid_document_has_no_problem(validator: RequestValidator) -> None:
    assert validator.problems({"Name": "abc", "Count": 2, "Email": "a@example.com"}) == []


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({}, "Name: is required"),
        ({"Name": SECRET}, "Name: must be at most 4 characters long"),
        ({"Name": "a", "Count": 0}, "Count: must be at least 1"),
        ({"Name": "a", "Email": SECRET}, "Email: is not a valid email"),
        ({"Name": "a", "Either": SECRET}, "Either: matches none of the allowed shapes"),
        ({"Name": "a", "Items": [SECRET]}, "Items.0: breaks the schema's 'pattern' rule"),
        ([SECRET], f"{BODY}: must be of type object"),
    ],
)
def test_each_problem_is_named_without_the_value(
    validator: RequestValidator, document: object, problem: str
) -> None:
    assert validator.problems(document) == [problem]


def test_at_most_so_many_problems_are_reported(validator: RequestValidator) -> None:
    document = {"Name": "a", "Items": [str(index) for index in range(MAX_REPORTED_PROBLEMS * 2)]}
    assert len(validator.problems(document)) == MAX_REPORTED_PROBLEMS


def test_text_utf8_cannot_store_is_found_in_values_and_names(validator: RequestValidator) -> None:
    document = {"Name": "\ud800", "Items": ["ok", "\udfff"], "\ud801": 1}
    assert not all_text_encodable(document)
    assert sorted(unencodable_text(document, [])) == [
        "(property name): is not valid Unicode text",
        "Items.1: is not valid Unicode text",
        "Name: is not valid Unicode text",
    ]
    assert validator.problems(document)[0].endswith("is not valid Unicode text")
    assert all_text_encodable({"Name": "ünïcødé"})

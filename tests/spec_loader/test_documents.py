"""spec_loader/documents.py: values in a JSON document, by path and by type."""

from __future__ import annotations

import json
from typing import Any

import pytest

from spec_loader.documents import MISSING, json_type, value_at

DOCUMENT = {"Credentials": {"PublicValue": "imap", "Nothing": None}, "Type": "mail"}


def test_value_at_follows_the_path() -> None:
    assert value_at(DOCUMENT, ("Credentials", "PublicValue")) == "imap"
    assert value_at(DOCUMENT, ("Type",)) == "mail"
    assert value_at(DOCUMENT, ()) is DOCUMENT


@pytest.mark.parametrize(
    "path", [("Credentials", "Absent"), ("Type", "Deeper"), ("Credentials", "Nothing", "x")]
)
def test_value_at_is_none_where_the_path_leads_nowhere(path: tuple[str, ...]) -> None:
    assert value_at(DOCUMENT, path) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("null", "null"),
        ("true", "boolean"),
        ("0", "integer"),
        ("0.5", "number"),
        ('"0"', "string"),
        ("{}", "object"),
        ("[]", "array"),
    ],
)
def test_json_type_names_json_schema_types(text: str, kind: str) -> None:
    value: Any = json.loads(text)
    assert json_type(value) == kind


def test_missing_is_no_json_value() -> None:
    assert MISSING is not None
    assert json_type(MISSING) not in {"null", "boolean", "integer", "number", "string"}

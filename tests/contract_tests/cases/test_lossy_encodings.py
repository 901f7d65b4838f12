"""The XML/form case filter drops exactly the bodies those encodings cannot carry."""

from __future__ import annotations

import json
from typing import Any

import pytest

import spec_loader
from contract_tests.cases.lossy_encodings import (
    FORM_MEDIA_TYPE,
    arrives_as_generated,
    declared_types,
)

SAVE = "SaveUntrustedCredentialsForAssociate"
SPEC = spec_loader.load_spec()
EXAMPLE = spec_loader.component(SPEC, "examples", "ImapCredentials")["value"]
MEDIA_TYPES = spec_loader.request_media_types(SPEC, SAVE)
XML_MEDIA_TYPES = [media_type for media_type in MEDIA_TYPES if media_type.endswith("xml")]
SECRET_PATH = spec_loader.secret_paths(spec_loader.request_schema(SPEC, SAVE))[0]


def with_secret(value: Any) -> dict[str, Any]:
    outer, inner = SECRET_PATH
    return {**EXAMPLE, outer: {**EXAMPLE[outer], inner: value}}


def path_allowing(*types: str) -> tuple[str, ...]:
    return next(path for path, allowed in declared_types(SAVE).items() if allowed == set(types))


def with_value(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    """The spec's example with one property, at any depth, set to ``value``."""
    document: dict[str, Any] = json.loads(json.dumps(EXAMPLE))
    *parents, name = path
    node = document
    for parent in parents:
        node = node[parent]
    node[name] = value
    return document


def with_empty_carrier() -> dict[str, Any]:
    return {**EXAMPLE, SECRET_PATH[0]: {}}


def test_every_media_type_carries_the_spec_example() -> None:
    assert all(arrives_as_generated(SAVE, media_type, EXAMPLE) for media_type in MEDIA_TYPES)


@pytest.mark.parametrize("text", ["a\x00b", "a\x1bb", "a\r\nb", "\ufffe"])
def test_xml_drops_what_xml_cannot_carry(text: str) -> None:
    for media_type in XML_MEDIA_TYPES:
        assert not arrives_as_generated(SAVE, media_type, with_secret(text))
    assert arrives_as_generated(SAVE, FORM_MEDIA_TYPE, with_secret(text))
    assert arrives_as_generated(SAVE, MEDIA_TYPES[0], with_secret(text))


def test_text_encodings_drop_a_nested_empty_object() -> None:
    for media_type in [*XML_MEDIA_TYPES, FORM_MEDIA_TYPE]:
        assert not arrives_as_generated(SAVE, media_type, with_empty_carrier())
    assert arrives_as_generated(SAVE, MEDIA_TYPES[0], with_empty_carrier())


@pytest.mark.parametrize("items", [[], [True], [True, False], [[True, False]]])
def test_text_encodings_drop_a_list(items: list[Any]) -> None:
    # The long fuzz's false alarm: `Credentials.IsActive: []` was written as nothing, so
    # a valid body arrived, was saved, and the server was blamed for accepting a list.
    outer, inner = next(path for path, types in declared_types(SAVE).items() if "boolean" in types)
    nested = {**EXAMPLE, outer: {**EXAMPLE[outer], inner: items}}
    for body in (nested, {**EXAMPLE, "Extra": items}, [EXAMPLE, *items]):
        for media_type in [*XML_MEDIA_TYPES, FORM_MEDIA_TYPE]:
            assert not arrives_as_generated(SAVE, media_type, body)
        assert arrives_as_generated(SAVE, MEDIA_TYPES[0], body)


@pytest.mark.parametrize(
    ("types", "value", "arrives"),
    [
        # The long fuzz's false alarm: "" sent for Credentials arrived as an empty object.
        (("object",), "", False),
        (("object",), "not an object", True),
        (("string",), None, False),  # written `null`, read as the string "null"
        (("string",), True, False),  # written `true`, read as the string "true"
        (("string",), "text", True),
        (("string", "null"), "null", False),  # read as null
        (("string", "null"), None, True),
        (("integer",), "42", False),
        (("integer",), 42, True),
        (("integer",), "forty-two", True),
    ],
)
def test_text_encodings_drop_a_value_read_back_as_another_type(
    types: tuple[str, ...], value: Any, arrives: bool
) -> None:
    body = with_value(path_allowing(*types), value)
    for media_type in [*XML_MEDIA_TYPES, FORM_MEDIA_TYPE]:
        assert arrives_as_generated(SAVE, media_type, body) is arrives
    assert arrives_as_generated(SAVE, MEDIA_TYPES[0], body)


@pytest.mark.parametrize("name", ["Extra[", "Extra]", f"{SECRET_PATH[0]}[{SECRET_PATH[1]}]"])
def test_form_drops_a_property_name_with_brackets(name: str) -> None:
    extra = {**EXAMPLE, name: "x"}
    nested = {**EXAMPLE, SECRET_PATH[0]: {**EXAMPLE[SECRET_PATH[0]], name: "x"}}

    assert not arrives_as_generated(SAVE, FORM_MEDIA_TYPE, extra)
    assert not arrives_as_generated(SAVE, FORM_MEDIA_TYPE, nested)
    for media_type in [*XML_MEDIA_TYPES, MEDIA_TYPES[0]]:
        assert arrives_as_generated(SAVE, media_type, extra)

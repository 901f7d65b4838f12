"""The XML/form case filter drops exactly the bodies those encodings cannot carry."""

from __future__ import annotations

from typing import Any

import pytest

import spec_loader
from contract_tests.lossy_encodings import FORM_MEDIA_TYPE, arrives_as_generated, scalar_paths

SPEC = spec_loader.load_spec()
EXAMPLE = spec_loader.component(SPEC, "examples", "ImapCredentials")["value"]
MEDIA_TYPES = spec_loader.request_media_types(SPEC)
XML_MEDIA_TYPES = [media_type for media_type in MEDIA_TYPES if media_type.endswith("xml")]
SECRET_PATH = spec_loader.write_only_paths(spec_loader.request_schema(SPEC))[0]


def with_secret(value: Any) -> dict[str, Any]:
    outer, inner = SECRET_PATH
    return {**EXAMPLE, outer: {**EXAMPLE[outer], inner: value}}


def with_empty_carrier() -> dict[str, Any]:
    return {**EXAMPLE, SECRET_PATH[0]: {}}


def test_every_media_type_carries_the_spec_example() -> None:
    assert all(arrives_as_generated(media_type, EXAMPLE) for media_type in MEDIA_TYPES)


@pytest.mark.parametrize("text", ["a\x00b", "a\x1bb", "a\r\nb", "\ufffe"])
def test_xml_drops_what_xml_cannot_carry(text: str) -> None:
    for media_type in XML_MEDIA_TYPES:
        assert not arrives_as_generated(media_type, with_secret(text))
    assert arrives_as_generated(FORM_MEDIA_TYPE, with_secret(text))
    assert arrives_as_generated(MEDIA_TYPES[0], with_secret(text))


def test_text_encodings_drop_a_nested_empty_object() -> None:
    for media_type in [*XML_MEDIA_TYPES, FORM_MEDIA_TYPE]:
        assert not arrives_as_generated(media_type, with_empty_carrier())
    assert arrives_as_generated(MEDIA_TYPES[0], with_empty_carrier())


@pytest.mark.parametrize("items", [[], [True], [True, False], [[True, False]]])
def test_text_encodings_drop_a_list(items: list[Any]) -> None:
    # The long fuzz's false alarm: `Credentials.IsActive: []` was written as nothing, so
    # a valid body arrived, was saved, and the server was blamed for accepting a list.
    outer, inner = next(path for path, kind in scalar_paths().items() if kind == "boolean")
    nested = {**EXAMPLE, outer: {**EXAMPLE[outer], inner: items}}
    for body in (nested, {**EXAMPLE, "Extra": items}, [EXAMPLE, *items]):
        for media_type in [*XML_MEDIA_TYPES, FORM_MEDIA_TYPE]:
            assert not arrives_as_generated(media_type, body)
        assert arrives_as_generated(MEDIA_TYPES[0], body)


def test_text_encodings_drop_a_wrong_scalar_that_reads_right() -> None:
    schema = spec_loader.request_schema(SPEC)
    integer_field = next(
        name for name, child in schema["properties"].items() if child.get("type") == "integer"
    )
    retyped = {**EXAMPLE, integer_field: str(EXAMPLE[integer_field])}
    for media_type in [*XML_MEDIA_TYPES, FORM_MEDIA_TYPE]:
        assert not arrives_as_generated(media_type, retyped)
        assert arrives_as_generated(media_type, {**EXAMPLE, integer_field: "forty-two"})
    assert arrives_as_generated(MEDIA_TYPES[0], retyped)


@pytest.mark.parametrize("name", ["Extra[", "Extra]", f"{SECRET_PATH[0]}[{SECRET_PATH[1]}]"])
def test_form_drops_a_property_name_with_brackets(name: str) -> None:
    extra = {**EXAMPLE, name: "x"}
    nested = {**EXAMPLE, SECRET_PATH[0]: {**EXAMPLE[SECRET_PATH[0]], name: "x"}}

    assert not arrives_as_generated(FORM_MEDIA_TYPE, extra)
    assert not arrives_as_generated(FORM_MEDIA_TYPE, nested)
    for media_type in [*XML_MEDIA_TYPES, MEDIA_TYPES[0]]:
        assert arrives_as_generated(media_type, extra)

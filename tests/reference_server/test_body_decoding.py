"""reference_server/body_decoding.py: each body syntax decoded into the JSON data model.

Seen failing by hand: the FORM_SUBTYPE branch of body_format removed
(test_every_request_media_type_of_the_spec_has_a_decoder), the defusedxml branch of decode_xml
removed (test_xml_refusals["DTD"]), the root-name check removed (test_xml_refusals["wrong root"]),
and the value-and-object check in `insert` removed (test_form_refusals).
"""

from __future__ import annotations

import re

import pytest

import spec_loader
from reference_server.body_decoding import (
    MAX_FORM_FIELDS,
    BodyFormat,
    UndecodableBodyError,
    body_format,
    decode_body,
    looks_like_json,
)

SPEC = spec_loader.load_spec()
SCHEMA = {
    "type": "object",
    "xml": {"name": "Root"},
    "properties": {
        "Count": {"type": "integer"},
        "Inner": {"type": "object", "properties": {"Flag": {"type": "boolean"}}},
        "Note": {"type": ["string", "null"]},
    },
}


def test_every_request_media_type_of_the_spec_has_a_decoder() -> None:
    for op in spec_loader.operations(SPEC):
        for media_type in spec_loader.request_media_types(SPEC, op.operation_id):
            assert body_format(media_type) is not None, media_type


@pytest.mark.parametrize(
    ("media_type", "found"),
    [
        ("application/problem+json", BodyFormat.JSON),
        ("text/xml", BodyFormat.XML),
        ("application/x-www-form-urlencoded", BodyFormat.FORM),
        ("text/plain", None),
    ],
)
def test_body_format_by_the_name(media_type: str, found: BodyFormat | None) -> None:
    assert body_format(media_type) is found


def test_json_with_integral_floats_as_integers() -> None:
    assert decode_body(b'{"Count": 5.0, "Note": null}', BodyFormat.JSON, None, SCHEMA) == {
        "Count": 5,
        "Note": None,
    }


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"Count": NaN}', "NaN is not a JSON number"),
        (b'{"Count": 1e400}', "out of range"),
        (b'{"Count": ' + b"9" * 5000 + b"}", "too many digits"),
        (b'{"Note": "secret-value"', "not valid JSON (line 1, column"),
        (b"[" * 100_000, "nested too deeply"),
        (b"\xff", "not valid utf-8"),
    ],
    ids=["NaN", "infinite", "long integer", "cut short", "deep", "not utf-8"],
)
def test_json_refusals_quote_nothing(body: bytes, message: str) -> None:
    with pytest.raises(UndecodableBodyError, match=re.escape(message)) as raised:
        decode_body(body, BodyFormat.JSON, None, SCHEMA)
    assert "secret" not in str(raised.value)


def test_an_unknown_charset_is_named() -> None:
    with pytest.raises(UndecodableBodyError, match="unknown charset"):
        decode_body(b"{}", BodyFormat.JSON, "no-such-charset", SCHEMA)


def test_xml_in_the_schema_shape() -> None:
    body = (
        b'<x:Root xmlns:x="urn:x" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        b'<x:Count>7</x:Count><Inner><Flag>true</Flag></Inner><Note xsi:nil="true"/>'
        b"<Tag>a</Tag><Tag>b</Tag></x:Root>"
    )
    assert decode_body(body, BodyFormat.XML, None, SCHEMA) == {
        "Count": 7,
        "Inner": {"Flag": True},
        "Note": None,
        "Tag": ["a", "b"],
    }


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<Other/>", "root element must be <Root>"),
        (b'<!DOCTYPE Root [<!ENTITY e "x">]><Root>&e;</Root>', "DTDs"),
        (b"<Root>", "not well-formed XML"),
        (b'<?xml version="1.0" encoding="no-such"?><Root/>', "unsupported encoding"),
    ],
    ids=["wrong root", "DTD", "cut short", "encoding"],
)
def test_xml_refusals(body: bytes, message: str) -> None:
    with pytest.raises(UndecodableBodyError, match=re.escape(message)):
        decode_body(body, BodyFormat.XML, None, SCHEMA)


def test_form_in_deep_object_style() -> None:
    body = b"Count=3&Inner%5BFlag%5D=false&Note=null&Tag=a&Tag=b"
    assert decode_body(body, BodyFormat.FORM, None, SCHEMA) == {
        "Count": 3,
        "Inner": {"Flag": False},
        "Note": None,
        "Tag": ["a", "b"],
    }


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"Inner=x&Inner[Flag]=true", "Inner: given both as a value and as an object"),
        (b"Inner[Flag]=true&Inner=x", "Inner: given both as a value and as an object"),
        (b"&".join([b"a=1"] * (MAX_FORM_FIELDS + 1)), f"more than {MAX_FORM_FIELDS}"),
        (b"Note=%ff", "percent-encoded value is not valid text"),
    ],
    ids=["value then object", "object then value", "too many fields", "bad escape"],
)
def test_form_refusals(body: bytes, message: str) -> None:
    with pytest.raises(UndecodableBodyError, match=re.escape(message)):
        decode_body(body, BodyFormat.FORM, None, SCHEMA)


@pytest.mark.parametrize(
    ("body", "looks"), [(b' \n{"a": 1}', True), (b"[1]", True), (b"a=1", False)]
)
def test_looks_like_json(body: bytes, looks: bool) -> None:
    assert looks_like_json(body) is looks

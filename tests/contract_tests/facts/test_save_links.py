"""facts/save_links: what a save's links say it did, and how to read it back and remove it.

Seen failing by hand: ``LinkedCall.body_from`` without its schema check (a Get of an
invalid associate was then sent), and ``_carrier_field`` accepting a date-time without
a read-back precision.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

import spec_loader
from contract_tests.facts.save_links import (
    PRECISION_EXTENSION,
    _carrier_field,
    effect_facts,
)
from spec_loader.documents import value_at

SPEC = spec_loader.load_spec()
FACTS = effect_facts()
SAVE_EXAMPLE = spec_loader.component(SPEC, "examples", "ImapCredentials")["value"]


def test_the_read_back_and_the_remove_of_the_example_save() -> None:
    get = FACTS.read_back.body_from(SAVE_EXAMPLE)
    remove = FACTS.remove.body_from(SAVE_EXAMPLE)
    assert get is not None
    assert remove is not None
    for call, body in ((FACTS.read_back, get), (FACTS.remove, remove)):
        for name, path in call.pointers.items():
            assert body[name] == value_at(SAVE_EXAMPLE, path)
    assert FACTS.identity_field.name in remove
    assert FACTS.identity_field.name not in get


def test_a_body_the_spec_refuses_is_none() -> None:
    associate = next(name for name, path in FACTS.read_back.pointers.items() if len(path) == 1)
    assert FACTS.read_back.body_from({**SAVE_EXAMPLE, associate: "not a number"}) is None


def test_the_carrier_fields_split_by_role() -> None:
    compared = {field.name for field in FACTS.compared_fields}
    secret = {field.name for field in FACTS.secret_fields}
    assert secret
    assert not compared & secret
    assert FACTS.identity_field.name not in compared | secret
    for field in FACTS.secret_fields:
        assert field.schema["format"] == "password"
    assert all(not field.schema.get("readOnly") for field in FACTS.compared_fields)
    assert FACTS.json_media_type in spec_loader.request_media_types(SPEC, FACTS.save_operation_id)


def test_dates_carry_their_precision() -> None:
    dated = [field for field in FACTS.compared_fields if field.schema.get("format") == "date-time"]
    assert dated
    assert all(field.precision is not None for field in dated)
    assert _carrier_field(
        "When", {"format": "date-time", PRECISION_EXTENSION: "millisecond"}
    ).precision == Fraction(1, 1000)
    with pytest.raises(ValueError, match=PRECISION_EXTENSION):
        _carrier_field("When", {"type": "string", "format": "date-time"})
    assert _carrier_field("Text", {"type": "string", "example": "e"}).example == "e"

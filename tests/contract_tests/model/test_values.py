"""values: the classes of carrier values, made from each field's schema and example.

Seen failing by hand: ``text_values`` with ``None`` for a field whose schema does not
allow null.
"""

from __future__ import annotations

from hypothesis import given, settings

from contract_tests.facts.save_links import CarrierField
from contract_tests.model.facts import model_facts
from contract_tests.model.values import LEFT_OUT, carriers, field_values
from spec_loader.schema_readers import schema_types

FIELDS = model_facts().carrier_fields
NULLABLE = CarrierField("Note", {"type": ["string", "null"], "maxLength": 6}, None)
REQUIRED_TEXT = CarrierField("Name", {"type": "string", "minLength": 1, "example": "Ab"}, None)


def test_every_field_has_its_plain_value_first_and_left_out_last() -> None:
    for field in FIELDS:
        values = field_values(field)
        assert values[-1] is LEFT_OUT
        assert LEFT_OUT not in values[:-1]
        if field.example is not None:
            assert values[0] == field.example, field.name


def test_text_values_fit_the_schema() -> None:
    values = field_values(NULLABLE)[:-1]
    assert None in values
    assert "" in values
    assert all(len(value) <= 6 for value in values if isinstance(value, str))
    assert len(values) == len(set(values))
    required = field_values(REQUIRED_TEXT)[:-1]
    assert None not in required
    assert "" not in required
    assert "aB" in required  # the example in swapped case
    assert any(len(value) > 6 for value in required)  # no maxLength: nothing cut


def test_booleans_and_dates() -> None:
    flag = CarrierField("On", {"type": "boolean"}, None)
    assert field_values(flag) == [True, False, LEFT_OUT]
    date = next(field for field in FIELDS if field.precision is not None)
    values = field_values(date)
    assert values[0] == date.example
    assert len(values) > 3
    assert all("T" in value for value in values[:-1])


@settings(max_examples=30, database=None)
@given(carriers(FIELDS))
def test_a_carrier_holds_no_left_out_field(carrier: dict[str, object]) -> None:
    names = {field.name for field in FIELDS}
    assert set(carrier) <= names
    assert LEFT_OUT not in carrier.values()
    for field in FIELDS:
        if field.name in carrier and carrier[field.name] is None:
            assert "null" in schema_types(field.schema)

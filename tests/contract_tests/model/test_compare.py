"""compare: a saved value and its read-back, equal as the spec promises.

Seen failing by hand: ``instant`` with the offset's sign turned round.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from contract_tests.facts.save_links import CarrierField
from contract_tests.model.compare import (
    SHOWN_LENGTH,
    Difference,
    differences,
    instant,
    key_value,
    same_value,
    shown,
)
from spec_loader.documents import MISSING

TEXT = CarrierField("Comment", {"type": "string"}, None)
FLAG = CarrierField("IsActive", {"type": "boolean"}, None)
DATE = CarrierField("ValidFrom", {"type": "string", "format": "date-time"}, Fraction(1))


@pytest.mark.parametrize(
    "other",
    ["2024-03-01T05:45:00+05:45", "2024-02-29T14:30:00-09:30", "2024-03-01T00:00:00.000Z"],
)
def test_one_instant_in_other_offsets(other: str) -> None:
    assert instant(other) == instant("2024-03-01T00:00:00Z")


def test_fractions_and_days_count() -> None:
    base = instant("2024-02-28T23:59:59Z")
    assert base is not None
    assert instant("2024-02-29T00:00:00Z") == base + 1
    assert instant("2024-02-28T23:59:59.5000001Z") == base + Fraction("0.5000001")


def test_before_the_first_datetime_instant() -> None:
    # datetime cannot hold it; the count by hand can.
    first = instant("0001-01-01T00:00:00Z")
    assert first is not None
    assert instant("0001-01-01T00:00:00+05:00") == first - 5 * 3600


@pytest.mark.parametrize("value", ["2024-02-30T00:00:00Z", "2024-01-01", "yesterday", 17, None])
def test_no_date_time_is_no_instant(value: object) -> None:
    assert instant(value) is None


def test_dates_compare_within_the_precision() -> None:
    sent = "2024-03-01T00:00:00.9999999+01:00"
    assert same_value(DATE, sent, "2024-02-29T23:00:00.5Z")
    assert not same_value(DATE, sent, "2024-02-29T23:00:02Z")
    assert not same_value(DATE, sent, "not a date")
    # A sent value that is no date is nothing to compare.
    assert same_value(DATE, "not a date", "2024-02-29T23:00:00Z")


def test_types_count_and_no_value_is_one() -> None:
    assert same_value(FLAG, True, True)
    assert not same_value(FLAG, True, 1)
    assert not same_value(TEXT, "1", 1)
    assert same_value(TEXT, None, MISSING)
    assert not same_value(TEXT, "", None)


def test_null_left_out_and_empty_are_one_key() -> None:
    assert key_value(None) == key_value(MISSING) == key_value("") == ""
    assert key_value("mail") == "mail"


def test_differences_skip_what_the_save_left_out() -> None:
    sent = {"Comment": "a", "IsActive": True}
    returned = {"Comment": "b", "IsActive": True}
    assert differences((TEXT, FLAG, DATE), sent, returned) == [Difference("Comment", "a", "b")]
    assert differences((TEXT, DATE), {}, returned) == []
    assert "read back as (left out)" in differences((TEXT,), sent, {})[0].describe()


def test_long_values_are_cut_short() -> None:
    assert len(shown("x" * 500)) < 2 * SHOWN_LENGTH
    assert shown("x") == "'x'"

"""Compare a credential as saved with the same credential as a Get returns it.

Dates are compared as instants, to the precision the spec promises
(``x-read-back-precision``): a server may answer in another offset, with more or fewer
fractional digits. Booleans and text are compared exactly, type included (JSON's
``true`` is not ``1``). A field the save left out may come back with any default, and
a null may come back left out: JSON has no other way to say "no value".
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from contract_tests.facts.save_links import CarrierField
from spec_loader.documents import MISSING, json_type

RFC3339 = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[Tt ](?P<hour>\d{2}):(?P<minute>\d{2}):(?P<second>\d{2})"
    r"(?P<fraction>\.\d+)?(?:(?P<utc>[Zz])|(?P<sign>[+-])(?P<off_hour>\d{2}):(?P<off_minute>\d{2}))"
)
SECONDS_PER_DAY = 86400
# Longer than this, a value is cut short in a failure message.
SHOWN_LENGTH = 80


def instant(value: Any) -> Fraction | None:
    """Exact seconds since 0001-01-01T00:00:00Z; None when ``value`` is no RFC 3339 date-time.

    Counted by hand rather than with datetime: 0001-01-01T00:00:00+05:00 is a valid
    date-time that lies before datetime's first instant, and 23:59:60 a leap second.
    """
    match = RFC3339.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        day = datetime.date.fromisoformat(match["date"]).toordinal()
    except ValueError:
        return None
    seconds = int(match["hour"]) * 3600 + int(match["minute"]) * 60 + int(match["second"])
    if match["sign"]:
        offset = int(match["off_hour"]) * 3600 + int(match["off_minute"]) * 60
        seconds -= offset if match["sign"] == "+" else -offset
    fraction = Fraction(match["fraction"]) if match["fraction"] else Fraction(0)
    return day * SECONDS_PER_DAY + seconds + fraction


def no_value(value: Any) -> bool:
    """Null or left out: the two ways JSON says a field has no value, which compare equal."""
    return value is None or value is MISSING


def same_value(field: CarrierField, sent: Any, returned: Any) -> bool:
    if no_value(sent) or no_value(returned):
        return no_value(sent) and no_value(returned)
    if field.precision is not None:
        sent_instant, returned_instant = instant(sent), instant(returned)
        if sent_instant is None:
            return True  # not a date the server should have accepted: nothing to compare
        return returned_instant is not None and abs(sent_instant - returned_instant) < (
            field.precision
        )
    return json_type(sent) == json_type(returned) and bool(sent == returned)


def key_value(value: Any) -> Any:
    """A key field's value as a key: null, left out and "" are one key (the spec's Save says so)."""
    return "" if no_value(value) else value


@dataclass(frozen=True)
class Difference:
    field: str
    sent: Any
    returned: Any

    def describe(self) -> str:
        return f"{self.field} was saved as {shown(self.sent)}, read back as {shown(self.returned)}"


def shown(value: Any) -> str:
    if value is MISSING:
        return "(left out)"
    text = repr(value)
    return text if len(text) <= SHOWN_LENGTH else f"{text[:SHOWN_LENGTH]}...'"


def differences(
    fields: tuple[CarrierField, ...], sent: Mapping[str, Any], returned: Mapping[str, Any]
) -> list[Difference]:
    """The fields the save sent that the credential read back does not hold the same."""
    found = []
    for field in fields:
        value = sent.get(field.name, MISSING)
        if value is MISSING:
            continue
        back = returned.get(field.name, MISSING)
        if not same_value(field, value, back):
            found.append(Difference(field.name, value, back))
    return found

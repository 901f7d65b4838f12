"""The values the model saves: per carrier field, the classes that break real servers.

Every class is made from the field's schema (its type, maxLength, nullability, format)
and, where a plain value is needed, the field's own example:

- text: the example; the longest text the schema allows, ending outside the BMP (a
  server counting UTF-16 units or bytes cuts it); text outside Latin-1 (a Latin-1
  column turns it into ``?``) and outside the BMP (a UCS-2 or three-byte UTF-8 column
  mangles it); leading and trailing spaces (trimmed by many a model binder); the example
  in swapped letter case (folded by a case-insensitive store); ``""``; null where the
  schema allows it; left out;
- date-times: the example (the vendor's seven fractional digits and an offset), the same
  instant in UTC, offsets other than UTC (quarter and half hours, +14:00 and -12:00),
  the far past and the far future within what the schema allows;
- booleans: both ways, and left out.

The plain value comes first: hypothesis shrinks towards it, so a shrunk failure keeps
only the edge values it needs.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from contract_tests.facts.save_links import CarrierField
from contract_tests.model.keys import NOT_BMP, NOT_LATIN_1, longest_text
from spec_loader.documents import MISSING
from spec_loader.schema_readers import schema_types

# Left out of the carrier: every carrier field is optional.
LEFT_OUT: Any = MISSING
DATE_TIME = "date-time"
# Used when a text field has no example of its own.
PLAIN_TEXT = "plain text"
# Same-instant and edge forms of a date-time; the vendor writes seven fractional digits.
DATE_TIMES = (
    "2024-02-29T23:59:59.9999999+05:45",
    "2024-03-31T02:30:00-09:30",
    "2000-01-01T00:00:00+14:00",
    "1999-12-31T23:59:59.1234567-12:00",
    "2019-07-14T01:24:48.5653818Z",
    # The far past and future, with offsets that keep the instant within years 1 to 9999.
    "0001-01-01T00:00:00.0000001-09:30",
    "9999-12-31T23:59:59.9999999+01:00",
)


def _fitted(text: str, schema: dict[str, Any]) -> str:
    return text[: schema.get("maxLength", len(text))]


def text_values(field: CarrierField) -> list[Any]:
    schema = field.schema
    example = field.example if isinstance(field.example, str) else PLAIN_TEXT
    limit = schema.get("maxLength")
    values: list[Any] = [
        example,
        f"{NOT_LATIN_1} Почта {NOT_LATIN_1}",
        f"{NOT_BMP} mailbox {NOT_BMP}",
        f"  {example}  ",
        example.swapcase(),
    ]
    if limit is not None:
        values.insert(1, longest_text(limit))
    if schema.get("minLength", 0) == 0:
        values.append("")
    values = [_fitted(value, schema) for value in values]
    if "null" in schema_types(schema):
        values.append(None)
    return list(dict.fromkeys(values))


def date_values(field: CarrierField) -> list[Any]:
    example = field.example if isinstance(field.example, str) else DATE_TIMES[0]
    return list(dict.fromkeys([example, *DATE_TIMES]))


def field_values(field: CarrierField) -> list[Any]:
    """The values of one carrier field's classes, the plain one first, left out last."""
    types = schema_types(field.schema)
    if field.schema.get("format") == DATE_TIME:
        values = date_values(field)
    elif "boolean" in types:
        values = [True, False]
    elif "string" in types:
        values = text_values(field)
    else:
        values = []  # no such carrier field today: sent only as left out
    return [*values, LEFT_OUT]


def carriers(fields: tuple[CarrierField, ...]) -> st.SearchStrategy[dict[str, Any]]:
    """Carriers with one value class drawn per field (left out fields are absent)."""
    drawn = {field.name: st.sampled_from(field_values(field)) for field in fields}

    def present(values: dict[str, Any]) -> dict[str, Any]:
        return {name: value for name, value in values.items() if value is not LEFT_OUT}

    return st.fixed_dictionaries(drawn).map(present)

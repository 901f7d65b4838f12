"""Answers of CreateDefault that the spec allows, which the suite must pass.

The spec requires of the defaults only that they carry no secret and no public value;
the other values are the server's choice (openapi.yaml, CreateDefault's description).
So a server may start a credential valid from midnight at its own offset, valid for a
year, and inactive; and a serializer that leaves null fields out (JSON.NET's
``NullValueHandling.Ignore``) answers what one that writes them as null answers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

from starlette.types import ASGIApp

import spec_loader
from fault_lab.intercept import Answer, Exchange, intercept
from fault_lab.planted_fault import Variation
from fault_lab.read_back_faults import DATE_FIELDS, FLAG_FIELD
from fault_lab.store_access import ANSWER_JSON_TYPES, SPEC, operation_of
from spec_loader.statuses import OK

# The operation that takes no body: the one that answers a new carrier.
CREATE_DEFAULT = next(
    op.operation_id for op in spec_loader.operations(SPEC) if "requestBody" not in op.node
)
VALID_FROM, VALID_TO = DATE_FIELDS[:2]


def edit_defaults(edit: Callable[[dict[str, Any]], dict[str, Any]]) -> Callable[[ASGIApp], ASGIApp]:
    """CreateDefault's JSON answers, edited."""

    def edited(request: Exchange, answer: Answer) -> Answer:
        media_type = answer.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if operation_of(request) != CREATE_DEFAULT or answer.status != OK:
            return answer
        if media_type not in ANSWER_JSON_TYPES:
            return answer
        return replace(answer, body=json.dumps(edit(json.loads(answer.body))).encode())

    return intercept(edit_answer=edited)


def vendor_written(date: datetime) -> str:
    """``date`` with seven fractional digits and its offset, as the vendor writes dates."""
    text = date.isoformat()
    return f"{text[:19]}.0000000{text[19:]}"


def a_year_from_midnight(carrier: dict[str, Any]) -> dict[str, Any]:
    midnight = datetime.now(timezone(timedelta(hours=2))).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    valid_to = midnight + timedelta(days=365)
    return {
        **carrier,
        VALID_FROM: vendor_written(midnight),
        VALID_TO: vendor_written(valid_to),
        FLAG_FIELD: False,
    }


def nulls_left_out(carrier: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in carrier.items() if value is not None}


CREATE_DEFAULT_VARIATIONS = (
    Variation(
        "defaults_for_a_year_inactive",
        f"CreateDefault answers {VALID_FROM} at midnight +02:00, {VALID_TO} a year later,"
        f" {FLAG_FIELD} false",
        edit_defaults(a_year_from_midnight),
    ),
    Variation(
        "defaults_nulls_left_out",
        "CreateDefault leaves its null fields out of a JSON answer",
        edit_defaults(nulls_left_out),
    ),
)

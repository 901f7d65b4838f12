"""reference_server/operations/create_default.py: the spec's example carrier, valid from now.

Seen failing by hand: vendor_date without astimezone(UTC) (a time given in another zone
is written as if it were UTC), and `defaults` returning the example itself, so that one
call's time stays in the next call's answer (test_defaults_are_the_example_at_the_call_time).
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import spec_loader
from reference_server.operations.base import Call
from reference_server.operations.create_default import (
    CALL_TIME_FIELD,
    CreateDefaultCredentials,
    vendor_date,
)
from reference_server.settings import Identity, Scheme
from reference_server.storage import CredentialStore
from spec_loader.statuses import OK, spec_key
from tests.reference_server.live_server import CREATE_DEFAULT, SPEC

MOMENT = datetime(2024, 2, 29, 23, 30, 15, 987654, tzinfo=timezone(timedelta(hours=2)))


def test_vendor_date_is_utc_to_the_second_with_seven_digits() -> None:
    assert vendor_date(MOMENT) == "2024-02-29T21:30:15.0000000+00:00"


def example_value() -> dict[str, object]:
    content = spec_loader.response(SPEC, CREATE_DEFAULT, spec_key(OK))["content"]
    [example] = next(iter(content.values()))["examples"].values()
    value: dict[str, object] = example["value"]
    return value


def test_defaults_are_the_example_at_the_call_time(store: CredentialStore) -> None:
    handler = CreateDefaultCredentials(SPEC, CREATE_DEFAULT, store)
    first, later = handler.defaults(MOMENT), handler.defaults(MOMENT + timedelta(days=1))

    assert first == {**example_value(), CALL_TIME_FIELD: vendor_date(MOMENT)}
    assert later[CALL_TIME_FIELD] == vendor_date(MOMENT + timedelta(days=1))
    assert handler.defaults(MOMENT) == first


def test_the_answer_is_the_defaults_of_now(store: CredentialStore, tmp_path: Path) -> None:
    handler = CreateDefaultCredentials(SPEC, CREATE_DEFAULT, store)
    before = datetime.now(UTC).replace(microsecond=0)
    answer = asyncio.run(handler.answer(Call(Identity(Scheme.TICKET, "t"), {}, [], {})))
    after = datetime.now(UTC)

    assert answer.status_code == OK
    carrier = json.loads(bytes(answer.body))
    assert before <= datetime.fromisoformat(carrier.pop(CALL_TIME_FIELD)) <= after
    assert carrier == {k: v for k, v in example_value().items() if k != CALL_TIME_FIELD}

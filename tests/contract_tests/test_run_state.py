"""Each run remembers on its own: a run started afresh counts from nothing.

The case hooks and checks look their run up in contract_tests.run_state; a hook that
kept a module global of its own would carry one run's counts into the next.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis import HookContext

import spec_loader
from contract_tests.cases.accept_negotiation import ACCEPT, answer_media_types, map_case
from contract_tests.cases.budget import thorough_from_environment
from contract_tests.hooks import start_run
from contract_tests.run_state import current

OPERATION_ID = sorted(answer_media_types())[0]


def accepts_of_a_run(cases: int) -> list[str | None]:
    """The Accept headers the first ``cases`` cases of a fresh run are given."""
    schema: Any = schemathesis.openapi.from_path(spec_loader.spec_path())
    operation = schema.find_operation_by_id(OPERATION_ID)
    start_run(thorough_from_environment())
    sent = [map_case(HookContext(operation=operation), operation.Case()) for _ in range(cases)]
    return [case.headers.get(ACCEPT) for case in sent]


def test_a_new_run_gives_accept_headers_from_its_first_turn() -> None:
    first = accepts_of_a_run(3)
    second = accepts_of_a_run(3)

    assert first == second
    # The turns go round: no Accept, then each documented type.
    assert first == [None, *answer_media_types()[OPERATION_ID][:2]]


def test_a_new_run_starts_with_nothing_confirmed_and_nothing_left_out() -> None:
    old = start_run(thorough=False)
    old.auth_confirmed.add(OPERATION_ID)
    old.budget.coverage_requests.seen.add("a request")

    new = start_run(thorough=False)

    assert current() is new
    assert not new.auth_confirmed
    assert not new.budget.coverage_requests.seen

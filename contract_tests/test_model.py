"""The model-based phase: random sequences of Save, Get and Remove compared with a model of
the store after every step, and rounds of writes at once (contract_tests/model/).

The sequences run on hypothesis' stateful testing with the run's seed; a difference is
shrunk to the shortest sequence hypothesis finds and printed as numbered curl commands,
with what the model expected beside what the server answered.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import requests
from schemathesis import BaseSchema

from contract_tests.model.calls import Caller
from contract_tests.model.concurrency import rounds
from contract_tests.model.facts import model_facts
from contract_tests.model.keys import key_space
from contract_tests.model.machine import ResidentRefusedError, run_sequences, save_residents
from contract_tests.model.report import ModelDifferenceError
from contract_tests.model.run import BUDGET, THOROUGH, ModelRun, new_run, remove_residents
from contract_tests.report.run_report import ContractRun
from contract_tests.run.options import ContractOptions
from contract_tests.run.readers import model_headers, own_caller, run_readers
from contract_tests.run.target import Target


def associates(options: ContractOptions, target: Target) -> tuple[int, ...]:
    """The run's associate and, where there is one, the canary associate."""
    schema = model_facts().links.read_back_key_schemas[model_facts().associate_field]
    run_associate = target.own_associate or options.associate_id or schema["example"]
    canary = options.canary_associate_id
    if canary is None and target.embedded:
        canary = run_associate + 1 if run_associate < schema["maximum"] else run_associate - 1
    return (run_associate,) if canary is None else (run_associate, canary)


@pytest.fixture(scope="module")
def model_run(
    contract_schema: BaseSchema,
    contract_options: ContractOptions,
    contract_target: Target,
    contract_session: requests.Session,
    contract_run: ContractRun,
    request: pytest.FixtureRequest,
) -> Iterator[ModelRun]:
    facts = model_facts()
    chosen = associates(contract_options, contract_target)
    caller = Caller(
        contract_schema,
        contract_session,
        model_headers(contract_target),
        facts.links.json_media_type,
    )
    canary = chosen[1] if len(chosen) > 1 else None
    run = new_run(
        facts,
        key_space(facts, chosen[0], canary),
        caller,
        run_readers(contract_options, contract_target),
        contract_run.checks.record_judgement,
        contract_run.saved,
        budget=THOROUGH if contract_options.thorough else BUDGET,
        owner=own_caller(contract_target),
    )
    contract_run.model = run.tally
    try:
        # The residents' own read-backs are compared with the model too.
        with reported_alone(contract_run):
            save_residents(run)
    except ResidentRefusedError as refused:
        contract_run.stop_untested(str(refused), request.session)
    yield run
    if not contract_options.keep_data:
        remove_residents(run)


def test_store_matches_its_model(
    model_run: ModelRun, contract_options: ContractOptions, contract_run: ContractRun
) -> None:
    with reported_alone(contract_run):
        run_sequences(model_run, contract_options.seed)


def test_writes_at_once_are_atomic(model_run: ModelRun, contract_run: ContractRun) -> None:
    with reported_alone(contract_run):
        rounds(model_run, model_run.budget.concurrent_rounds)


@contextmanager
def reported_alone(run: ContractRun) -> Iterator[None]:
    """A difference fails the test with its own message only: pytest's traceback would
    print the reprs of the calls, secrets and all. The report lists it as a violation."""
    try:
        yield
    except ModelDifferenceError as difference:
        message = str(difference)
        run.violations.record_model_difference(difference.checks, message)
    else:
        return
    # Outside the except block, so that pytest does not print the exception it handled.
    pytest.fail(message, pytrace=False)

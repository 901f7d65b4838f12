"""A model run's parts: its residents, its base model, what it says it could not check,
and the removal of the residents at the end.

Seen failing by hand: ``new_run`` not adding NO_CANARY without a canary, ``new_run``
giving an own view without an owner, ``resident_carrier`` leaving out every field, and
``remove_residents`` skipping the ledger's ``forget``.
"""

from __future__ import annotations

from dataclasses import fields

from contract_tests.model.keys import comparisons, key_space
from contract_tests.model.machine import save_residents
from contract_tests.model.run import (
    BUDGET,
    NO_CANARY,
    NO_OWN_VIEW,
    THOROUGH,
    ModelRun,
    new_run,
    remove_residents,
    resident_carrier,
)
from contract_tests.model.values import LEFT_OUT, field_values
from contract_tests.report.check_tally import CheckTally
from contract_tests.saved_credentials import SavedCredentials
from fault_lab.model_harness import ASSOCIATE
from tests.contract_tests.model.store_reads import identities_in


def test_a_resident_carries_each_fields_example_value(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    facts = clean_run[0].facts
    carrier = resident_carrier(facts)
    for field in facts.carrier_fields:
        first = field_values(field)[0]
        if first is LEFT_OUT:
            assert field.name not in carrier
        else:
            assert carrier[field.name] == first
    assert carrier


def test_a_run_holds_one_resident_per_key_of_the_space_and_a_candidate_per_comparison(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    run = clean_run[0]
    assert sorted(run.residents) == sorted(run.space.residents())
    assert run.ways == len(comparisons(run.facts, run.space)) == len(run.base.candidates)
    assert run.base.held_keys() == []  # saved only when the phase starts


def test_without_canary_or_owner_the_run_says_what_it_cannot_check(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    run = clean_run[0]
    assert run.own is not None
    assert run.tally.not_checked == []
    assert run.tally.own_associate == ASSOCIATE == run.own.associate

    lone = new_run(
        run.facts,
        key_space(run.facts, ASSOCIATE, None),
        run.caller,
        run.readers,
        run.record,
        run.ledger,
        BUDGET,
    )
    assert lone.own is None
    assert lone.tally.own_associate is None
    assert lone.tally.not_checked == [NO_CANARY, NO_OWN_VIEW]


def test_a_thorough_budget_spends_more_on_everything() -> None:
    for field in fields(BUDGET):
        assert getattr(THOROUGH, field.name) > getattr(BUDGET, field.name), field.name


def test_removing_the_residents_empties_the_space_and_tells_the_ledger(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    run = clean_run[0]
    save_residents(run)
    ledger = run.ledger
    assert isinstance(ledger, SavedCredentials)
    remove_residents(run)

    for group in run.space.groups():
        assert identities_in(run, group) == []
    # Only the residents were saved: the ledger recorded each, and counts each removed.
    assert len(ledger.keys) == len(run.residents)
    assert set(ledger.keys) == ledger.removed_already

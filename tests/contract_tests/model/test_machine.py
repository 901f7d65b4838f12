"""The model's sequences, against the reference server in-process: a step's
bookkeeping (its calls, the model, the reads after it), the clean-up between sequences,
the residents' save, and a short run of the state machine.

Seen failing by hand: ``save`` not recording the key in the model (the reads after it
then fail), ``get`` appending its second read to the calls, ``tear_down`` leaving a
credential the model does not hold, ``save_residents`` not raising ResidentRefusedError
on a refusal, and ``CredentialStore`` not counting its sequences.
"""

from __future__ import annotations

import pytest

from contract_tests.model.bodies import save_body
from contract_tests.model.judge import Step
from contract_tests.model.machine import (
    ResidentRefusedError,
    SequenceRun,
    group_words,
    key_words,
    run_sequences,
    save_residents,
)
from contract_tests.model.run import ModelBudget, ModelRun, resident_carrier
from contract_tests.report.check_tally import CheckTally
from spec_loader.auth import basic_authorization
from tests.contract_tests.model.store_reads import identities_in


def test_a_key_and_a_group_are_told_in_the_spec_s_field_names(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    run = clean_run[0]
    key = run.space.keys()[0]
    said = key_words(run, key)
    assert said.startswith(f"{run.facts.associate_field} {key.associate}, {run.facts.kind_field} ")
    assert run.facts.identity.name in said
    assert group_words(run, key.group) in said


def test_a_save_is_one_call_held_in_the_model_then_every_group_is_read(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    run = clean_run[0]
    save_residents(run)
    sequence = SequenceRun(run)
    key = run.space.keys()[1]
    before = run.caller.sent
    sequence.save(key, resident_carrier(run.facts), key.identity, run.facts.links.json_media_type)

    assert len(sequence.calls) == 1
    assert sequence.model.held_keys() == [key]
    assert key in run.tally.keys_touched
    own_reads = run.own is not None
    assert run.caller.sent - before == 1 + len(run.space.groups()) + own_reads

    sequence.get(key.group, run.readers[0], None)
    assert len(sequence.calls) == 2


def test_the_tear_down_leaves_the_residents_alone(clean_run: tuple[ModelRun, CheckTally]) -> None:
    run = clean_run[0]
    facts = run.facts
    save_residents(run)
    group = run.space.keys()[0].group
    residents_only = identities_in(run, group)
    sequence = SequenceRun(run)
    key = run.space.keys()[1]
    sequence.save(key, resident_carrier(facts), key.identity, facts.links.json_media_type)
    # One the model never saw, as a faulty server might leave behind.
    stranger = save_body(facts, key, resident_carrier(facts), "left behind")
    assert run.caller.send("Save", facts.save_id, stranger, facts.links.json_media_type).accepted
    assert len(identities_in(run, group)) == len(residents_only) + 2

    sequence.tear_down()
    assert identities_in(run, group) == residents_only
    SequenceRun(run).check_all(Step("save"))  # the next sequence starts from the residents


def test_a_refused_resident_stops_the_phase(clean_run: tuple[ModelRun, CheckTally]) -> None:
    run = clean_run[0]
    run.caller.headers = {"Authorization": basic_authorization("nobody:nothing")}
    with pytest.raises(ResidentRefusedError, match="refused"):
        save_residents(run)


def test_the_state_machine_runs_its_budget_of_sequences(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    run = clean_run[0]
    run.budget = ModelBudget(sequences=2, steps=2, concurrent_rounds=0, shrink_requests=0)
    save_residents(run)
    run_sequences(run, 1)
    assert run.tally.sequences >= 2
    assert 0 < run.tally.steps <= run.tally.sequences * 2

"""Writes at once, against the reference server in-process: the carriers of a round
differ in every field they can, and ``rounds`` runs and counts its rounds, each judged.

Seen failing by hand: ``distinct_carriers`` ignoring ``offset`` or the carrier's index
(saves of a round then send the same value), and ``rounds`` running no Save-and-Remove
round.
"""

from __future__ import annotations

from contract_tests.model import judge
from contract_tests.model.bodies import get_body
from contract_tests.model.calls import read_items
from contract_tests.model.concurrency import distinct_carriers, rounds
from contract_tests.model.machine import save_residents
from contract_tests.model.run import ModelRun
from contract_tests.model.values import LEFT_OUT, field_values
from contract_tests.report.check_tally import CheckTally


def test_the_carriers_of_a_round_differ_in_every_field_with_enough_values(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    run = clean_run[0]
    carriers = distinct_carriers(run, 4, 0)
    varied = 0
    for field in run.facts.carrier_fields:
        values = [value for value in field_values(field) if value is not LEFT_OUT]
        given = [repr(carrier[field.name]) for carrier in carriers]
        assert len(set(given)) == min(len(values), 4), field.name
        varied += len(values) >= 2
    assert varied >= 2  # the spec's carrier has fields to vary


def test_another_offset_starts_at_another_value(clean_run: tuple[ModelRun, CheckTally]) -> None:
    run = clean_run[0]
    assert distinct_carriers(run, 2, 1)[0] == distinct_carriers(run, 2, 0)[1]
    assert distinct_carriers(run, 2, 1)[0] != distinct_carriers(run, 2, 0)[0]


def test_rounds_run_saves_at_once_then_a_third_as_many_save_and_remove(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    run, tally = clean_run
    save_residents(run)
    rounds(run, 3)
    assert run.tally.concurrent_rounds == 3 + 1
    assert (tally.applied[judge.ATOMIC], tally.failed[judge.ATOMIC]) == (4, 0)

    # Each round tore down what it saved: the targeted group holds the resident alone.
    facts = run.facts
    group = run.space.keys()[0].group
    case, headers = run.caller.prepare(
        facts.get_id, get_body(facts, group), facts.links.json_media_type
    )
    items, problem = read_items(facts, run.caller.deliver("Get", case, headers).response)
    assert items is not None, problem
    assert [item[facts.identity.name] for item in items] == [run.space.resident_identity]

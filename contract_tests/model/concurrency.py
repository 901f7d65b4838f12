"""Writes at once: rounds of 2 to 4 saves of one key with different values, and of a Save and
a Remove of one key, all sent together.

The model cannot know which write the server applied last, so it keeps one candidate
per order the writes could have run in, one after the other: for the saves, each
carrier as the one that won; for a Save and a Remove, the key removed or saved. After
the round every (AssociateId, Type) of the space is read; the server passes when one
candidate explains every answer. A carrier with a field from another save, a second
row of the key, or the key's earlier credential after a Save and a Remove explain none:
``concurrent_writes_are_atomic`` fails.

The saves of a round differ in every field they can: each takes its field's value
classes at another offset.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from schemathesis.core.failures import FailureGroup

from contract_tests.model.bodies import remove_body, save_body
from contract_tests.model.calls import Sent
from contract_tests.model.judge import ATOMIC, PER_ANSWER_CHECKS, Finding, Step
from contract_tests.model.keys import Key
from contract_tests.model.machine import SequenceRun, key_words
from contract_tests.model.report import ModelDifferenceError, difference_report
from contract_tests.model.run import ModelRun
from contract_tests.model.state import Model
from contract_tests.model.values import LEFT_OUT, field_values

# Saves sent at once in the rounds, in turn.
SAVES_AT_ONCE = (2, 3, 4)


def distinct_carriers(run: ModelRun, count: int, offset: int) -> list[dict[str, Any]]:
    carriers: list[dict[str, Any]] = [{} for _ in range(count)]
    for field in run.facts.carrier_fields:
        values = [value for value in field_values(field) if value is not LEFT_OUT]
        for index, carrier in enumerate(carriers):
            if values:
                carrier[field.name] = values[(offset + index) % len(values)]
    return carriers


def _at_once(sequence: SequenceRun, calls: list[tuple[str, str, Any]]) -> list[Sent]:
    """Send every call at the same moment (each on its own thread), then judge each answer."""
    caller = sequence.run.caller
    prepared = [
        (what, *caller.prepare(operation_id, body, sequence.run.facts.links.json_media_type))
        for what, operation_id, body in calls
    ]
    start = threading.Barrier(len(prepared))

    def send(index: int) -> Sent:
        what, case, headers = prepared[index]
        start.wait()
        return caller.deliver(what, case, headers)

    with ThreadPoolExecutor(len(prepared)) as pool:
        sent = list(pool.map(send, range(len(prepared))))
    sequence.calls += sent
    for answer in sent:
        try:
            caller.judge(answer)
        except FailureGroup as failures:
            report = difference_report(
                sequence.run.facts,
                [Finding(PER_ANSWER_CHECKS, f"{answer.what}: {failures}")],
                sequence.calls,
                None,
                None,
                sequence.run.mask,
            )
            raise ModelDifferenceError(str(report), report.checks) from None
    return sent


def _settle(sequence: SequenceRun, key: Key, outcomes: list[Model]) -> None:
    """Read every group and keep the outcomes that explain the answers."""
    sequence.model = Model([candidate for model in outcomes for candidate in model.candidates])
    try:
        sequence.check_all(Step("save", key, own_check=ATOMIC))
    except ModelDifferenceError as difference:
        sequence.run.record(ATOMIC, ATOMIC in difference.checks)
        raise
    sequence.run.record(ATOMIC, False)


def saves_at_once(run: ModelRun, key: Key, count: int, offset: int) -> None:
    facts = run.facts
    sequence = SequenceRun(run)
    carriers = distinct_carriers(run, count, offset)
    bodies = [save_body(facts, key, carrier, key.identity) for carrier in carriers]
    sent = _at_once(
        sequence,
        [
            (f"at once: Save {key_words(run, key)}, values {number}", facts.save_id, body)
            for number, body in enumerate(bodies, start=1)
        ],
    )
    outcomes = []
    for answer, carrier in zip(sent, carriers, strict=True):
        if answer.accepted:
            outcome = sequence.model.copy()
            outcome.save(key, carrier)
            outcomes.append(outcome)
    _settle(sequence, key, outcomes or [sequence.model])
    sequence.tear_down()


def save_and_remove_at_once(run: ModelRun, key: Key, offset: int) -> None:
    facts = run.facts
    sequence = SequenceRun(run)
    earlier, later = distinct_carriers(run, 2, offset)
    sequence.save(key, earlier, key.identity, facts.links.json_media_type)
    _at_once(
        sequence,
        [
            (
                f"at once: Save {key_words(run, key)}, other values",
                facts.save_id,
                save_body(facts, key, later, key.identity),
            ),
            (
                f"at once: Remove {key_words(run, key)}",
                facts.remove_id,
                remove_body(facts, key, key.identity),
            ),
        ],
    )
    removed = sequence.model.copy()
    removed.remove(key)
    saved = sequence.model.copy()
    saved.save(key, later)
    _settle(sequence, key, [removed, saved])
    sequence.tear_down()


def rounds(run: ModelRun, count: int) -> None:
    """``count`` rounds of saves at once, then a third as many of a Save and a Remove."""
    keys = run.space.keys()
    for number in range(count):
        key = keys[number % len(keys)]
        saves_at_once(run, key, SAVES_AT_ONCE[number % len(SAVES_AT_ONCE)], number)
        run.tally.concurrent_rounds += 1
    for number in range(max(1, count // 3)):
        key = keys[(count + number) % len(keys)]
        save_and_remove_at_once(run, key, number)
        run.tally.concurrent_rounds += 1

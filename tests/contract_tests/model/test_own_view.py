"""The caller's own view, against the reference server in-process: the own operations
found from the spec's links, and their bodies, which name no associate but reach the
caller's one, in the store the ForAssociate operations use.

Seen failing by hand: ``OwnView.save_body`` keeping the associate field, putting the
stray associate back under another name, and ``remove_body`` built from the read-back
link instead of the removal's (the own Remove then refuses it or removes nothing).
"""

from __future__ import annotations

from typing import Any

from contract_tests.model.bodies import get_body, save_body
from contract_tests.model.calls import read_items
from contract_tests.model.own_view import own_facts, own_media_types
from contract_tests.model.run import ModelRun, resident_carrier
from contract_tests.model.values import LEFT_OUT
from contract_tests.report.check_tally import CheckTally


def test_the_own_operations_are_not_the_for_associate_ones(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    facts, own = clean_run[0].facts, own_facts()
    assert own is not None
    for_associate = {facts.save_id, facts.get_id, facts.remove_id}
    assert {own.save_id, own.read_back.operation_id, own.remove.operation_id}.isdisjoint(
        for_associate
    )
    assert own_media_types(None) == ((), ())


def test_an_own_save_names_no_associate_but_a_stray_one(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    run = clean_run[0]
    assert run.own is not None
    facts, key = run.facts, run.space.keys()[1]
    carrier = resident_carrier(facts)
    path = facts.links.read_back.pointers[facts.associate_field]

    def at(body: Any) -> Any:
        for name in path[:-1]:
            body = body[name]
        return body

    plain = run.own.save_body(key, carrier, key.identity, LEFT_OUT)
    stray = run.own.save_body(key, carrier, key.identity, 999)
    full = save_body(facts, key, carrier, key.identity)
    assert path[-1] in at(full)
    assert path[-1] not in at(plain)
    assert at(stray)[path[-1]] == 999
    assert {**at(plain), path[-1]: 999} == at(stray)


def test_what_the_owner_saves_and_removes_is_seen_through_either_view(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    run = clean_run[0]
    own = run.own
    assert own is not None
    facts, caller, key = run.facts, run.caller, run.space.keys()[1]
    json = facts.links.json_media_type

    def identities(operation_id: str, body: Any, **reader: Any) -> list[str]:
        sent = caller.send("Get", operation_id, body, json, **reader)
        items, problem = read_items(facts, sent.response)
        assert items is not None, problem
        return [item[facts.identity.name] for item in items]

    def for_associate() -> list[str]:
        return identities(facts.get_id, get_body(facts, key.group))

    def through_own() -> list[str]:
        return identities(own.own.read_back.operation_id, own.get_body(key.kind), reader=own.owner)

    body = own.save_body(key, resident_carrier(facts), key.identity, LEFT_OUT)
    assert caller.send("own Save", own.own.save_id, body, json, reader=own.owner).accepted
    assert for_associate() == through_own() == [key.identity]

    removal = own.remove_body(key, key.identity)
    assert caller.send(
        "own Remove", own.own.remove.operation_id, removal, json, reader=own.owner
    ).accepted
    assert for_associate() == through_own() == []

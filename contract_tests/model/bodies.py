"""The bodies of the model's Save, Get and Remove, placed where the spec's links say.

A save's body holds the group fields (AssociateId, Type) and the carrier at the paths
the save's links read them from; the Get and Remove bodies are those links evaluated
on it, as for any save of the run.
"""

from __future__ import annotations

from typing import Any

from contract_tests.model.facts import ModelFacts
from contract_tests.model.keys import Group, Key
from contract_tests.model.values import LEFT_OUT

Body = dict[str, Any]


def _put(document: Body, path: tuple[str, ...], value: Any) -> None:
    *parents, leaf = path
    for name in parents:
        document = document.setdefault(name, {})
    document[leaf] = value


def save_body(facts: ModelFacts, key: Key, carrier: dict[str, Any], spelling: Any) -> Body:
    """A save of ``carrier`` under ``key``, its PublicValue spelled ``spelling`` (or left out)."""
    pointers = facts.links.read_back.pointers
    body: Body = {}
    _put(body, pointers[facts.associate_field], key.associate)
    _put(body, pointers[facts.kind_field], key.kind)
    placed = dict(carrier)
    if spelling is not LEFT_OUT:
        placed[facts.identity.name] = spelling
    _put(body, facts.links.carrier_path, placed)
    return body


def get_body(facts: ModelFacts, group: Group) -> Body:
    found = facts.links.read_back.body_from(save_body(facts, Key(*group, ""), {}, LEFT_OUT))
    if found is None:
        raise ValueError(f"the spec refuses a Get of {group}")
    return found


def remove_body(facts: ModelFacts, key: Key, spelling: Any) -> Body:
    found = facts.links.remove.body_from(save_body(facts, key, {}, spelling))
    if found is None:
        raise ValueError(f"the spec refuses a Remove of {key}")
    return found


def recorded_keys(facts: ModelFacts, key: Key) -> list[Body]:
    """The Remove bodies the run's clean-up may have recorded for a save of ``key``: the
    null key as a save spelled it, null or ``""``."""
    spellings = [key.identity] if key.identity else [None, ""]
    return [remove_body(facts, key, spelling) for spelling in spellings]

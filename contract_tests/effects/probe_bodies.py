"""The bodies the suite saves on its own: a key saved again with other values, and neighbours.

Each value is valid for its field's schema and differs from the one first saved, so a
read-back can tell which write it shows; dates come from the spec's example.
"""

from __future__ import annotations

import copy
import datetime
import secrets
from collections.abc import Mapping
from typing import Any

from contract_tests.effects.compare import instant
from contract_tests.facts.save_links import CarrierField, EffectFacts
from spec_loader.documents import value_at

RE_SAVED_TEXT = "saved again"
NEIGHBOUR_TEXT = "neighbour"
NEIGHBOUR_TYPE_SUFFIX = "-neighbour"


def with_carrier(facts: EffectFacts, body: Any, carrier: Mapping[str, Any]) -> Any:
    """A copy of a save's body with another carrier in it."""
    copied = copy.deepcopy(body)
    parent = value_at(copied, facts.carrier_path[:-1])
    parent[facts.carrier_path[-1]] = dict(carrier)
    return copied


def other_values(facts: EffectFacts, carrier: Mapping[str, Any]) -> dict[str, Any]:
    """The carrier with a different value in every field it is judged by, the key kept."""
    changed = dict(carrier)
    for carrier_field in (*facts.compared_fields, *facts.secret_fields):
        changed[carrier_field.name] = _other_value(carrier_field, carrier.get(carrier_field.name))
    return changed


def _other_value(carrier_field: CarrierField, sent: Any) -> Any:
    schema = carrier_field.schema
    types = schema.get("type")
    if carrier_field.precision is not None:
        # The spec's example, or a day before it when that is the date sent.
        example = datetime.datetime.fromisoformat(carrier_field.example)
        if instant(sent) == instant(carrier_field.example):
            example -= datetime.timedelta(days=1)
        return example.isoformat()
    if types == "boolean":
        return sent is not True
    return fitted(f"{RE_SAVED_TEXT} {secrets.token_hex(4)}", schema)


def fitted(text: str, schema: Mapping[str, Any]) -> str:
    return text[: schema.get("maxLength", len(text))]


def neighbour_bodies(facts: EffectFacts, body: Any, fixed: frozenset[str]) -> dict[str, Any]:
    """Saves beside this one: each key field of the Get but ``fixed`` changed in turn, with
    its own identity."""
    bodies = {}
    for name, schema in facts.read_back_key_schemas.items():
        if name in fixed:
            continue
        path = facts.read_back.pointers[name]
        value = value_at(body, path)
        if schema.get("type") == "integer":
            other = value + 1 if value < schema.get("maximum", value + 1) else value - 1
        else:
            other = f"{value}{NEIGHBOUR_TYPE_SUFFIX}"
        neighbour = copy.deepcopy(body)
        value_at(neighbour, path[:-1])[path[-1]] = other
        carrier = other_values(facts, value_at(body, facts.carrier_path))
        identity = f"{NEIGHBOUR_TEXT} {secrets.token_hex(4)}"
        carrier[facts.identity_field.name] = fitted(identity, facts.identity_field.schema)
        bodies[f"{name} {other!r}"] = with_carrier(facts, neighbour, carrier)
    return bodies

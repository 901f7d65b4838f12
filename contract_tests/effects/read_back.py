"""What an accepted save did on the server: read back, saved again, removed, read again.

The read-back checks (effects/checks.py) each judge one part of this. The requests are
made once per accepted save, by whichever of those checks runs first, and go through
the run's own transport: the session, headers and rate limit the case itself was sent
with (``ctx.internals.transport_kwargs``: under pytest the suite's session and
credentials, under ``st run`` its ``-H`` headers).

For a bounded number of saves a run also proves two things chance rarely shows:

- the last write wins: the same key saved again with other values reads back with them;
- a Get answers only its own (AssociateId, Type): neighbours are saved under the same
  associate with another Type and under another associate with the same Type, and must
  not show up.

Afterwards everything saved here is removed again, and the last Get must not find it.
"""

from __future__ import annotations

import enum
import json
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from schemathesis import CheckContext, Response
from schemathesis.specs.openapi.schemas import OpenApiSchema

from contract_tests import run_state
from contract_tests.effects.compare import key_value
from contract_tests.effects.probe_bodies import neighbour_bodies, other_values, with_carrier
from contract_tests.facts.save_links import CarrierField, EffectFacts, effect_facts
from contract_tests.http_parts import AnyCase, header_values, operation_id
from spec_loader.documents import value_at
from spec_loader.media_types import essence
from spec_loader.statuses import OK, is_success

# Saves per run that are also saved again and get neighbours: each costs about eight
# requests more, and one is enough to catch a server that keeps the first write.
DELIBERATE_PROBES = 3


class Stage(enum.Enum):
    """When in the probe a Get was made: the failure messages begin with it."""

    SAVED = "after the save"
    SAVED_AGAIN = "after the same key was saved again with other values (the last write wins)"
    REMOVED = "after the removal"


class SecretRule(enum.Enum):
    """What a Get must do with SecretValue for one identity."""

    SHOWN = "shown"  # the secret saved comes back unchanged
    HIDDEN = "hidden"  # no secret comes back (null or left out)


@dataclass(frozen=True)
class Reader:
    """An identity the suite reads back with."""

    label: str
    rule: SecretRule | None  # None: not known; a secret returned must still be the one saved
    # Replace the run's credential headers; empty for the run's own identity.
    headers: dict[str, str] = field(default_factory=dict, repr=False)


RUN_IDENTITY = "the run's identity"
# Also read under `st run`, where the suite's options do not exist.
EXPECT_SECRETS_ENV_VAR = "CONTRACT_EXPECT_SECRETS"


@dataclass(frozen=True)
class EffectSettings:
    # The first reader is the run's own identity, whose credentials saved.
    readers: tuple[Reader, ...]
    deliberate_probes: int = DELIBERATE_PROBES
    # Key fields that neighbours keep as saved: the associate's, when --associate-id
    # confines the run to one associate.
    fixed_key_fields: frozenset[str] = frozenset()
    # False with --keep-data: what was read back stays, as everything else the run saved.
    remove_after: bool = True

    @classmethod
    def from_environment(cls) -> EffectSettings:
        given = os.environ.get(EXPECT_SECRETS_ENV_VAR, "").strip().lower()
        return cls((Reader(RUN_IDENTITY, SecretRule(given) if given else None),))


@dataclass
class RunMemory:
    """What the read-back of one run has done so far (part of run_state.RunState)."""

    settings: EffectSettings
    deliberate_left: int
    # For the run's identity: how often a saved secret was shown or hidden.
    secrets_seen: Counter[SecretRule] = field(default_factory=Counter)
    last: tuple[Response, Effect | None] | None = None


@dataclass(frozen=True)
class Call:
    """One request the suite sent on its own, with the headers that make its reproduction."""

    case: AnyCase
    response: Response
    headers: dict[str, Any] = field(repr=False)

    @property
    def accepted(self) -> bool:
        return is_success(self.response.status_code)

    def curl(self) -> str:
        # Masked as the schema's output configuration says, as schemathesis' own are.
        return self.case.as_curl_command(headers=self.headers)


@dataclass(frozen=True)
class Reading:
    """One Get of the saved credential's (AssociateId, Type) by one identity."""

    reader: Reader
    saved: Mapping[str, Any]  # the carrier this Get should find, as it was sent
    call: Call
    items: list[Mapping[str, Any]] | None  # None when the answer could not be read
    problem: str | None
    stage: Stage

    def with_key(self, identity_field: CarrierField, identity: Any) -> list[Mapping[str, Any]]:
        return [
            item
            for item in self.items or []
            if key_value(item.get(identity_field.name)) == key_value(identity)
        ]


@dataclass(frozen=True)
class Effect:
    key: dict[str, Any]  # the Remove body: the credential's whole key
    readings: list[Reading]
    re_save: Call | None
    # Identity values of the neighbours the server accepted, by what they were saved under.
    neighbours: dict[str, str]
    # None with --keep-data: the run leaves what it saved on the server.
    removal: Call | None
    after_removal: Reading | None

    @property
    def identity(self) -> Any:
        return self.key[effect_facts().identity_field.name]


def effect_of(ctx: CheckContext, response: Response, case: AnyCase) -> Effect | None:
    """The effect of this accepted save, probed on the first call for this response."""
    current = run_state.current().read_back
    if current.last is not None and current.last[0] is response:
        return current.last[1]
    effect = _probe(ctx, response, case, current)
    current.last = (response, effect)
    return effect


def _probe(ctx: CheckContext, response: Response, case: AnyCase, run: RunMemory) -> Effect | None:
    facts = effect_facts()
    if operation_id(case) != facts.save_operation_id or not is_success(response.status_code):
        return None
    read_body = facts.read_back.body_from(case.body)
    key = facts.remove.body_from(case.body)
    carrier = value_at(case.body, facts.carrier_path)
    if read_body is None or key is None or not isinstance(carrier, Mapping):
        return None  # an accepted body without a usable key: negative_data_rejection's to judge
    sender = Sender(ctx, case, facts)
    deliberate = run.deliberate_left > 0
    if not deliberate and not run_state.current().budget.reads_back(case):
        return None  # a save of a shape already read back (cases/budget.py); removed at the end
    if deliberate:
        run.deliberate_left -= 1
    neighbours: dict[str, Call] = {}
    if deliberate:
        fixed = run.settings.fixed_key_fields
        for label, body in neighbour_bodies(facts, case.body, fixed).items():
            neighbours[label] = sender.send(facts.save_operation_id, body)
    readers = run.settings.readers
    readings = [sender.read(reader, read_body, carrier, Stage.SAVED) for reader in readers]
    re_save = None
    if deliberate:
        again = with_carrier(facts, case.body, other_values(facts, carrier))
        re_save = sender.send(facts.save_operation_id, again)
        if re_save.accepted:
            saved_again = value_at(again, facts.carrier_path)
            readings += [
                sender.read(reader, read_body, saved_again, Stage.SAVED_AGAIN) for reader in readers
            ]
    removal, after = None, None
    if run.settings.remove_after:
        for call in neighbours.values():
            if call.accepted:
                sender.send(facts.remove.operation_id, facts.remove.body_from(call.case.body))
        removal = sender.send(facts.remove.operation_id, key)
        after = sender.read(readers[0], read_body, carrier, Stage.REMOVED)
    accepted = {
        label: value_at(call.case.body, (*facts.carrier_path, facts.identity_field.name))
        for label, call in neighbours.items()
        if call.accepted
    }
    return Effect(key, readings, re_save, accepted, removal, after)


class Sender:
    """Sends the suite's own requests as the case was sent: same transport, same credentials."""

    def __init__(self, ctx: CheckContext, case: AnyCase, facts: EffectFacts) -> None:
        self._kwargs = dict(ctx.internals.transport_kwargs or {})
        self._schema = case.operation.schema
        self._media_type = facts.json_media_type

    def send(self, operation_id: str, body: Any, reader: Reader | None = None) -> Call:
        operation = cast(OpenApiSchema, self._schema).find_operation_by_id(operation_id)
        case = operation.Case(
            body=body, media_type=self._media_type, headers={"Accept": self._media_type}
        )
        headers = {**self._kwargs.get("headers", {}), **(reader.headers if reader else {})}
        # As ignored_auth sends its probes: the transport alone, so the call is no case of
        # the run's reports (under pytest as under st run). A copy of the headers: the
        # transport adds the session's own to the dict it is given.
        transport = self._schema.transport
        response = transport.send(case, **{**self._kwargs, "headers": dict(headers)})
        return Call(case, response, headers)

    def read(self, reader: Reader, body: Any, saved: Mapping[str, Any], stage: Stage) -> Reading:
        call = self.send(effect_facts().read_back.operation_id, body, reader)
        items, problem = _items(call.response, self._media_type)
        return Reading(reader, saved, call, items, problem, stage)


def _items(
    response: Response, media_type: str
) -> tuple[list[Mapping[str, Any]] | None, str | None]:
    content_types = [essence(value) for value in header_values(response, "Content-Type")]
    if response.status_code != OK:
        return None, f"the Get answered {response.status_code}"
    if content_types != [media_type]:
        return None, f"the Get, asked for {media_type}, answered {content_types or 'no type'}"
    try:
        items = json.loads(response.content)
    except ValueError:
        return None, "the Get's answer is not JSON"
    if not isinstance(items, list) or not all(isinstance(item, Mapping) for item in items):
        return None, "the Get's answer is not an array of credentials"
    return items, None

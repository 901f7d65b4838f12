"""One run of the model-based phase: its key space, its residents, its budget.

Before the first sequence the residents are saved (machine.save_residents): beside
the targets, each target's PublicValue under the other kind and under the canary
associate (keys.py). No step writes them, so every comparison after every step also
checks that a write or a Remove left what it did not target unchanged. At the end of
the phase they are removed.

Against a named server the canary associate is the one the user gives
(``--canary-associate-id``); without one, the summary says what could not be checked.
Against the embedded server it is the associate after the run's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from contract_tests.model.bodies import recorded_keys, remove_body
from contract_tests.model.calls import Caller
from contract_tests.model.facts import ModelFacts
from contract_tests.model.keys import Key, KeySpace, comparisons
from contract_tests.model.own_view import OwnView, own_facts
from contract_tests.model.readers import Reader
from contract_tests.model.shrink import ShrinkGuard
from contract_tests.model.state import Model
from contract_tests.model.tally import ModelTally
from contract_tests.model.values import LEFT_OUT, field_values

NO_OWN_VIEW = (
    "that the caller's own operations act on the run's associate, in the same store as the"
    " ForAssociate ones (the run knows no identity whose associate is the run's)"
)
NO_CANARY = (
    "a write or Remove that ignores AssociateId, and whether another associate's credentials"
    " stay unchanged (give --canary-associate-id)"
)


@dataclass(frozen=True)
class ModelBudget:
    """Sequences and steps per sequence; each step costs a request and a Get per group."""

    sequences: int
    steps: int
    # Rounds of 2, 3 and 4 saves of one key at once, and of a Save and a Remove at once.
    concurrent_rounds: int
    # Requests that shrinking a failure may cost (a failing run only).
    shrink_requests: int


# A default run: about 250 requests against a space of three groups (see docs/suite.md).
BUDGET = ModelBudget(sequences=8, steps=6, concurrent_rounds=3, shrink_requests=500)
THOROUGH = ModelBudget(sequences=40, steps=12, concurrent_rounds=9, shrink_requests=3000)


class Ledger(Protocol):
    """The run's clean-up: it records every accepted save (an after_call hook) to remove it
    at the end, also after a failure or Ctrl-C; what the phase removed itself it forgets."""

    def forget(self, remove_id: str, *keys: dict[str, Any]) -> None: ...


@dataclass
class ModelRun:
    facts: ModelFacts
    space: KeySpace
    caller: Caller
    # The first is the run's own identity, which saves and reads after every step.
    readers: tuple[Reader, ...]
    tally: ModelTally
    # Records one judgement of a check (its name, whether it failed) in the run's tally.
    record: Callable[[str, bool], None]
    ledger: Ledger
    residents: dict[Key, dict[str, Any]]
    base: Model  # the residents, as every sequence starts
    budget: ModelBudget
    shrink: ShrinkGuard
    # How many ways of comparing key texts the spec allows, before any answer.
    ways: int
    # The caller's own view, where the run knows an identity whose associate is the run's.
    own: OwnView | None = None

    @property
    def mask(self) -> str | None:
        """What a secret is shown as in a failure: the run's masking text; None when the
        run is unsanitized (the schema's output configuration says which)."""
        sanitization = self.caller.schema.config.output.sanitization
        return sanitization.replacement if sanitization.enabled else None


def resident_carrier(facts: ModelFacts) -> dict[str, Any]:
    """Each carrier field's plain value (its example), so a resident is an ordinary credential."""
    carrier = {}
    for field in facts.carrier_fields:
        value = field_values(field)[0]
        if value is not LEFT_OUT:
            carrier[field.name] = value
    return carrier


def new_run(
    facts: ModelFacts,
    space: KeySpace,
    caller: Caller,
    readers: tuple[Reader, ...],
    record: Callable[[str, bool], None],
    ledger: Ledger,
    budget: ModelBudget,
    owner: Reader | None = None,
) -> ModelRun:
    """A run; ``owner``, an identity whose associate is the space's, reads and writes
    through the caller's own view too, where the spec has one."""
    residents = {key: resident_carrier(facts) for key in space.residents()}
    own_ops = own_facts()
    own = (
        None
        if owner is None or own_ops is None
        else OwnView(facts, own_ops, owner, space.associate)
    )
    not_checked = [] if space.canary is not None else [NO_CANARY]
    if own is None and own_ops is not None:
        not_checked.append(NO_OWN_VIEW)
    tally = ModelTally(
        not_checked=not_checked, own_associate=None if own is None else own.associate
    )
    base = Model.of(comparisons(facts, space))
    shrink = ShrinkGuard(budget.shrink_requests)
    return ModelRun(
        facts,
        space,
        caller,
        readers,
        tally,
        record,
        ledger,
        residents,
        base,
        budget,
        shrink,
        len(base.candidates),
        own,
    )


def remove_residents(run: ModelRun) -> None:
    facts = run.facts
    for key in run.residents:
        body = remove_body(facts, key, key.identity)
        case, headers = run.caller.prepare(facts.remove_id, body, facts.links.json_media_type)
        if run.caller.deliver(f"Remove the resident {key}", case, headers).accepted:
            run.ledger.forget(facts.remove_id, *recorded_keys(facts, key))

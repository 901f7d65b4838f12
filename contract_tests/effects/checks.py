"""Checks of what an accepted save did: read back as sent, alone, secret by the rule, removable.

Registered with schemathesis like checks/responses.py (``contract_tests.hooks`` imports this
module), so they run under the pytest suite and under ``st run``. Each judges one part
of the effect that effects/read_back.py probes once per accepted save. Every failure names what
differs and quotes the calls that show it: the save is the case's own reproduction,
the calls the suite made are quoted as ``curl`` commands, masked as the run's output
is. A secret's value is shown only when the run is unsanitized.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, NoReturn

import schemathesis
from schemathesis import CheckContext, Response
from schemathesis.checks import CheckFunction

from contract_tests import run_state
from contract_tests.checks.responses import NOT_APPLICABLE
from contract_tests.effects.compare import Difference, differences, no_value, shown
from contract_tests.effects.read_back import (
    Call,
    Effect,
    Reading,
    SecretRule,
    Stage,
    effect_of,
)
from contract_tests.facts.save_links import effect_facts
from contract_tests.http_parts import AnyCase
from spec_loader.documents import MISSING


def _key(body: Mapping[str, Any]) -> str:
    return ", ".join(f"{name} {shown(value)}" for name, value in body.items())


def _reproduction(*calls: tuple[str, Call]) -> str:
    return "".join(f"\n\n{label}:\n    {call.curl()}" for label, call in calls)


def _fail(message: str, *calls: tuple[str, Call]) -> NoReturn:
    raise AssertionError(message + _reproduction(*calls))


def effect_check(judge: Callable[[Effect, AnyCase], bool | None]) -> CheckFunction:
    """Register ``judge`` as a check of the effect of each accepted save (of nothing else).

    ``judge`` raises on a violation; it may return NOT_APPLICABLE when the effect has
    nothing for it.
    """

    @functools.wraps(judge)
    def check(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
        effect = effect_of(ctx, response, case)
        if effect is None:
            return NOT_APPLICABLE
        return judge(effect, case)

    return schemathesis.check(check)


def _reveals_secrets(case: AnyCase) -> bool:
    return not case.operation.schema.config.output.sanitization.enabled


@effect_check
def saved_credential_reads_back(effect: Effect, case: AnyCase) -> None:
    """The Get of the saved key shows one credential, holding every field as it was sent."""
    if effect.re_save is not None and not effect.re_save.accepted:
        _fail(
            f"saving {_key(effect.key)} again with other values was answered"
            f" {effect.re_save.response.status_code}",
            ("Saved again with", effect.re_save),
        )
    fields = effect_facts().compared_fields
    for reading in effect.readings:
        found, problem = _the_credential(effect, reading)
        if found is None:
            _fail(problem, *_calls(effect, reading))
        changed = differences(fields, reading.saved, found)
        if changed:
            _fail(
                f"{reading.stage.value}, {reading.reader.label} reads back {_key(effect.key)}"
                f" other than saved: {'; '.join(item.describe() for item in changed)}",
                *_calls(effect, reading),
            )


def _calls(effect: Effect, reading: Reading) -> list[tuple[str, Call]]:
    calls = [("Read back with", reading.call)]
    if reading.stage is Stage.SAVED_AGAIN and effect.re_save is not None:
        calls.insert(0, ("Saved again with", effect.re_save))
    return calls


def _the_credential(effect: Effect, reading: Reading) -> tuple[Mapping[str, Any] | None, str]:
    """The one credential of the saved key in a reading, or why there is not exactly one."""
    when, who = reading.stage.value, reading.reader.label
    if reading.problem is not None:
        return None, f"{when}, {reading.problem} when {who} read back {_key(effect.key)}"
    found = reading.with_key(effect_facts().identity_field, effect.identity)
    if not found:
        return None, f"{when}, {_key(effect.key)} is missing from what {who} reads back"
    if len(found) > 1:
        return None, (
            f"{when}, {who} reads back {len(found)} credentials of {_key(effect.key)}:"
            " a save of the same key must replace the earlier one"
        )
    return found[0], ""


@effect_check
def no_foreign_credentials(effect: Effect, case: AnyCase) -> None:
    """The Get of (AssociateId, Type) shows nothing the run saved under another one."""
    facts = effect_facts()
    asked = _key({name: effect.key[name] for name in facts.read_back.pointers})
    for reading in filter(None, [*effect.readings, effect.after_removal]):
        for label, identity in effect.neighbours.items():
            if reading.with_key(facts.identity_field, identity):
                _fail(
                    f"{reading.stage.value}, the Get of {asked} by"
                    f" {reading.reader.label} also returns the credential the suite saved"
                    f" with {label}",
                    *_calls(effect, reading),
                )


@effect_check
def secret_visibility(effect: Effect, case: AnyCase) -> None:
    """SecretValue comes back only to whom the rule shows it, and then unchanged."""
    reveal = _reveals_secrets(case)
    for index, reading in enumerate(effect.readings):
        found, _ = _the_credential(effect, reading)
        if found is None:
            continue  # saved_credential_reads_back reports it
        for secret in effect_facts().secret_fields:
            sent = reading.saved.get(secret.name, MISSING)
            returned = found.get(secret.name, MISSING)
            if index == 0 and not no_value(sent):
                seen = SecretRule.HIDDEN if no_value(returned) else SecretRule.SHOWN
                run_state.current().read_back.secrets_seen[seen] += 1
            problem = _secret_problem(reading.reader.rule, sent, returned)
            if problem:
                detail = (
                    f" ({Difference(secret.name, sent, returned).describe()})" if reveal else ""
                )
                _fail(
                    f"{reading.stage.value}, {reading.reader.label} reads back {_key(effect.key)}:"
                    f" {secret.name} {problem}{detail}",
                    *_calls(effect, reading),
                )


def _secret_problem(rule: SecretRule | None, sent: Any, returned: Any) -> str | None:
    hidden = no_value(returned)
    if rule is SecretRule.HIDDEN:
        return None if hidden else "is returned, but this identity may not see it"
    if rule is SecretRule.SHOWN and hidden and not no_value(sent):
        return "is not returned, but this identity must see it"
    if not hidden and returned != sent:
        return "is returned other than it was saved"
    return None


@effect_check
def removed_credential_is_gone(effect: Effect, case: AnyCase) -> bool | None:
    """Removing the saved key succeeds, and the Get after it no longer shows the credential."""
    if effect.removal is None or effect.after_removal is None:
        return NOT_APPLICABLE  # --keep-data: nothing was removed
    removal = ("Removed with", effect.removal)
    if not effect.removal.accepted:
        _fail(
            f"removing {_key(effect.key)} was answered {effect.removal.response.status_code}",
            removal,
        )
    after = effect.after_removal
    if after.problem is not None:
        _fail(f"{after.stage.value}, {after.problem}", removal, ("Read back with", after.call))
    if after.with_key(effect_facts().identity_field, effect.identity):
        _fail(
            f"{_key(effect.key)} is still there after it was removed",
            removal,
            ("Read back with", after.call),
        )
    return None

"""One Get's answer against one candidate of the model: what is missing, extra, altered,
duplicated, or shown to whom it must not be.

Each finding names the check it belongs to, by what the step did:

- ``saved_credential_reads_back``: the credential a save wrote (or one not yet seen as
  last saved in the answer's syntax, JSON or XML) is missing, duplicated or other than
  saved;
- ``removed_credential_is_gone``: the credential a Remove named is still there;
- ``no_foreign_credentials``: the Get returns a credential the model holds under
  another (AssociateId, Type);
- ``untargeted_credentials_unchanged``: a credential the step did not target (one seen
  as saved before, a resident, a canary) vanished, changed, doubled, or appeared;
- ``secret_visibility``: SecretValue shown or hidden against the reader's rule;
- ``own_view_is_associate_view``: any of the first four, where the credential was last
  written through one view (the caller's own, or ForAssociate) and read through the
  other: the two views are one store (own_view.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from contract_tests.model.compare import differences, no_value, shown
from contract_tests.model.facts import ModelFacts
from contract_tests.model.keys import Group, Key, identity_key
from contract_tests.model.readers import Reader, SecretRule
from contract_tests.model.state import Candidate, Stored
from spec_loader.documents import MISSING

SAVED = "saved_credential_reads_back"
GONE = "removed_credential_is_gone"
FOREIGN = "no_foreign_credentials"
UNTARGETED = "untargeted_credentials_unchanged"
SECRET = "secret_visibility"
# Every check a state comparison applies to.
STATE_CHECKS = (SAVED, GONE, FOREIGN, UNTARGETED, SECRET)
# Two Gets with no write between them list the credentials in the same order.
ORDER = "get_order_is_stable"
# Writes sent at once leave a state that one order of them, one after the other, explains.
ATOMIC = "concurrent_writes_are_atomic"
# A difference between the caller's own view and the ForAssociate view of the caller's
# associate: a credential written through one and read through the other.
CROSS_VIEW = "own_view_is_associate_view"
# Every check of the model phase: the summary and checks.json count them with the others.
MODEL_CHECKS = (*STATE_CHECKS, ORDER, ATOMIC, CROSS_VIEW)
# The finding of a model call that the run's per-answer checks refused: those checks are
# tallied, and reported as violations, under their own names.
PER_ANSWER_CHECKS = "checks"


@dataclass(frozen=True)
class Step:
    """What a step did, for telling its own effect from a change it did not ask for."""

    action: str  # "save", "remove" or "get"
    target: Key | None = None
    # The check that a difference in the target's own credential fails.
    own_check: str = SAVED
    # Through the caller's own view (own_view.py), not the ForAssociate one.
    own_view: bool = False


@dataclass(frozen=True)
class Finding:
    check: str
    text: str


Item = Mapping[str, Any]


def judge(
    facts: ModelFacts,
    candidate: Candidate,
    group: Group,
    items: list[Item],
    reader: Reader,
    step: Step,
    reveal: bool,
    syntax: str,
    own_read: bool = False,
) -> list[Finding]:
    """Every way ``items``, a Get of ``group`` by ``reader`` answered in ``syntax`` (through
    the caller's own view, ``own_read``), differs from ``candidate``."""
    identity = facts.identity.name
    fold = candidate.comparison.identity_fold
    by_identity: dict[str, list[Item]] = {}
    for item in items:
        by_identity.setdefault(fold(identity_key(item.get(identity, MISSING))), []).append(item)
    findings: list[Finding] = []
    targeted = candidate.comparison.same_key(step.target) if step.target is not None else None
    for same, stored in candidate.in_group(group):
        found = by_identity.pop(same.identity, [])
        if same == targeted and step.action != "get":
            check = step.own_check
        else:
            check = UNTARGETED if seen_tag(syntax, own_read) in stored.seen_in else SAVED
        # Not yet seen as last written through this view, and written through the other.
        if check != UNTARGETED and stored.own_write != own_read:
            check = CROSS_VIEW
        name = _key_text(facts, stored.key)
        if not found:
            findings.append(Finding(check, f"{name} is missing"))
        elif len(found) > 1:
            findings.append(Finding(check, f"{name} is there {len(found)} times"))
        else:
            findings += _altered(facts, stored, found[0], check)
            findings += _secret(facts, stored, found[0], reader, reveal)
    # What the step wrote through one view, read through the other.
    across = step.action != "get" and step.own_view != own_read
    for extra_identity, extras in by_identity.items():
        key = Key(group[0], group[1], extra_identity)
        same = candidate.comparison.same_key(key)
        name = _key_text(facts, key)
        if across:
            findings.append(Finding(CROSS_VIEW, f"{name} is returned ({len(extras)}x)"))
        elif same == targeted and step.action == "remove":
            findings.append(Finding(GONE, f"{name} is still there after it was removed"))
        elif same == targeted:
            findings.append(Finding(step.own_check, f"{name} is there, other than saved"))
        elif any(
            other.identity == same.identity and (other.associate, other.kind) != same.group
            for other in candidate.held
        ):
            findings.append(
                Finding(
                    FOREIGN, f"{name} is returned, a credential of another {_group_names(facts)}"
                )
            )
        else:
            findings.append(
                Finding(UNTARGETED, f"{name} is returned ({len(extras)}x), though nothing saved it")
            )
    return findings


def _altered(facts: ModelFacts, stored: Stored, item: Item, check: str) -> list[Finding]:
    name = _key_text(facts, stored.key)
    found = [
        Finding(check, f"{name}: {difference.describe()}")
        for difference in differences(facts.links.compared_fields, stored.carrier, item)
    ]
    spelled = identity_key(item.get(facts.identity.name, MISSING))
    if spelled not in stored.spellings:
        saved = " or ".join(shown(spelling) for spelling in sorted(stored.spellings))
        found.append(
            Finding(
                check,
                f"{name}: {facts.identity.name} was saved as {saved},"
                f" read back as {shown(spelled)}",
            )
        )
    return found


def secret_problem(rule: SecretRule | None, sent: Any, returned: Any) -> str | None:
    hidden = no_value(returned)
    if rule is SecretRule.HIDDEN:
        return None if hidden else "is returned, but this identity may not see it"
    if rule is SecretRule.SHOWN and hidden and not no_value(sent):
        return "is not returned, but this identity must see it"
    if not hidden and returned != sent:
        return "is returned other than it was saved"
    return None


def _secret(
    facts: ModelFacts, stored: Stored, item: Item, reader: Reader, reveal: bool
) -> list[Finding]:
    findings = []
    for secret in facts.links.secret_fields:
        sent, returned = stored.carrier.get(secret.name, MISSING), item.get(secret.name, MISSING)
        problem = secret_problem(reader.rule, sent, returned)
        if problem:
            detail = f" (saved as {shown(sent)}, read back as {shown(returned)})" if reveal else ""
            findings.append(
                Finding(
                    SECRET,
                    f"{_key_text(facts, stored.key)}, read by {reader.label}:"
                    f" {secret.name} {problem}{detail}",
                )
            )
    return findings


def seen_tag(syntax: str, own_read: bool) -> str:
    """How Stored.seen_in names an answer's syntax, and its view: seen as saved through
    one view is not yet seen through the other."""
    return f"own {syntax}" if own_read else syntax


def mark_seen(candidate: Candidate, group: Group, syntax: str, own_read: bool = False) -> None:
    """The group's credentials were all read back as last saved, in ``syntax``."""
    for _, stored in candidate.in_group(group):
        stored.seen_in.add(seen_tag(syntax, own_read))


def secret_seen(facts: ModelFacts, stored: Stored, item: Item) -> SecretRule | None:
    """How a saved secret came back: shown or hidden; None when none was saved."""
    for secret in facts.links.secret_fields:
        if not no_value(stored.carrier.get(secret.name, MISSING)):
            returned = item.get(secret.name, MISSING)
            return SecretRule.HIDDEN if no_value(returned) else SecretRule.SHOWN
    return None


def _group_names(facts: ModelFacts) -> str:
    return f"({', '.join(facts.group_fields)})"


def _key_text(facts: ModelFacts, key: Key) -> str:
    return (
        f"{facts.associate_field} {key.associate}, {facts.kind_field} {shown(key.kind)},"
        f" {facts.identity.name} {shown(key.identity)}"
    )

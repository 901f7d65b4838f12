"""The hypothesis state machine of the model-based phase: the rules Save, Get and Remove.

A sequence starts from the residents (saved before the first one, see run.py) and runs
random steps on the small key space (keys.py), where writes collide and every write has
a resident beside it that differs in one key part. After every step each (AssociateId,
Type) of the space is read, in a media type that turns with every read, and compared with the model;
a Get step reads its own (AssociateId, Type) twice, where the spec promises a stable
order. At the end of a sequence what it saved is removed, so the next one starts from
the residents again.

A difference raises ModelDifferenceError with the sequence's calls; hypothesis shrinks the
sequence and raises it again for the shortest one it found.
"""

from __future__ import annotations

import itertools
from typing import Any, NoReturn

import hypothesis
import requests
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    precondition,
    rule,
    run_state_machine_as_test,
)
from schemathesis.core.failures import FailureGroup

from contract_tests.model.bodies import get_body, recorded_keys, remove_body, save_body
from contract_tests.model.calls import Item, Sent, answer_syntax, read_items
from contract_tests.model.compare import differences, shown
from contract_tests.model.judge import (
    CROSS_VIEW,
    ORDER,
    PER_ANSWER_CHECKS,
    SAVED,
    STATE_CHECKS,
    Finding,
    Step,
    judge,
    mark_seen,
    secret_seen,
)
from contract_tests.model.keys import Group, Key, identity_key
from contract_tests.model.own_view import OwnView, own_media_types
from contract_tests.model.readers import Reader
from contract_tests.model.report import ModelDifferenceError, difference_report
from contract_tests.model.run import ModelRun
from contract_tests.model.shrink import ShrinkAllowanceSpentError
from contract_tests.model.state import Model
from contract_tests.model.values import LEFT_OUT, carriers
from spec_loader.media_types import JSON_SYNTAX, XML_SYNTAX, body_syntax
from spec_loader.statuses import is_refused

# How a step may spell the null key: a save may also leave PublicValue out; a Remove
# must name it (the spec requires the field).
NULL_SPELLINGS_IN_SAVE = (None, "", LEFT_OUT)
NULL_SPELLINGS_IN_REMOVE = (None, "")


def key_words(run: ModelRun, key: Key) -> str:
    facts = run.facts
    return (
        f"{facts.associate_field} {key.associate}, {facts.kind_field} {shown(key.kind)},"
        f" {facts.identity.name} {shown(key.identity)}"
    )


def group_words(run: ModelRun, group: Group) -> str:
    return f"{run.facts.associate_field} {group[0]}, {run.facts.kind_field} {shown(group[1])}"


class SequenceRun:
    """One sequence's model, calls and reads; the machine's rules drive it."""

    def __init__(self, run: ModelRun) -> None:
        self.run = run
        self.model: Model = run.base.copy()
        self.calls: list[Sent] = []  # the steps so far, for the report
        # The latest order read, per view (own or not) and group: the spec promises each
        # Get a stable order, not one order for both views.
        self.orders: dict[tuple[bool, Group], list[str]] = {}
        self.accepts = itertools.cycle((None, *run.facts.answer_media_types))

    # --- sending -------------------------------------------------------------------

    def send(self, what: str, operation_id: str, body: Any, media_type: str, **kwargs: Any) -> Sent:
        case, headers = self.run.caller.prepare(operation_id, body, media_type, **kwargs)
        sent = self.run.caller.deliver(what, case, headers)
        try:
            self.run.caller.judge(sent)
        except FailureGroup as failures:
            names = sorted({failure.title for failure in failures.exceptions})
            findings = [Finding(PER_ANSWER_CHECKS, f"{sent.what}: {name}") for name in names]
            report = difference_report(
                self.run.facts, findings, [*self.calls, sent], None, None, self.run.mask
            )
            difference = ModelDifferenceError(f"{report}\n\n{failures}", report.checks)
            raise self.found(difference) from None
        return sent

    def read(self, group: Group, reader: Reader, accept: str | None, step: Step, what: str) -> Sent:
        facts = self.run.facts
        sent = self.send(
            f"{what}: Get {group_words(self.run, group)}"
            f" as {reader.label}, Accept {accept or '(none)'}",
            facts.get_id,
            get_body(facts, group),
            facts.links.json_media_type,
            accept=accept,
            reader=reader,
        )
        return self.judge_read(group, sent, reader, step, own_read=False)

    def read_own(self, kind: str, accept: str | None, step: Step, what: str) -> Sent:
        """The caller's own Get of ``kind``: the group of the caller's associate."""
        own = self.own_view()
        sent = self.send(
            f"{what}: own Get {self.run.facts.kind_field} {shown(kind)}"
            f" as {own.owner.label}, Accept {accept or '(none)'}",
            own.own.read_back.operation_id,
            own.get_body(kind),
            self.run.facts.links.json_media_type,
            accept=accept,
            reader=own.owner,
        )
        return self.judge_read((own.associate, kind), sent, own.owner, step, own_read=True)

    def judge_read(
        self, group: Group, sent: Sent, reader: Reader, step: Step, own_read: bool
    ) -> Sent:
        items, problem = read_items(self.run.facts, sent.response)
        if items is None:
            self.fail([Finding(SAVED, problem)], sent, None, None, record=True)
        self.compare(group, sent, items, reader, step, own_read)
        return sent

    def own_view(self) -> OwnView:
        assert self.run.own is not None, "an own step without an own view"
        return self.run.own

    # --- judging -------------------------------------------------------------------

    def compare(
        self,
        group: Group,
        sent: Sent,
        items: list[Item],
        reader: Reader,
        step: Step,
        own_read: bool = False,
    ) -> None:
        run, facts = self.run, self.run.facts
        run.tally.comparisons += 1
        run.tally.canary_checks += group[0] == run.space.canary
        run.tally.own_view_checks += own_read
        syntax = answer_syntax(sent.response)
        results = [
            (
                candidate,
                judge(
                    facts, candidate, group, items, reader, step, run.mask is None, syntax, own_read
                ),
            )
            for candidate in self.model.candidates
        ]
        alive = [candidate for candidate, findings in results if not findings]
        reported = [] if alive else min(results, key=lambda result: len(result[1]))[1]
        for check in (*STATE_CHECKS, CROSS_VIEW) if run.own else STATE_CHECKS:
            run.record(check, any(finding.check == check for finding in reported))
        if not alive:
            candidate = next(candidate for candidate, findings in results if findings is reported)
            self.fail(reported, sent, (candidate, group), items)
        for candidate in alive:
            mark_seen(candidate, group, syntax, own_read)
        self.model.candidates = alive
        if reader is run.readers[0]:
            self.count_secrets(group, items)
        self.check_order(group, sent, items, step, own_read)

    def count_secrets(self, group: Group, items: list[Item]) -> None:
        facts, candidate = self.run.facts, self.model.candidates[0]
        fold = candidate.comparison.identity_fold
        for same, stored in candidate.in_group(group):
            for item in items:
                if fold(identity_key(item.get(facts.identity.name))) == same.identity:
                    seen = secret_seen(facts, stored, item)
                    if seen is not None:
                        self.run.tally.secrets_seen[seen] += 1

    def check_order(
        self, group: Group, sent: Sent, items: list[Item], step: Step, own_read: bool
    ) -> None:
        if not self.run.facts.stable_order:
            return
        order = [repr(item.get(self.run.facts.identity.name)) for item in items]
        written = step.action != "get" and step.target is not None and step.target.group == group
        before = None if written else self.orders.get((own_read, group))
        self.orders[own_read, group] = order
        if before is None:
            return
        unstable = sorted(before) == sorted(order) and before != order
        self.run.record(ORDER, unstable)
        if unstable:
            self.fail(
                [
                    Finding(
                        ORDER,
                        f"with no write between them, two Gets of {group_words(self.run, group)}"
                        f" list the credentials in another order: {', '.join(before)}, then"
                        f" {', '.join(order)}",
                    )
                ],
                sent,
                None,
                items,
            )

    def fail(
        self,
        findings: list[Finding],
        sent: Sent,
        expected: tuple[Any, Group] | None,
        answered: list[Item] | None,
        record: bool = False,
    ) -> NoReturn:
        """Raise the difference; ``record`` it in the tally where no comparison did."""
        for finding in findings if record else []:
            self.run.record(finding.check, True)
        raise self.found(
            difference_report(
                self.run.facts, findings, [*self.calls, sent], expected, answered, self.run.mask
            )
        )

    def found(self, difference: ModelDifferenceError) -> ModelDifferenceError:
        """Note a difference: shrinking keeps the shortest."""
        self.run.shrink.found(difference, len(self.calls), self.run.caller.sent)
        return difference

    def check_all(self, step: Step, skip: Group | None = None, skip_own: bool = False) -> None:
        """Read every (AssociateId, Type) of the space (but ``skip``) and compare it; and,
        where the run has an own view, the targeted kind through it (but ``skip_own``): first
        through the view the step used, so that a difference a view shows of itself is
        found as such, and one between the views after it."""
        own_read = self.run.own is not None and not skip_own
        if own_read and step.own_view:
            self.read_own(self.run.space.kind, next(self.accepts), step, "then")
        for group in self.run.space.groups():
            if group != skip:
                self.read(group, self.run.readers[0], next(self.accepts), step, "then")
        if own_read and not step.own_view:
            self.read_own(self.run.space.kind, next(self.accepts), step, "then")

    # --- the steps -----------------------------------------------------------------

    def write(
        self,
        action: str,
        key: Key,
        operation_id: str,
        body: Any,
        media_type: str,
        reader: Reader | None = None,
    ) -> None:
        """Send a step's Save or Remove, which the spec's schema accepts: it must succeed."""
        what = f"{action} {key_words(self.run, key)} as {media_type}"
        sent = self.send(what, operation_id, body, media_type, reader=reader)
        self.calls.append(sent)
        if not sent.accepted:
            finding = Finding(SAVED, f"a valid {action} was answered {sent.response.status_code}")
            self.fail([finding], sent, None, None, record=True)

    def save(self, key: Key, carrier: dict[str, Any], spelling: Any, media_type: str) -> None:
        facts = self.run.facts
        body = save_body(facts, key, carrier, spelling)
        self.write("Save", key, facts.save_id, body, media_type)
        self.run.tally.keys_touched.add(key)
        self.model.save(key, carrier)
        self.check_all(Step("save", key))

    def remove(self, key: Key, spelling: Any, media_type: str) -> None:
        facts = self.run.facts
        body = remove_body(facts, key, spelling)
        self.write("Remove", key, facts.remove_id, body, media_type)
        self.model.remove(key)
        self.check_all(Step("remove", key))

    def get(self, group: Group, reader: Reader, accept: str | None) -> None:
        step = Step("get")
        self.calls.append(self.read(group, reader, accept, step, "Get"))
        if self.run.facts.stable_order:
            self.read(group, reader, accept, step, "the same Get again")
        self.check_all(step, skip=group)

    # --- the caller's own view (own_view.py): the same store, the caller's associate ----

    def own_save(
        self, key: Key, carrier: dict[str, Any], spelling: Any, stray: Any, media_type: str
    ) -> None:
        own = self.own_view()
        body = own.save_body(key, carrier, spelling, stray)
        self.write("own Save", key, own.own.save_id, body, media_type, own.owner)
        self.run.tally.keys_touched.add(key)
        self.model.save(key, carrier, own=True)
        self.check_all(Step("save", key, own_view=True))

    def own_remove(self, key: Key, spelling: Any, media_type: str) -> None:
        own = self.own_view()
        body = own.remove_body(key, spelling)
        self.write("own Remove", key, own.own.remove.operation_id, body, media_type, own.owner)
        self.model.remove(key)
        self.check_all(Step("remove", key, own_view=True))

    def own_get(self, accept: str | None) -> None:
        step = Step("get", own_view=True)
        kind = self.run.space.kind
        self.calls.append(self.read_own(kind, accept, step, "own Get"))
        if self.run.facts.stable_order:
            self.read_own(kind, accept, step, "the same own Get again")
        self.check_all(step, skip_own=True)

    def tear_down(self) -> None:
        """Remove what the sequence saved, then read each group and put it back as the
        residents alone: a resident missing or changed is saved again, anything else
        removed.

        A write that takes more than its key would otherwise carry its damage into the
        next sequence, and hypothesis, replaying a sequence while it shrinks it, would
        meet another store each time. Unjudged: a sequence that failed has been reported.
        """
        facts, run = self.run.facts, self.run
        for key in self.model.held_keys():
            self.quietly(
                f"Remove {key_words(run, key)}",
                facts.remove_id,
                remove_body(facts, key, key.identity or None),
            )
            run.ledger.forget(facts.remove_id, *recorded_keys(facts, key))
        for group in run.space.groups():
            sent = self.quietly(
                f"Get {group_words(run, group)}", facts.get_id, get_body(facts, group)
            )
            items = read_items(facts, sent.response)[0] if sent is not None else None
            found = {identity_key(item.get(facts.identity.name)): item for item in items or []}
            for key, carrier in run.residents.items():
                if key.group != group:
                    continue
                item = found.pop(key.identity, None)
                if item is None or differences(facts.links.compared_fields, carrier, item):
                    body = save_body(facts, key, carrier, key.identity)
                    self.quietly(f"Save {key_words(run, key)}", facts.save_id, body)
            for item in found.values():
                spelled = item.get(facts.identity.name)
                key = Key(*group, identity_key(spelled))
                self.quietly(
                    f"Remove {key_words(run, key)}",
                    facts.remove_id,
                    remove_body(facts, key, spelled),
                )

    def quietly(self, what: str, operation_id: str, body: Any) -> Sent | None:
        """A request of the clean-up: unjudged, and None when it got no answer."""
        facts, caller = self.run.facts, self.run.caller
        case, headers = caller.prepare(operation_id, body, facts.links.json_media_type)
        try:
            return caller.deliver(what, case, headers)
        except requests.RequestException:
            return None


class ResidentRefusedError(Exception):
    """A resident's save was refused (401, 403): the identity may not write for one of
    the run's associates, so the phase cannot start. A setting to change, not a violation."""


def save_residents(run: ModelRun) -> None:
    """Save the residents and read them back: every sequence starts from them, seen as saved."""
    facts = run.facts
    sequence = SequenceRun(run)
    for key, carrier in run.residents.items():
        sent = sequence.send(
            f"Save the resident {key_words(run, key)}",
            facts.save_id,
            save_body(facts, key, carrier, key.identity),
            facts.links.json_media_type,
        )
        sequence.calls.append(sent)
        status = sent.response.status_code
        if is_refused(status):
            raise ResidentRefusedError(
                f"the model phase's first save, {key_words(run, key)}, was refused with"
                f" {status}: the credentials given may not save for that associate (the"
                " run's associate and the canary associate must be ones they may write)"
            )
        sequence.model.save(key, carrier, resident=True)
    # Each group in JSON and in XML: a resident is then seen as saved in both, and a
    # later difference in either is a change a step made.
    for syntax in (JSON_SYNTAX, XML_SYNTAX):
        accept = next(kind for kind in facts.answer_media_types if body_syntax(kind) == syntax)
        for group in run.space.groups():
            sequence.read(group, run.readers[0], accept, Step("save"), "then")
        if run.own is not None:  # and through the own view: the same store
            sequence.read_own(run.space.kind, accept, Step("save"), "then")
    run.base = sequence.model


def run_sequences(run: ModelRun, seed: int) -> None:
    """The budget's sequences with ``seed``; a difference is raised for the shortest
    sequence found within the shrink allowance."""
    settings = hypothesis.settings(
        max_examples=run.budget.sequences,
        stateful_step_count=run.budget.steps,
        deadline=None,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
        # The failure carries the shortest sequence as curl commands, secrets masked;
        # hypothesis' own account of it would print the drawn values, secrets included.
        verbosity=hypothesis.Verbosity.quiet,
    )
    machine = hypothesis.seed(seed)(store_machine(run))
    try:
        run_state_machine_as_test(machine, settings=settings)
    except ShrinkAllowanceSpentError:
        assert run.shrink.shortest is not None
        raise run.shrink.shortest from None
    except hypothesis.errors.Flaky:
        if run.shrink.shortest is None:
            raise
        if run.shrink.spent:
            raise run.shrink.shortest from None
        # A server whose damage outlives a sequence (a Remove that removes nothing) gives
        # a replay another store: the shortest difference seen is still the answer.
        raise run.shrink.shortest.replayed_differently() from None


def store_machine(run: ModelRun) -> type[RuleBasedStateMachine]:
    """The state machine class of one run (its rules close over the run)."""
    facts, space = run.facts, run.space
    every_key = space.keys()
    own_save_types, own_remove_types = own_media_types(run.own)
    # An own save ignores an associate in its body (the spec): sometimes it names another.
    stray_associates = (LEFT_OUT, space.canary or space.associate + 1)

    class CredentialStore(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            run.shrink.before_replay(run.caller.sent)
            self.sequence = SequenceRun(run)
            run.tally.sequences += 1

        def target(self, data: st.DataObject) -> Key:
            return data.draw(st.sampled_from(every_key), label="key")

        def removed(self, data: st.DataObject) -> Key:
            """Mostly (3 in 4) a key the sequence saved, where there is one: with six rules a
            sequence holds few saves, and a key drawn from all would mostly miss them."""
            held = self.sequence.model.held_keys()
            if held and data.draw(st.integers(0, 3), label="a saved key") > 0:
                return data.draw(st.sampled_from(held), label="key")
            return self.target(data)

        def saved(self, data: st.DataObject) -> tuple[Key, dict[str, Any], Any]:
            """A save step's key, carrier and PublicValue spelling, in either view."""
            run.tally.steps += 1
            key = self.target(data)
            carrier = data.draw(carriers(facts.carrier_fields), label="carrier")
            return key, carrier, key.identity or data.draw(st.sampled_from(NULL_SPELLINGS_IN_SAVE))

        @rule(data=st.data())
        def save(self, data: st.DataObject) -> None:
            key, carrier, spelling = self.saved(data)
            media_type = data.draw(st.sampled_from(facts.save_media_types), label="media type")
            self.sequence.save(key, carrier, spelling, media_type)

        @rule(data=st.data())
        def remove(self, data: st.DataObject) -> None:
            run.tally.steps += 1
            key = self.removed(data)
            spelling = key.identity or data.draw(st.sampled_from(NULL_SPELLINGS_IN_REMOVE))
            media_type = data.draw(st.sampled_from(facts.remove_media_types), label="media type")
            self.sequence.remove(key, spelling, media_type)

        @precondition(lambda _: run.own is not None)
        @rule(data=st.data())
        def own_save(self, data: st.DataObject) -> None:
            key, carrier, spelling = self.saved(data)
            stray = data.draw(st.sampled_from(stray_associates), label="stray associate")
            media_type = data.draw(st.sampled_from(own_save_types), label="media type")
            self.sequence.own_save(key, carrier, spelling, stray, media_type)

        @precondition(lambda _: run.own is not None)
        @rule(data=st.data())
        def own_remove(self, data: st.DataObject) -> None:
            run.tally.steps += 1
            key = self.removed(data)
            spelling = key.identity or data.draw(st.sampled_from(NULL_SPELLINGS_IN_REMOVE))
            media_type = data.draw(st.sampled_from(own_remove_types), label="media type")
            self.sequence.own_remove(key, spelling, media_type)

        @precondition(lambda _: run.own is not None)
        @rule(accept=st.sampled_from((None, *facts.answer_media_types)))
        def own_get(self, accept: str | None) -> None:
            run.tally.steps += 1
            self.sequence.own_get(accept)

        @rule(
            group=st.sampled_from(space.groups()),
            accept=st.sampled_from((None, *facts.answer_media_types)),
            reader=st.sampled_from(run.readers),
        )
        def get(self, group: Group, accept: str | None, reader: Reader) -> None:
            run.tally.steps += 1
            self.sequence.get(group, reader, accept)

        def teardown(self) -> None:
            model = self.sequence.model
            if len(model.candidates) < run.ways:  # the server showed how it compares keys
                run.tally.key_comparisons[model.candidates[0].comparison.describe()] += 1
            self.sequence.tear_down()

    return CredentialStore

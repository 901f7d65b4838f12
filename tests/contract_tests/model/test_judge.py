"""judge: a Get's answer against the model, each difference under the check it fails.

Seen failing by hand: ``judge`` filing a credential still there after its Remove under
UNTARGETED instead of GONE, and ``secret_problem`` letting a hidden identity see a secret.
"""

from __future__ import annotations

from typing import Any

import pytest

from contract_tests.model import judge as judging
from contract_tests.model.facts import model_facts
from contract_tests.model.judge import Item, Step, judge, mark_seen, secret_problem, secret_seen
from contract_tests.model.keys import Key, comparisons, key_space
from contract_tests.model.readers import RUN_IDENTITY, Reader, SecretRule
from contract_tests.model.state import Candidate
from spec_loader.documents import MISSING

FACTS = model_facts()
SPACE = key_space(FACTS, 4242, None)
EXACT = comparisons(FACTS, SPACE)[0]
GROUP = (4242, SPACE.kind)
KEY = Key(*GROUP, "Mail")
OTHER = Key(*GROUP, "Other")
IDENTITY = FACTS.identity.name
SECRET = FACTS.links.secret_fields[0].name
SHOWN = Reader(RUN_IDENTITY, SecretRule.SHOWN)
CARRIER = {"Comment": "saved", SECRET: "a secret of eight"}


def holding(*keys: Key) -> Candidate:
    candidate = Candidate(EXACT)
    for key in keys:
        candidate.save(key, CARRIER)
    return candidate


def item(key: Key, **changes: Any) -> dict[str, Any]:
    return {IDENTITY: key.identity, **CARRIER, **changes}


def checks(candidate: Candidate, items: list[Item], step: Step) -> list[str]:
    found = judge(FACTS, candidate, GROUP, items, SHOWN, step, reveal=False, syntax="json")
    return [finding.check for finding in found]


def test_an_answer_as_saved_passes() -> None:
    assert checks(holding(KEY), [item(KEY)], Step("get")) == []


def test_a_saved_credential_missing_or_altered_fails_saved() -> None:
    assert checks(holding(KEY), [], Step("save", KEY)) == [judging.SAVED]
    assert checks(holding(KEY), [item(KEY, Comment="other")], Step("save", KEY)) == [judging.SAVED]
    assert checks(holding(KEY), [item(KEY), item(KEY)], Step("get")) == [judging.SAVED]


def test_a_change_to_a_credential_seen_before_fails_untargeted() -> None:
    candidate = holding(KEY, OTHER)
    mark_seen(candidate, GROUP, "json")
    assert checks(candidate, [item(KEY)], Step("save", KEY)) == [judging.UNTARGETED]
    # Seen in JSON only: its first read in XML is still a read-back.
    found = judge(FACTS, candidate, GROUP, [item(KEY)], SHOWN, Step("get"), False, "xml")
    assert [finding.check for finding in found] == [judging.SAVED]


def test_a_removed_credential_still_there_fails_gone() -> None:
    assert checks(holding(), [item(KEY)], Step("remove", KEY)) == [judging.GONE]


def test_a_credential_nothing_saved_fails_untargeted() -> None:
    assert checks(holding(), [item(OTHER)], Step("get")) == [judging.UNTARGETED]


def test_a_credential_of_another_kind_fails_foreign() -> None:
    candidate = holding(Key(4242, SPACE.other_kind, "Mail"))
    assert checks(candidate, [item(KEY)], Step("get")) == [judging.FOREIGN]


def test_a_secret_read_back_wrong_fails_secret_and_is_not_shown() -> None:
    found = judge(
        FACTS, holding(KEY), GROUP, [item(KEY, **{SECRET: "another secret"})], SHOWN,
        Step("get"), reveal=False, syntax="json",
    )  # fmt: skip
    assert [finding.check for finding in found] == [judging.SECRET]
    assert "another secret" not in found[0].text


@pytest.mark.parametrize(
    ("rule", "sent", "returned", "problem"),
    [
        (SecretRule.HIDDEN, "s", None, False),
        (SecretRule.HIDDEN, "s", "s", True),
        (SecretRule.SHOWN, "s", MISSING, True),
        (SecretRule.SHOWN, None, MISSING, False),
        (SecretRule.SHOWN, "s", "s", False),
        (None, "s", None, False),
        (None, "s", "t", True),
    ],
)
def test_secret_problem(rule: SecretRule | None, sent: Any, returned: Any, problem: bool) -> None:
    assert (secret_problem(rule, sent, returned) is not None) == problem


def test_secret_seen() -> None:
    stored = holding(KEY).held[KEY]
    assert secret_seen(FACTS, stored, item(KEY)) is SecretRule.SHOWN
    assert secret_seen(FACTS, stored, item(KEY, **{SECRET: None})) is SecretRule.HIDDEN
    stored.carrier.pop(SECRET)
    assert secret_seen(FACTS, stored, item(KEY)) is None

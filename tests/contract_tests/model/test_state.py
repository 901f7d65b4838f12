"""state: the model holds one credential per key as each candidate comparison sees it.

Seen failing by hand: ``Candidate.copy`` without the deep copy.
"""

from __future__ import annotations

import dataclasses

from contract_tests.model.facts import Allowed, Difference, KeyText, model_facts
from contract_tests.model.keys import Key, comparisons, key_space
from contract_tests.model.state import Model

FACTS = model_facts()
EITHER = {difference: Allowed.EITHER for difference in Difference}
SPACE = key_space(FACTS, 4242, None)
WAYS = comparisons(
    dataclasses.replace(FACTS, identity_text=KeyText(FACTS.identity.name, EITHER)), SPACE
)
UPPER = Key(4242, SPACE.kind, "Mail")
LOWER = Key(4242, SPACE.kind, "mail")


def exact_and_case_blind() -> Model:
    blind = next(way for way in WAYS if way.describe() == "ignoring letter-case in PublicValue")
    return Model.of([WAYS[0], blind])


def test_a_save_in_other_letter_case_is_one_credential_only_where_case_is_ignored() -> None:
    model = exact_and_case_blind()
    model.save(UPPER, {"Comment": "first"})
    model.save(LOWER, {"Comment": "second"})
    exact, blind = model.candidates
    assert len(exact.held) == 2
    (stored,) = blind.held.values()
    assert stored.carrier == {"Comment": "second"}
    assert stored.spellings == {"Mail", "mail"}
    assert stored.key == UPPER  # as first spelled


def test_a_save_forgets_where_it_was_seen() -> None:
    model = exact_and_case_blind()
    model.save(UPPER, {})
    stored = model.candidates[0].held[UPPER]
    stored.seen_in.add("json")
    model.save(UPPER, {}, own=True)
    assert stored.seen_in == set()
    assert stored.own_write


def test_remove_and_holds() -> None:
    model = exact_and_case_blind()
    model.save(UPPER, {})
    model.remove(LOWER)
    assert model.holds(UPPER)  # the first candidate compares exactly
    assert not model.candidates[1].held
    model.remove(UPPER)
    assert not model.holds(UPPER)


def test_residents_are_never_targeted_and_groups_are_folded() -> None:
    model = exact_and_case_blind()
    model.save(Key(4242, SPACE.kind, "resident"), {}, resident=True)
    model.save(LOWER, {})
    model.save(Key(4242, SPACE.other_kind, "mail"), {})
    assert model.held_keys() == sorted([LOWER, Key(4242, SPACE.other_kind, "mail")])
    in_group = [key for key, _ in model.candidates[0].in_group((4242, SPACE.kind))]
    assert sorted(key.identity for key in in_group) == ["mail", "resident"]


def test_a_copy_is_its_own() -> None:
    model = exact_and_case_blind()
    model.save(UPPER, {"Comment": "kept"})
    copied = model.copy()
    copied.candidates[0].held[UPPER].carrier["Comment"] = "changed"
    copied.remove(UPPER)
    assert model.holds(UPPER)
    assert model.candidates[0].held[UPPER].carrier == {"Comment": "kept"}

"""keys: a small key space whose keys collide, and one candidate per way the spec lets a
server compare key texts.

Seen failing by hand: ``comparisons`` without the merge of comparisons that join the
same keys of the space.
"""

from __future__ import annotations

import dataclasses

import pytest

from contract_tests.model.facts import Allowed, Difference, KeyText, ModelFacts, model_facts
from contract_tests.model.keys import (
    NOT_BMP,
    Key,
    comparisons,
    fill,
    identity_key,
    key_space,
    longest_text,
)

FACTS = model_facts()
ASSOCIATE, CANARY = 4242, 7


def facts_with(kind: dict[Difference, Allowed], identity: dict[Difference, Allowed]) -> ModelFacts:
    return dataclasses.replace(
        FACTS,
        kind_text=KeyText(FACTS.kind_field, kind),
        identity_text=KeyText(FACTS.identity.name, identity),
    )


@pytest.mark.parametrize("length", [1, 5, 238])
def test_fill_and_longest_text_have_the_length_asked(length: int) -> None:
    assert len(fill("abc", length)) == length
    text = longest_text(length + len(NOT_BMP))
    assert len(text) == length + len(NOT_BMP)
    assert text.endswith(NOT_BMP)


def test_the_key_space_fits_the_schema_and_collides() -> None:
    space = key_space(FACTS, ASSOCIATE, CANARY)
    limit = FACTS.identity.schema["maxLength"]
    assert "" in space.identities
    assert max(len(identity) for identity in space.identities) == limit
    assert len(set(space.identities)) == len(space.identities)
    folded = {identity.casefold().rstrip(" ") for identity in space.identities}
    assert len(folded) < len(space.identities)  # some differ only in case or trailing spaces
    targets = space.keys()
    assert {key.group for key in targets} == {(ASSOCIATE, space.kind)}
    assert space.kind != space.other_kind


def test_each_key_part_is_varied_alone_by_the_residents() -> None:
    space = key_space(FACTS, ASSOCIATE, CANARY)
    residents, targets = space.residents(), space.keys()
    for key in targets:
        assert Key(ASSOCIATE, space.other_kind, key.identity) in residents
        assert Key(CANARY, space.kind, key.identity) in residents
    assert (CANARY, space.kind) in space.groups()
    without = key_space(FACTS, ASSOCIATE, None)
    assert all(key.associate == ASSOCIATE for key in without.residents())
    assert len(without.groups()) == 2


def test_two_runs_have_their_own_kinds() -> None:
    assert key_space(FACTS, ASSOCIATE, None).kind != key_space(FACTS, ASSOCIATE, None).kind


def test_either_keeps_every_way_the_space_tells_apart_exact_first() -> None:
    either = {difference: Allowed.EITHER for difference in Difference}
    found = comparisons(facts_with(either, either), key_space(FACTS, ASSOCIATE, CANARY))
    assert not found[0].ignored
    assert found[0].describe() == "key texts compared exactly"
    # The space's two kinds differ in every character: the ways of comparing the kind
    # join no keys of it, so only the PublicValue's four ways are told apart.
    ignored_in_identity = {
        frozenset(
            difference for field, difference in comparison.ignored if field == FACTS.identity.name
        )
        for comparison in found
    }
    assert len(found) == len(ignored_in_identity) == 4


def test_significant_and_ignored_leave_one_way() -> None:
    space = key_space(FACTS, ASSOCIATE, CANARY)
    assert len(comparisons(facts_with({}, {}), space)) == 1
    ignored = {Difference.LETTER_CASE: Allowed.IGNORED}
    (only,) = comparisons(facts_with({}, ignored), space)
    upper, lower = (identity for identity in space.identities[1:3])
    assert upper.casefold() == lower
    assert only.same_key(Key(ASSOCIATE, "K", upper)) == only.same_key(Key(ASSOCIATE, "K", lower))
    assert only.same_key(Key(ASSOCIATE, "K", "a")) != only.same_key(Key(ASSOCIATE, "k", "a"))
    assert only.same_key(Key(ASSOCIATE, "K", "a ")) != only.same_key(Key(ASSOCIATE, "K", "a"))


def test_identity_key() -> None:
    assert identity_key(None) == identity_key("") == ""
    assert identity_key("Mail") == "Mail"
    assert identity_key(5) == "5"

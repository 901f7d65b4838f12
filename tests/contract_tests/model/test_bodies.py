"""bodies: the model's Save, Get and Remove bodies, placed where the spec's links say.

Seen failing by hand: ``recorded_keys`` giving one body for the null key.
"""

from __future__ import annotations

import pytest

from contract_tests.model.bodies import get_body, recorded_keys, remove_body, save_body
from contract_tests.model.facts import model_facts
from contract_tests.model.keys import Key
from contract_tests.model.values import LEFT_OUT
from spec_loader.documents import value_at

FACTS = model_facts()
POINTERS = FACTS.links.remove.pointers
KEY = Key(4242, "imap", "Mail")


def test_a_save_holds_its_key_where_the_remove_link_reads_it() -> None:
    body = save_body(FACTS, KEY, {"Comment": "c"}, KEY.identity)
    assert value_at(body, POINTERS[FACTS.associate_field]) == KEY.associate
    assert value_at(body, POINTERS[FACTS.kind_field]) == KEY.kind
    assert value_at(body, POINTERS[FACTS.identity.name]) == KEY.identity
    assert value_at(body, (*FACTS.links.carrier_path, "Comment")) == "c"


def test_a_left_out_public_value_is_absent() -> None:
    body = save_body(FACTS, KEY, {}, LEFT_OUT)
    assert FACTS.identity.name not in value_at(body, FACTS.links.carrier_path)


def test_get_and_remove_bodies_are_the_links_of_a_save() -> None:
    assert get_body(FACTS, KEY.group) == {
        FACTS.associate_field: KEY.associate,
        FACTS.kind_field: KEY.kind,
    }
    removed = remove_body(FACTS, KEY, "mail")
    assert removed[FACTS.identity.name] == "mail"
    assert removed[FACTS.kind_field] == KEY.kind


def test_the_spec_refuses_an_invalid_group() -> None:
    with pytest.raises(ValueError, match="refuses a Get"):
        get_body(FACTS, (0, KEY.kind))


def test_the_null_key_may_be_recorded_two_ways() -> None:
    null = recorded_keys(FACTS, Key(KEY.associate, KEY.kind, ""))
    assert sorted(body[FACTS.identity.name] is None for body in null) == [False, True]
    assert [body[FACTS.identity.name] for body in recorded_keys(FACTS, KEY)] == ["Mail"]

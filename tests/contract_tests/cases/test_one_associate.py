"""one_associate: every valid associate id in a body becomes the run's associate; an
invalid one, which is what its case tests, is kept.

(A whole run kept to one associate is in test_saved_credentials.py.) Seen failing by
hand: ``pin_associate`` replacing invalid values too.
"""

from __future__ import annotations

import pytest
from schemathesis import HookContext

import spec_loader
from contract_tests.cases.one_associate import (
    OneAssociate,
    associate_fields,
    is_valid_associate,
    pin_associate,
)
from contract_tests.model.facts import model_facts
from spec_loader.links import ASSOCIATE_SCHEMA
from tests.contract_tests.exchanges import case_of

FACTS = model_facts()
SCHEMA = spec_loader.component(spec_loader.load_spec(), "schemas", ASSOCIATE_SCHEMA)
RUN_ASSOCIATE = 4242


def test_the_associate_fields_of_each_operation_with_a_body() -> None:
    fields = associate_fields()
    for operation_id in (FACTS.save_id, FACTS.get_id, FACTS.remove_id):
        assert fields[operation_id] == (FACTS.associate_field,)


@pytest.mark.parametrize("value", [SCHEMA["minimum"], SCHEMA["maximum"], SCHEMA["example"]])
def test_a_valid_associate_is_replaced(value: int) -> None:
    assert is_valid_associate(value)
    body = {FACTS.associate_field: value, FACTS.kind_field: "imap"}
    pinned = pin_associate(body, (FACTS.associate_field,), RUN_ASSOCIATE)
    assert pinned == {FACTS.associate_field: RUN_ASSOCIATE, FACTS.kind_field: "imap"}
    assert body[FACTS.associate_field] == value  # the case's own body is not changed


@pytest.mark.parametrize(
    "value", [SCHEMA["minimum"] - 1, SCHEMA["maximum"] + 1, "42", None, 4.5, [42]]
)
def test_an_invalid_associate_is_kept(value: object) -> None:
    assert not is_valid_associate(value)
    body = {FACTS.associate_field: value}
    assert pin_associate(body, (FACTS.associate_field,), RUN_ASSOCIATE) == body


def test_a_body_that_is_no_object_or_lacks_the_field_is_kept() -> None:
    assert pin_associate([1, 2], (FACTS.associate_field,), RUN_ASSOCIATE) == [1, 2]
    assert pin_associate({}, (FACTS.associate_field,), RUN_ASSOCIATE) == {}


def test_the_hook_pins_the_case_body() -> None:
    body = {FACTS.associate_field: 7, FACTS.kind_field: "imap"}
    case = case_of(FACTS.get_id, body=body, media_type=FACTS.links.json_media_type)
    hook = OneAssociate(RUN_ASSOCIATE)
    pinned = hook.map_case(HookContext(operation=case.operation), case)
    assert isinstance(pinned.body, dict)
    assert pinned.body[FACTS.associate_field] == RUN_ASSOCIATE

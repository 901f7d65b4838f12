"""model/facts: what the model phase reads from the spec, and how a key text compares.

Seen failing by hand: ``KeyText.choices`` with ``either`` mapped to ``(True,)`` only.
"""

from __future__ import annotations

import pytest

import spec_loader
from contract_tests.model.facts import Allowed, Difference, KeyText, model_facts

FACTS = model_facts()


@pytest.mark.parametrize(
    ("allowed", "choices"),
    [(Allowed.SIGNIFICANT, (False,)), (Allowed.IGNORED, (True,)), (Allowed.EITHER, (False, True))],
)
def test_what_a_server_may_ignore(allowed: Allowed, choices: tuple[bool, ...]) -> None:
    text = KeyText("Type", {Difference.LETTER_CASE: allowed})
    assert text.choices(Difference.LETTER_CASE) == choices
    # Unwritten: significant.
    assert text.choices(Difference.TRAILING_SPACES) == (False,)


def test_the_operations_are_the_links_of_the_save() -> None:
    operation_ids = {op.operation_id for op in spec_loader.operations(spec_loader.load_spec())}
    assert {FACTS.save_id, FACTS.get_id, FACTS.remove_id} <= operation_ids
    assert len({FACTS.save_id, FACTS.get_id, FACTS.remove_id}) == 3
    assert set(FACTS.group_fields) == {FACTS.associate_field, FACTS.kind_field}


def test_the_carrier_leaves_out_the_key_field() -> None:
    names = [field.name for field in FACTS.carrier_fields]
    assert FACTS.identity.name not in names
    assert len(names) == len(set(names))
    assert {field.name for field in FACTS.links.secret_fields} <= set(names)


def test_key_texts_compare_as_the_spec_writes() -> None:
    written = FACTS.identity.schema["x-key-text-comparison"]
    assert {kind.value: rule.value for kind, rule in FACTS.identity_text.rules.items()} == written
    assert FACTS.answer_media_types == tuple(FACTS.answer_schemas)

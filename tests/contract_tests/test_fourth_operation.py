"""The suite's facts come from whatever operations the spec lists, not from a fixed three.

Run on a copy of the spec with a fourth operation (tests/spec_copies.py), named by
SUPEROFFICE_OPENAPI_SPEC. The cached readers are called unwrapped, so they read the copy.
Seen to fail with contract_facts() building its operations from a fixed list of the three
operationIds (3 operations where the spec has 4).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import spec_loader
from contract_tests.cases.lossy_encodings import declared_types
from contract_tests.cases.one_associate import associate_fields
from contract_tests.facts.contract import contract_facts
from tests.spec_copies import NEW_OPERATION, NEW_PATH, SHAPED_LIKE, spec_with_a_fourth_operation


@pytest.fixture
def fourth_operation_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(spec_loader.SPEC_ENV_VAR, str(spec_with_a_fourth_operation(tmp_path)))


@pytest.mark.usefixtures("fourth_operation_spec")
def test_the_suites_facts_pick_up_a_fourth_operation() -> None:
    facts = contract_facts.__wrapped__()
    in_the_copy = spec_loader.operations(spec_loader.load_spec())
    in_the_spec = spec_loader.operations(spec_loader.load_spec(spec_loader.DEFAULT_SPEC_PATH))
    assert len(facts.operations) == len(in_the_copy) == len(in_the_spec) + 1
    new, like = facts.of(NEW_OPERATION), facts.of(SHAPED_LIKE)
    assert (new.path, new.methods_at_path) == (NEW_PATH, like.methods_at_path)
    assert new.request_media_types == like.request_media_types
    assert new.tolerated_no_content_body == like.tolerated_no_content_body


@pytest.mark.usefixtures("fourth_operation_spec")
def test_the_case_filters_and_the_associate_pin_pick_it_up() -> None:
    assert declared_types.__wrapped__(NEW_OPERATION) == declared_types.__wrapped__(SHAPED_LIKE)
    fields = associate_fields.__wrapped__()
    assert fields[NEW_OPERATION] == fields[SHAPED_LIKE] != ()

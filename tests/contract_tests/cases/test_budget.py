"""The budget leaves out exactly the coverage cases that repeat a request in the same encoding."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis

import spec_loader
from contract_tests.cases.budget import Budget, encoding
from contract_tests.facts.save_links import effect_facts
from contract_tests.http_parts import AnyCase

SAVE = "SaveUntrustedCredentialsForAssociate"
SPEC = spec_loader.load_spec()
MEDIA_TYPES = spec_loader.request_media_types(SPEC, SAVE)
EXAMPLE = spec_loader.component(SPEC, "examples", "ImapCredentials")["value"]
JSON_TYPES = [media_type for media_type in MEDIA_TYPES if encoding(media_type) == "json"]
SCHEMA = schemathesis.openapi.from_path(spec_loader.spec_path())
OPERATION = SCHEMA.find_operation_by_id(SAVE)


def case_in(media_type: str, **changes: Any) -> AnyCase:
    return OPERATION.Case(body={**EXAMPLE, **changes}, media_type=media_type)


def test_the_spec_has_several_json_media_types() -> None:
    # Without two of one encoding this module would test nothing.
    assert len(JSON_TYPES) >= 2, MEDIA_TYPES


def test_a_coverage_case_repeated_in_another_json_type_is_left_out() -> None:
    budget = Budget(thorough=False)
    first, *others = JSON_TYPES
    assert budget.admits(case_in(first), "coverage")
    assert not any([budget.admits(case_in(media_type), "coverage") for media_type in others])
    assert budget.coverage_requests.turned_away == len(others)


def test_another_body_or_encoding_still_goes() -> None:
    budget = Budget(thorough=False)
    assert budget.admits(case_in(JSON_TYPES[0]), "coverage")
    assert budget.admits(case_in(JSON_TYPES[0], AssociateId=-1), "coverage")
    other_encodings = {encoding(media_type) for media_type in MEDIA_TYPES} - {"json"}
    assert other_encodings
    for media_type in MEDIA_TYPES:
        if encoding(media_type) in other_encodings:
            other_encodings.discard(encoding(media_type))
            assert budget.admits(case_in(media_type), "coverage"), media_type


@pytest.mark.parametrize("phase", ["examples", "fuzzing"])
def test_other_phases_are_never_left_out(phase: str) -> None:
    budget = Budget(thorough=False)
    assert all(budget.admits(case_in(media_type), phase) for media_type in JSON_TYPES * 2)


def test_a_valid_case_is_never_left_out() -> None:
    budget = Budget(thorough=False)
    assert all(
        budget.admits(case_in(media_type), "coverage", positive=True) for media_type in JSON_TYPES
    )


def test_thorough_sends_every_case() -> None:
    budget = Budget(thorough=True)
    assert all(budget.admits(case_in(media_type), "coverage") for media_type in JSON_TYPES * 2)
    assert budget.coverage_requests.turned_away == 0


(CARRIER,) = effect_facts().carrier_path
COMPARED = effect_facts().compared_fields
FLAG = next(field.name for field in COMPARED if field.schema.get("type") == "boolean")
# A text field that may also be null (Comment): its null, empty and other values differ.
TEXT = next(field.name for field in COMPARED if field.schema.get("type") == ["string", "null"])


def with_carrier(**changes: Any) -> dict[str, Any]:
    return {**EXAMPLE, CARRIER: {**EXAMPLE[CARRIER], **changes}}


def test_a_save_of_a_shape_already_read_back_is_not_read_back_again() -> None:
    budget = Budget(thorough=False)
    first = OPERATION.Case(body=with_carrier(**{TEXT: "one"}), media_type=JSON_TYPES[0])
    same_shape = OPERATION.Case(body=with_carrier(**{TEXT: "two"}), media_type=JSON_TYPES[1])
    assert budget.reads_back(first)
    assert not budget.reads_back(same_shape)


@pytest.mark.parametrize(
    "changes",
    [{FLAG: not EXAMPLE[CARRIER][FLAG]}, {TEXT: None}, {TEXT: ""}],
)
def test_a_save_of_another_shape_is_read_back(changes: dict[str, Any]) -> None:
    budget = Budget(thorough=False)
    assert budget.reads_back(OPERATION.Case(body=with_carrier(), media_type=JSON_TYPES[0]))
    other = OPERATION.Case(body=with_carrier(**changes), media_type=JSON_TYPES[0])
    assert budget.reads_back(other)


def test_thorough_reads_back_every_save() -> None:
    budget = Budget(thorough=True)
    case = OPERATION.Case(body=with_carrier(), media_type=JSON_TYPES[0])
    assert budget.reads_back(case)
    assert budget.reads_back(case)


def test_the_summary_line_says_what_was_left_out() -> None:
    budget = Budget(thorough=False)
    for media_type in JSON_TYPES:
        budget.admits(case_in(media_type), "coverage")
    assert f"left out: {len(JSON_TYPES) - 1} coverage cases" in budget.describe()
    assert "--thorough" in budget.describe()
    assert Budget(thorough=True).describe().startswith("thorough")

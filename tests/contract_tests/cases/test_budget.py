"""The budget leaves out exactly the coverage cases that repeat a request in the same encoding."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis

import spec_loader
from contract_tests.cases.budget import Budget, encoding
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


def test_an_invalid_case_repeated_in_another_encoding_is_left_out() -> None:
    budget = Budget(thorough=False)
    assert budget.admits(case_in(JSON_TYPES[0]), "coverage")
    others = [media_type for media_type in MEDIA_TYPES if encoding(media_type) != "json"]
    assert others
    assert not any([budget.admits(case_in(media_type), "coverage") for media_type in others])


def test_another_body_still_goes() -> None:
    budget = Budget(thorough=False)
    assert budget.admits(case_in(JSON_TYPES[0]), "coverage")
    assert budget.admits(case_in(JSON_TYPES[0], AssociateId=-1), "coverage")


@pytest.mark.parametrize("phase", ["examples", "fuzzing", "stateful"])
def test_other_phases_are_never_left_out(phase: str) -> None:
    budget = Budget(thorough=False)
    assert all(budget.admits(case_in(media_type), phase) for media_type in JSON_TYPES * 2)


def test_every_media_type_gets_a_valid_case() -> None:
    budget = Budget(thorough=False)
    assert all(
        budget.admits(case_in(media_type, Type=media_type), "coverage", positive=True)
        for media_type in MEDIA_TYPES
    )


def test_a_valid_case_goes_once_per_encoding() -> None:
    phase = "coverage"
    budget = Budget(thorough=False)
    for media_type in MEDIA_TYPES:  # each type seen accepted once, with another body
        budget.admits(case_in(media_type, Type=media_type), phase, positive=True)
    first, *others = JSON_TYPES
    assert budget.admits(case_in(first), phase, positive=True)
    assert not any(
        [budget.admits(case_in(media_type), phase, positive=True) for media_type in others]
    )
    encodings = {encoding(media_type): media_type for media_type in MEDIA_TYPES}
    assert len(encodings) > 1
    for name, media_type in encodings.items():
        if name != "json":
            assert budget.admits(case_in(media_type), phase, positive=True), media_type


def test_an_example_goes_once_per_encoding() -> None:
    budget = Budget(thorough=False)
    first, *others = JSON_TYPES
    assert budget.sends_example(case_in(first))
    assert not any([budget.sends_example(case_in(media_type)) for media_type in others])
    xml = next(media_type for media_type in MEDIA_TYPES if encoding(media_type) == "xml")
    assert budget.sends_example(case_in(xml))
    assert Budget(thorough=True).sends_example(case_in(others[0]))


def test_thorough_sends_every_case() -> None:
    budget = Budget(thorough=True)
    assert all(budget.admits(case_in(media_type), "coverage") for media_type in JSON_TYPES * 2)
    assert budget.coverage_requests.turned_away == 0


def test_the_summary_line_says_what_was_left_out() -> None:
    budget = Budget(thorough=False)
    for media_type in JSON_TYPES:
        budget.admits(case_in(media_type), "coverage")
    assert f"left out: {len(JSON_TYPES) - 1} coverage cases" in budget.describe()
    assert "--thorough" in budget.describe()
    assert Budget(thorough=True).describe().startswith("thorough")

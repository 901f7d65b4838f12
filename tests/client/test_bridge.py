"""generator/bridge.py: what the generator is given instead of the full spec.

Guard proved by removing it once by hand: with the schema comparison in
json_media_types taken out, test_json_media_types_must_share_one_schema fails.
"""

from __future__ import annotations

import copy

import pytest

from generator.bridge import (
    generator_input,
    is_json_media_type,
    json_media_types,
    template_globals,
)
from spec_loader import (
    OPERATION_METHOD,
    OPERATION_PATH,
    JsonObject,
    operation,
    request_media_types,
)
from tests.client.recording import SPEC


def spec_with_body(content: JsonObject) -> JsonObject:
    spec = copy.deepcopy(SPEC)
    operation(spec)["requestBody"]["content"] = content
    return spec


SCHEMA = {"$ref": "#/components/schemas/SaveUntrustedCredentialsForAssociateRequest"}
OTHER_SCHEMA = {"$ref": "#/components/schemas/SuperOfficeError"}


@pytest.mark.parametrize(
    "media_type",
    [
        "application/json",
        "text/json",
        "application/json-patch+json",
        "application/merge-patch+json",
        "application/problem+json",
        "Application/JSON; charset=utf-8",
    ],
)
def test_json_family(media_type: str) -> None:
    assert is_json_media_type(media_type)


@pytest.mark.parametrize(
    "media_type",
    ["application/xml", "text/xml", "application/x-www-form-urlencoded", "application/json-seq"],
)
def test_not_json_family(media_type: str) -> None:
    assert not is_json_media_type(media_type)


def test_json_media_types_keep_the_spec_order_and_drop_the_rest() -> None:
    spec = spec_with_body(
        {
            "application/xml": {"schema": SCHEMA},
            "application/problem+json": {"schema": SCHEMA},
            "application/x-www-form-urlencoded": {"schema": SCHEMA},
            "text/json": {"schema": SCHEMA},
        }
    )
    assert json_media_types(spec) == ["application/problem+json", "text/json"]


def test_json_media_types_must_share_one_schema() -> None:
    spec = spec_with_body(
        {"application/json": {"schema": SCHEMA}, "text/json": {"schema": OTHER_SCHEMA}}
    )
    with pytest.raises(ValueError, match="do not share one schema"):
        json_media_types(spec)


def test_a_body_without_json_is_refused() -> None:
    with pytest.raises(ValueError, match="no JSON media type"):
        json_media_types(spec_with_body({"application/xml": {"schema": SCHEMA}}))


def test_the_real_spec_has_json_and_other_media_types() -> None:
    # Otherwise the bridge would have nothing to do and these tests would prove little.
    chosen = json_media_types(SPEC)
    assert chosen[0] == "application/json"
    assert len(chosen) > 1
    assert set(chosen) < set(request_media_types(SPEC))


def test_generator_input_keeps_only_the_default_media_type_and_leaves_the_spec_alone() -> None:
    before = copy.deepcopy(SPEC)
    narrowed = generator_input(SPEC)
    assert before == SPEC
    assert request_media_types(narrowed) == [json_media_types(SPEC)[0]]
    # Everything else is the spec as written.
    del operation(narrowed)["requestBody"]["content"]
    del operation(before)["requestBody"]["content"]
    assert narrowed == before


def test_template_globals_name_the_operation_and_its_secret() -> None:
    facts = template_globals(SPEC)
    assert facts["json_media_types"] == {(OPERATION_METHOD, OPERATION_PATH): json_media_types(SPEC)}
    assert facts["write_only_properties"] == {
        "/components/schemas/UntrustedCredentials": ["SecretValue"]
    }

"""generator/bridge.py: what the generator and the templates are given, per operation.

Guards proved by removing them once by hand: with the schema comparison in
json_media_types taken out, test_json_media_types_must_share_one_schema fails; with
generator_input narrowing only the first operation's body,
test_generator_input_keeps_only_the_default_media_type_of_every_operation fails (and
generation stops on the generator's warnings).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from generator.bridge import (
    generator_input,
    json_media_types,
    operation_facts,
    template_globals,
)
from generator.build import generate_into
from spec_loader import (
    SPEC_ENV_VAR,
    JsonObject,
    load_spec,
    operation,
    operations,
    request_media_types,
)
from tests.generated_client.recording import SPEC

SAVE_ID = "SaveUntrustedCredentialsForAssociate"
SCHEMA = {"$ref": "#/components/schemas/SaveUntrustedCredentialsForAssociateRequest"}
OTHER_SCHEMA = {"$ref": "#/components/schemas/SuperOfficeError"}
OPERATION_IDS = [op.operation_id for op in operations(SPEC)]
# The operations with a request body: the ones the bridge narrows.
BODY_OPERATION_IDS = [op.operation_id for op in operations(SPEC) if "requestBody" in op.node]


def spec_with_body(content: JsonObject) -> JsonObject:
    spec = copy.deepcopy(SPEC)
    operation(spec, SAVE_ID).node["requestBody"]["content"] = content
    return spec


def test_json_media_types_keep_the_spec_order_and_drop_the_rest() -> None:
    spec = spec_with_body(
        {
            "application/xml": {"schema": SCHEMA},
            "application/problem+json": {"schema": SCHEMA},
            "application/x-www-form-urlencoded": {"schema": SCHEMA},
            "text/json": {"schema": SCHEMA},
        }
    )
    assert json_media_types(spec, SAVE_ID) == ["application/problem+json", "text/json"]


def test_json_media_types_must_share_one_schema() -> None:
    spec = spec_with_body(
        {"application/json": {"schema": SCHEMA}, "text/json": {"schema": OTHER_SCHEMA}}
    )
    with pytest.raises(ValueError, match="do not share one schema"):
        json_media_types(spec, SAVE_ID)


def test_a_body_without_json_is_refused() -> None:
    with pytest.raises(ValueError, match=f"{SAVE_ID} lists no JSON media type"):
        json_media_types(spec_with_body({"application/xml": {"schema": SCHEMA}}), SAVE_ID)


@pytest.mark.parametrize("operation_id", BODY_OPERATION_IDS)
def test_the_real_spec_has_json_and_other_media_types(operation_id: str) -> None:
    # Otherwise the bridge would have nothing to do and these tests would prove little.
    chosen = json_media_types(SPEC, operation_id)
    assert chosen[0] == "application/json"
    assert len(chosen) > 1
    assert set(chosen) < set(request_media_types(SPEC, operation_id))


def test_generator_input_keeps_only_the_default_media_type_of_every_operation() -> None:
    before = copy.deepcopy(SPEC)
    narrowed = generator_input(SPEC)
    assert before == SPEC
    # CreateDefault takes no body: nothing to narrow.
    assert (len(OPERATION_IDS), len(BODY_OPERATION_IDS)) == (7, 6)
    for operation_id in BODY_OPERATION_IDS:
        default = json_media_types(SPEC, operation_id)[0]
        assert request_media_types(narrowed, operation_id) == [default]
        # Everything else is the spec as written.
        del operation(narrowed, operation_id).node["requestBody"]["content"]
        del operation(before, operation_id).node["requestBody"]["content"]
    assert narrowed == before


def test_template_globals_name_every_operation_and_the_secret() -> None:
    facts = template_globals(SPEC)
    assert facts["operations"] == {
        (op.method, op.path): {
            "json_media_types": json_media_types(SPEC, op.operation_id),
            "secret_paths": [("Credentials", "SecretValue")] if "Save" in op.operation_id else [],
        }
        for op in operations(SPEC)
        if op.operation_id in BODY_OPERATION_IDS
    }
    assert facts["secret_properties"] == {
        "/components/schemas/UntrustedCredentials": ["SecretValue"]
    }
    assert facts["error_models"] == ["SuperOfficeError", "AspNetError"]


# A made-up sibling, shaped like the Get of the caller's own credentials: one more operation.
EXTRA_ID = "GetUntrustedCredentialsOfKind"
EXTRA_PATH = f"/api/v1/Agents/User/{EXTRA_ID}"


def spec_with_one_more_operation() -> JsonObject:
    spec = load_spec()
    get = operation(spec, "GetUntrustedCredentialsForAssociate")
    extra = copy.deepcopy(get.node)
    extra["operationId"] = EXTRA_ID
    extra.pop("x-vendor-operation-id")
    schemas = spec["components"]["schemas"]
    schemas[f"{EXTRA_ID}Request"] = {
        "type": "object",
        "required": ["Type"],
        "properties": {"Type": {"$ref": "#/components/schemas/CredentialType"}},
    }
    for media_type in extra["requestBody"]["content"].values():
        media_type["schema"] = {"$ref": f"#/components/schemas/{EXTRA_ID}Request"}
        media_type.pop("examples", None)
    spec["paths"][EXTRA_PATH] = {"post": extra}
    return spec


@pytest.fixture
def extra_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "openapi.yaml"
    path.write_text(
        yaml.safe_dump(spec_with_one_more_operation(), sort_keys=False), encoding="utf-8"
    )
    monkeypatch.setenv(SPEC_ENV_VAR, str(path))
    return path


@pytest.mark.usefixtures("extra_spec")
def test_the_bridge_picks_up_an_operation_added_to_the_spec() -> None:
    spec = load_spec()
    facts = operation_facts(spec)
    assert facts[("post", EXTRA_PATH)]["json_media_types"] == json_media_types(SPEC, SAVE_ID)
    assert len(facts) == len(BODY_OPERATION_IDS) + 1
    assert request_media_types(generator_input(spec), EXTRA_ID) == ["application/json"]


@pytest.mark.usefixtures("extra_spec")
def test_generation_includes_an_operation_added_to_the_spec(tmp_path: Path) -> None:
    output = tmp_path / "client"
    generate_into(output)
    module = output / "superoffice_webapi_client" / "api" / "user_agent"
    text = (module / "get_untrusted_credentials_of_kind.py").read_text(encoding="utf-8")
    assert f'"url": "{EXTRA_PATH}"' in text
    assert 'content_type: JsonContentType = "application/json"' in text
    assert ") -> list[UntrustedCredentials]:" in text
    # The operations that were there are still generated.
    assert len(list(module.glob("*_untrusted_credentials*.py"))) == len(OPERATION_IDS) + 1

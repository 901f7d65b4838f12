"""openapi/openapi.yaml is valid, keeps the vendor's facts, and says what we decided."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import jsonschema_rs
import pytest
import yaml

from spec_loader import JsonObject, load_spec, operation, request_schema, resolve, spec_path
from tests.spec.linters import redocly_errors, spec_validator_errors
from tests.spec.spec_rules import violations

VENDOR_DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}[+-]\d\d:\d\d$")


@pytest.fixture
def spec() -> JsonObject:
    return load_spec()


def test_spec_is_openapi_3_1_and_valid() -> None:
    assert load_spec()["openapi"] == "3.1.0"
    assert spec_validator_errors(spec_path()) == []


def test_redocly_reports_no_errors() -> None:
    assert redocly_errors(spec_path()) == []


def test_spec_keeps_every_vendor_fact(spec: JsonObject) -> None:
    assert violations(spec) == []


def test_operation_names_give_the_generated_module_path(spec: JsonObject) -> None:
    op = operation(spec)
    assert op["operationId"] == "SaveUntrustedCredentialsForAssociate"
    assert op["tags"] == ["User Agent"]


def test_security_lists_each_scheme_and_xsrf_needs_header_and_cookie(spec: JsonObject) -> None:
    schemes = spec["components"]["securitySchemes"]
    assert schemes["SOTicket"] == {**schemes["SOTicket"], "type": "http", "scheme": "SOTicket"}
    assert (schemes["XsrfHeader"]["in"], schemes["XsrfHeader"]["name"]) == (
        "header",
        "X-XSRF-TOKEN",
    )
    assert (schemes["XsrfCookie"]["in"], schemes["XsrfCookie"]["name"]) == ("cookie", "XSRF-TOKEN")
    alternatives = [sorted(requirement) for requirement in operation(spec)["security"]]
    assert alternatives == [["Basic"], ["SOTicket"], ["Bearer"], ["XsrfCookie", "XsrfHeader"]]


def test_servers_cover_onsite_and_online(spec: JsonObject) -> None:
    onsite, online = spec["servers"]
    assert onsite["url"] == "{scheme}://{host}/{site}"
    assert online["variables"]["environment"]["enum"] == ["sod", "stage", "online"]
    for server in spec["servers"]:
        for variable in server["variables"].values():
            assert variable["default"]
            assert variable["description"]


def test_secret_is_write_only_and_server_fields_read_only(spec: JsonObject) -> None:
    credentials = request_schema(spec)["properties"]["Credentials"]["properties"]
    assert credentials["SecretValue"]["writeOnly"] is True
    assert credentials["SecretValue"]["format"] == "password"
    assert credentials["TableRight"]["readOnly"] is True
    assert credentials["FieldProperties"]["readOnly"] is True


def test_form_body_sends_credentials_as_deep_object(spec: JsonObject) -> None:
    form = operation(spec)["requestBody"]["content"]["application/x-www-form-urlencoded"]
    assert form["encoding"]["Credentials"] == {"style": "deepObject", "explode": True}


def test_xml_root_is_named_after_the_carrier(spec: JsonObject) -> None:
    assert request_schema(spec, "application/xml")["xml"]["name"] == (
        "SaveUntrustedCredentialsForAssociateRequest"
    )


def test_error_answers_carry_the_superoffice_body(spec: JsonObject) -> None:
    responses = operation(spec)["responses"]
    assert set(responses) == {"204", "400", "401", "403", "413", "415", "500"}
    assert "content" not in responses["204"]
    assert "null" in responses["204"]["description"]
    for status in ("400", "401", "403", "413", "415", "500"):
        body = resolve(spec, responses[status])["content"]["application/json"]["schema"]
        assert body == {"$ref": "#/components/schemas/ErrorBody"}
    assert resolve(spec, responses["401"])["headers"]["WWW-Authenticate"]["required"] is True


def test_examples_are_valid_requests_with_vendor_style_dates(spec: JsonObject) -> None:
    schema = request_schema(spec)
    validator = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    examples = spec["components"]["examples"].values()
    assert examples
    for example in examples:
        value = example["value"]
        validator.validate(value)
        assert VENDOR_DATE.match(value["Credentials"]["ValidFrom"])
        assert VENDOR_DATE.match(value["Credentials"]["ValidTo"])


def _carrier(spec: JsonObject) -> JsonObject:
    schema: JsonObject = spec["components"]["schemas"]["UntrustedCredentials"]
    return schema


def _drop_max_length(spec: JsonObject) -> None:
    del _carrier(spec)["properties"]["SecretValue"]["maxLength"]


def _make_comment_non_nullable(spec: JsonObject) -> None:
    _carrier(spec)["properties"]["Comment"]["type"] = "string"


def _drop_text_xml(spec: JsonObject) -> None:
    del operation(spec)["requestBody"]["content"]["text/xml"]


def _add_authorization_header(spec: JsonObject) -> None:
    header = {"name": "Authorization", "in": "header", "schema": {"type": "string"}}
    operation(spec)["parameters"].append(header)


def _drop_select(spec: JsonObject) -> None:
    operation(spec)["parameters"] = [{"$ref": "#/components/parameters/AppToken"}]


def _int_as_string(spec: JsonObject) -> None:
    properties = spec["components"]["schemas"]["SaveUntrustedCredentialsForAssociateRequest"]
    properties["properties"]["AssociateId"] = {"type": "string"}


def _invalid_type_keyword(spec: JsonObject) -> None:
    properties = spec["components"]["schemas"]["FieldProperty"]["properties"]
    properties["FieldLength"]["type"] = "int32"


def _dangling_reference(spec: JsonObject) -> None:
    operation(spec)["responses"]["400"] = {"$ref": "#/components/responses/NoSuchResponse"}


def _write(spec: JsonObject, folder: Path) -> Path:
    path = folder / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (_drop_max_length, "Credentials.SecretValue: maxLength is not 70"),
        (_make_comment_non_nullable, "Credentials.Comment: nullability differs from the WSDL"),
        (_drop_text_xml, "requestBody: media type text/xml missing"),
        (_add_authorization_header, "parameter Authorization: OpenAPI ignores this header"),
        (_drop_select, "parameter $select in query: missing"),
        (_int_as_string, "request.AssociateId: type is not integer"),
    ],
)
def test_vendor_fact_check_rejects_a_broken_copy(
    spec: JsonObject, breakage: Callable[[JsonObject], None], expected: str
) -> None:
    breakage(spec)
    assert expected in violations(spec)


@pytest.mark.parametrize("breakage", [_invalid_type_keyword, _dangling_reference])
def test_both_validators_reject_a_structurally_broken_copy(
    spec: JsonObject, breakage: Callable[[JsonObject], None], tmp_path: Path
) -> None:
    breakage(spec)
    path = _write(spec, tmp_path)
    assert spec_validator_errors(path)
    assert redocly_errors(path)


def test_redocly_rejects_an_authorization_header_parameter(
    spec: JsonObject, tmp_path: Path
) -> None:
    _add_authorization_header(spec)
    errors = redocly_errors(_write(spec, tmp_path))
    assert any(error.startswith("rule/no-reserved-header-parameter") for error in errors)


def test_unbroken_copy_passes_both_validators(spec: JsonObject, tmp_path: Path) -> None:
    # Guards the breakage tests above: a rejection must come from the breakage,
    # not from how the copy is written.
    path = _write(spec, tmp_path)
    assert spec_validator_errors(path) == []
    assert redocly_errors(path) == []

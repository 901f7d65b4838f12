"""openapi/openapi.yaml is valid, keeps the vendor's facts, and says what we decided."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import jsonschema_rs
import pytest
import yaml

from spec_loader import (
    JsonObject,
    load_spec,
    operation,
    operations,
    request_schema,
    resolve,
    response,
    spec_path,
)
from tests.openapi.linters import redocly_errors, spec_validator_errors
from tests.openapi.spec_rules import violations

VENDOR_DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}[+-]\d\d:\d\d$")
SAVE = "SaveUntrustedCredentialsForAssociate"
GET = "GetUntrustedCredentialsForAssociate"
REMOVE = "RemoveUntrustedCredentialsForAssociate"
OWN_SAVE = "SaveUntrustedCredentials"
OWN_GET = "GetUntrustedCredentials"
OWN_REMOVE = "RemoveUntrustedCredentials"
CREATE_DEFAULT = "CreateDefaultUntrustedCredentials"
CARRIER_REF = "#/components/schemas/UntrustedCredentials"


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


def test_operation_names_give_the_generated_module_paths(spec: JsonObject) -> None:
    assert [op.operation_id for op in operations(spec)] == [
        SAVE,
        GET,
        REMOVE,
        OWN_SAVE,
        OWN_GET,
        OWN_REMOVE,
        CREATE_DEFAULT,
    ]
    for op in operations(spec):
        assert op.path.endswith("/" + op.operation_id)
        assert op.node["tags"] == ["User Agent"]


def test_security_lists_each_scheme_and_xsrf_needs_header_and_cookie(spec: JsonObject) -> None:
    schemes = spec["components"]["securitySchemes"]
    assert schemes["SOTicket"] == {**schemes["SOTicket"], "type": "http", "scheme": "SOTicket"}
    assert (schemes["XsrfHeader"]["in"], schemes["XsrfHeader"]["name"]) == (
        "header",
        "X-XSRF-TOKEN",
    )
    assert (schemes["XsrfCookie"]["in"], schemes["XsrfCookie"]["name"]) == ("cookie", "XSRF-TOKEN")
    for op in operations(spec):
        alternatives = [sorted(requirement) for requirement in op.node["security"]]
        assert alternatives == [["Basic"], ["SOTicket"], ["Bearer"], ["XsrfCookie", "XsrfHeader"]]


def test_servers_cover_onsite_and_online(spec: JsonObject) -> None:
    onsite, online = spec["servers"]
    assert onsite["url"] == "{scheme}://{host}/{site}"
    assert online["variables"]["environment"]["enum"] == ["sod", "stage", "online"]
    for server in spec["servers"]:
        for variable in server["variables"].values():
            assert variable["default"]
            assert variable["description"]


def test_secret_is_a_password_returned_by_get_and_server_fields_read_only(
    spec: JsonObject,
) -> None:
    credentials = request_schema(spec, SAVE)["properties"]["Credentials"]["properties"]
    # Not writeOnly: Get returns it to its owner and to system users.
    assert "writeOnly" not in credentials["SecretValue"]
    assert credentials["SecretValue"]["format"] == "password"
    assert credentials["TableRight"]["readOnly"] is True
    assert credentials["FieldProperties"]["readOnly"] is True


def test_form_body_sends_credentials_as_deep_object(spec: JsonObject) -> None:
    for operation_id in (SAVE, OWN_SAVE):
        content = operation(spec, operation_id).node["requestBody"]["content"]
        form = content["application/x-www-form-urlencoded"]
        assert form["encoding"]["Credentials"] == {"style": "deepObject", "explode": True}


def test_xml_roots_are_named_after_the_request_carriers(spec: JsonObject) -> None:
    with_bodies = [op for op in operations(spec) if "requestBody" in op.node]
    assert len(with_bodies) == 6
    for op in with_bodies:
        assert request_schema(spec, op.operation_id, "application/xml")["xml"]["name"] == (
            f"{op.operation_id}Request"
        )


def test_gets_answer_an_array_named_as_asp_net_names_it(spec: JsonObject) -> None:
    for operation_id in (GET, OWN_GET):
        schema = response(spec, operation_id, "200")["content"]["application/xml"]["schema"]
        assert schema["type"] == "array"
        assert schema["xml"] == {"name": "ArrayOfUntrustedCredentials", "wrapped": True}


def test_create_default_takes_no_body_and_answers_one_carrier(spec: JsonObject) -> None:
    node = operation(spec, CREATE_DEFAULT).node
    assert "requestBody" not in node
    for media in node["responses"]["200"]["content"].values():
        # The carrier itself, so that the client's model is the one a save takes.
        assert media["schema"] == {"$ref": CARRIER_REF}


def test_own_requests_are_the_for_associate_ones_without_associate_id(spec: JsonObject) -> None:
    schemas = spec["components"]["schemas"]
    for own, sibling in ((OWN_SAVE, SAVE), (OWN_GET, GET), (OWN_REMOVE, REMOVE)):
        own_schema, sibling_schema = schemas[f"{own}Request"], schemas[f"{sibling}Request"]
        assert own_schema["properties"] == {
            name: child
            for name, child in sibling_schema["properties"].items()
            if name != "AssociateId"
        }
        assert own_schema["required"] == [
            name for name in sibling_schema["required"] if name != "AssociateId"
        ]
        own_node, sibling_node = operation(spec, own).node, operation(spec, sibling).node
        for part in ("parameters", "security"):
            assert own_node[part] == sibling_node[part]
        assert set(own_node["responses"]) == set(sibling_node["responses"])


def test_error_answers_carry_the_superoffice_body(spec: JsonObject) -> None:
    for op in operations(spec):
        responses = op.node["responses"]
        success = next(status for status in responses if status.startswith("2"))
        # Without a body nothing can be malformed, too large or of the wrong type.
        errors = ["400", "401", "403", "413", "415", "500"]
        if "requestBody" not in op.node:
            errors = ["401", "403", "500"]
        assert set(responses) == {success, *errors}
        for status in errors:
            body = resolve(spec, responses[status])["content"]["application/json"]["schema"]
            assert body == {"$ref": "#/components/schemas/ErrorBody"}
        assert resolve(spec, responses["401"])["headers"]["WWW-Authenticate"]["required"] is True


def test_no_content_answers_have_no_body_but_tolerate_null(spec: JsonObject) -> None:
    for operation_id in (SAVE, REMOVE, OWN_SAVE, OWN_REMOVE):
        no_content = operation(spec, operation_id).node["responses"]["204"]
        assert "content" not in no_content
        assert "null" in no_content["description"]
        assert no_content["x-tolerated-body"] == "null"


def _examples_with_schemas(spec: JsonObject) -> list[tuple[JsonObject, JsonObject]]:
    """(value, schema) for every example of a request body or of a JSON answer."""
    found = []
    for op in operations(spec):
        places: list[tuple[JsonObject, JsonObject | None]] = [
            (response(spec, op.operation_id, status), None)
            for status in op.node["responses"]
            if status.startswith("2")
        ]
        if "requestBody" in op.node:
            places.append((op.node["requestBody"], request_schema(spec, op.operation_id)))
        for holder, schema in places:
            media = holder.get("content", {}).get("application/json", {})
            for example in media.get("examples", {}).values():
                found.append((resolve(spec, example)["value"], schema or media["schema"]))
    return found


def test_examples_are_valid_with_vendor_style_dates(spec: JsonObject) -> None:
    examples = _examples_with_schemas(spec)
    assert len(examples) == len(spec["components"]["examples"])
    for value, schema in examples:
        jsonschema_rs.Draft202012Validator(schema, validate_formats=True).validate(value)
        if isinstance(value, list):
            carriers = value
        else:
            carriers = [value.get("Credentials", value if "ValidFrom" in value else None)]
        for carrier in filter(None, carriers):
            assert VENDOR_DATE.match(carrier["ValidFrom"])
            assert VENDOR_DATE.match(carrier["ValidTo"])


@pytest.mark.parametrize(
    ("save", "get", "remove"), [(SAVE, GET, REMOVE), (OWN_SAVE, OWN_GET, OWN_REMOVE)]
)
def test_saves_link_to_their_get_and_remove_with_fields_they_accept(
    spec: JsonObject, save: str, get: str, remove: str
) -> None:
    save_schema = request_schema(spec, save)
    links = operation(spec, save).node["responses"]["204"]["links"]
    assert {name: link["operationId"] for name, link in links.items()} == {
        "ReadBack": get,
        "Remove": remove,
    }
    for link in links.values():
        target = request_schema(spec, link["operationId"])
        # Every field the target requires is mapped, and only fields it declares.
        assert set(target["required"]) <= set(link["requestBody"])
        assert set(link["requestBody"]) <= set(target["properties"])
        for expression in link["requestBody"].values():
            prefix, _, pointer = expression.partition("#")
            assert prefix == "$request.body"
            node = save_schema
            for name in pointer.strip("/").split("/"):
                node = node["properties"][name]


def test_create_default_links_its_carrier_to_both_saves(spec: JsonObject) -> None:
    links = operation(spec, CREATE_DEFAULT).node["responses"]["200"]["links"]
    assert {link["operationId"] for link in links.values()} == {OWN_SAVE, SAVE}
    for link in links.values():
        # The whole answer is the carrier; the rest of the Save's body is generated.
        assert link["requestBody"] == {"Credentials": "$response.body"}
        target = spec["components"]["schemas"][f"{link['operationId']}Request"]
        assert target["properties"]["Credentials"] == {"$ref": CARRIER_REF}


def _carrier(spec: JsonObject) -> JsonObject:
    schema: JsonObject = spec["components"]["schemas"]["UntrustedCredentials"]
    return schema


def _drop_max_length(spec: JsonObject) -> None:
    del _carrier(spec)["properties"]["SecretValue"]["maxLength"]


def _make_comment_non_nullable(spec: JsonObject) -> None:
    _carrier(spec)["properties"]["Comment"]["type"] = "string"


def _drop_text_xml(spec: JsonObject) -> None:
    del operation(spec, REMOVE).node["requestBody"]["content"]["text/xml"]


def _add_authorization_header(spec: JsonObject) -> None:
    header = {"name": "Authorization", "in": "header", "schema": {"type": "string"}}
    operation(spec, SAVE).node["parameters"].append(header)


def _drop_select(spec: JsonObject) -> None:
    operation(spec, SAVE).node["parameters"] = [{"$ref": "#/components/parameters/AppToken"}]


def _drop_time_zone(spec: JsonObject) -> None:
    operation(spec, GET).node["parameters"].pop()


def _drop_answer_xml(spec: JsonObject) -> None:
    del operation(spec, GET).node["responses"]["200"]["content"]["application/xml"]


def _rename_remove(spec: JsonObject) -> None:
    operation(spec, REMOVE).node["x-vendor-operation-id"] = "v1UserAgent_Remove"


def _own_save_takes_associate_id(spec: JsonObject) -> None:
    properties = spec["components"]["schemas"]["SaveUntrustedCredentialsRequest"]["properties"]
    properties["AssociateId"] = {"$ref": "#/components/schemas/AssociateId"}


def _create_default_takes_a_body(spec: JsonObject) -> None:
    operation(spec, CREATE_DEFAULT).node["requestBody"] = operation(spec, OWN_GET).node[
        "requestBody"
    ]


def _create_default_answers_an_array(spec: JsonObject) -> None:
    content = operation(spec, CREATE_DEFAULT).node["responses"]["200"]["content"]
    for media in content.values():
        media["schema"] = {"$ref": "#/components/schemas/UntrustedCredentialsList"}


def _drop_create_default_xml(spec: JsonObject) -> None:
    del operation(spec, CREATE_DEFAULT).node["responses"]["200"]["content"]["text/xml"]


def _drop_own_get_language(spec: JsonObject) -> None:
    operation(spec, OWN_GET).node["parameters"].pop(2)


def _copy_slow_threshold(spec: JsonObject) -> None:
    node = operation(spec, CREATE_DEFAULT).node
    node["description"] = node["description"].replace("5000 ms", "2000 ms")


def _drop_online_restricted(spec: JsonObject) -> None:
    node = operation(spec, OWN_REMOVE).node
    node["description"] = node["description"].replace("Online Restricted", "Online")


def _describe_own_remove_body_as_sibling(spec: JsonObject) -> None:
    body = operation(spec, OWN_REMOVE).node["requestBody"]
    body["description"] = "AssociateId, Type, PublicValue"


def _int_as_string(spec: JsonObject) -> None:
    properties = spec["components"]["schemas"]["GetUntrustedCredentialsForAssociateRequest"]
    properties["properties"]["AssociateId"] = {"type": "string"}


def _invalid_type_keyword(spec: JsonObject) -> None:
    properties = spec["components"]["schemas"]["FieldProperty"]["properties"]
    properties["FieldLength"]["type"] = "int32"


def _dangling_reference(spec: JsonObject) -> None:
    operation(spec, SAVE).node["responses"]["400"] = {
        "$ref": "#/components/responses/NoSuchResponse"
    }


def _write(spec: JsonObject, folder: Path) -> Path:
    path = folder / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (_drop_max_length, f"{SAVE}: Credentials.SecretValue: maxLength is not 70"),
        (_drop_max_length, f"{GET}: answer[].SecretValue: maxLength is not 70"),
        (
            _make_comment_non_nullable,
            f"{SAVE}: Credentials.Comment: nullability differs from the WSDL",
        ),
        (_drop_text_xml, f"{REMOVE}: requestBody: media type text/xml missing"),
        (
            _add_authorization_header,
            f"{SAVE}: parameter Authorization: OpenAPI ignores this header",
        ),
        (_drop_select, f"{SAVE}: parameter $select in query: missing"),
        (_int_as_string, f"{GET}: request.AssociateId: type is not integer"),
        (_drop_time_zone, f"{GET}: parameter SO-TimeZone in header: missing"),
        (_drop_answer_xml, f"{GET}: answer: media type application/xml missing"),
        (_rename_remove, f"{REMOVE}: x-vendor-operation-id: not the vendor's operationId"),
        (
            _own_save_takes_associate_id,
            f"{OWN_SAVE}: request.AssociateId: not a field of the vendor's request",
        ),
        (
            _create_default_takes_a_body,
            f"{CREATE_DEFAULT}: requestBody: the vendor's operation takes none",
        ),
        (_create_default_answers_an_array, f"{CREATE_DEFAULT}: answer: not an object"),
        (_drop_create_default_xml, f"{CREATE_DEFAULT}: answer: media type text/xml missing"),
        (_drop_own_get_language, f"{OWN_GET}: parameter Accept-Language in header: missing"),
        (_copy_slow_threshold, f"{CREATE_DEFAULT}: description: no NsApiSlow threshold of 5000 ms"),
        (_drop_online_restricted, f"{OWN_REMOVE}: description: no Online Restricted note"),
        (
            _describe_own_remove_body_as_sibling,
            f"{OWN_REMOVE}: requestBody: description does not start with the vendor's",
        ),
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

"""spec_loader/__init__.py: finding the spec, its operations, references and secrets.

The documents here are small made-up ones, so that each reader's own rule is what is
tested, not the content of openapi/openapi.yaml. Seen failing by hand: `operations`
walking every key of a path item (it then takes "parameters" for an operation),
`resolve` not unescaping ``~1``, `inline_refs` dropping a ``$ref``'s siblings,
`request_schema` taking the first media type instead of the first JSON one, and
`secret_paths` not looking into array items.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import spec_loader
from spec_loader import JsonObject

SPEC: JsonObject = {
    "paths": {
        "/a/{id}": {
            "parameters": [{"name": "id", "in": "path"}],
            "post": {
                "operationId": "Post",
                "requestBody": {
                    "content": {
                        "application/xml": {"schema": {"type": "string"}},
                        "application/merge-patch+json": {"schema": {"$ref": "#/components/x~1y"}},
                    }
                },
                "responses": {"200": {"$ref": "#/components/responses/Ok"}, "400": {}},
            },
            "get": {"operationId": "Get", "responses": {"204": {}}},
        },
        "/b": {"delete": {"operationId": "Delete", "responses": {}}},
    },
    "components": {
        "x/y": {"$ref": "#/components/schemas/Thing"},
        "responses": {"Ok": {"description": "ok", "content": {}}},
        "schemas": {
            "Thing": {
                "type": "object",
                "properties": {"Key": {"$ref": "#/components/schemas/Key"}},
            },
            "Key": {"type": "string"},
        },
        "securitySchemes": {"basic": {"type": "http", "scheme": "basic"}},
    },
}


def test_spec_path_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(spec_loader.SPEC_ENV_VAR, raising=False)
    assert spec_loader.spec_path() == spec_loader.DEFAULT_SPEC_PATH
    monkeypatch.setenv(spec_loader.SPEC_ENV_VAR, str(tmp_path / "patched.yaml"))
    assert spec_loader.spec_path() == tmp_path / "patched.yaml"


def test_load_spec_gives_a_copy_each_caller_may_change(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("openapi: 3.1.0\npaths: {}\n", encoding="utf-8")
    first = spec_loader.load_spec(path)
    first["paths"]["/changed"] = {}
    assert spec_loader.load_spec(path) == {"openapi": "3.1.0", "paths": {}}


def test_load_spec_refuses_a_document_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- one\n- two\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not an OpenAPI document"):
        spec_loader.load_spec(path)


def test_operations_are_the_method_entries_in_the_spec_order() -> None:
    found = [(op.operation_id, op.path, op.method) for op in spec_loader.operations(SPEC)]
    # HTTP_METHODS order within a path item (get before post), paths in the spec's order.
    assert found == [
        ("Get", "/a/{id}", "get"),
        ("Post", "/a/{id}", "post"),
        ("Delete", "/b", "delete"),
    ]


def test_operation_by_id_and_an_unknown_id_names_the_known_ones() -> None:
    assert spec_loader.operation(SPEC, "Delete").path == "/b"
    with pytest.raises(spec_loader.UnknownOperationError, match="Get, Post, Delete"):
        spec_loader.operation(SPEC, "Nothing")


def test_every_operation_of_the_real_spec_is_found_by_its_id() -> None:
    spec = spec_loader.load_spec()
    for op in spec_loader.operations(spec):
        assert spec["paths"][op.path][op.method] is op.node
        assert spec_loader.operation(spec, op.operation_id) == op


def test_request_media_types_in_order_and_none_without_a_body() -> None:
    assert spec_loader.request_media_types(SPEC, "Post") == [
        "application/xml",
        "application/merge-patch+json",
    ]
    assert spec_loader.request_media_types(SPEC, "Get") == []


def test_methods_at_a_path_are_upper_case_without_other_keys() -> None:
    assert spec_loader.methods_at(SPEC, "/a/{id}") == ["GET", "POST"]


def test_resolve_follows_references_and_unescapes_pointer_parts() -> None:
    node = spec_loader.resolve(SPEC, {"$ref": "#/components/x~1y"})
    assert node is SPEC["components"]["schemas"]["Thing"]
    chained = {"components": {"a": {"$ref": "#/components/b"}, "b": {"type": "integer"}}}
    assert spec_loader.resolve(chained, {"$ref": "#/components/a"}) == {"type": "integer"}
    tilde = {"components": {"a~b": {"type": "null"}}}
    assert spec_loader.resolve(tilde, {"$ref": "#/components/a~0b"}) == {"type": "null"}


def test_resolve_refuses_a_reference_to_another_document() -> None:
    with pytest.raises(ValueError, match="only local references"):
        spec_loader.resolve(SPEC, {"$ref": "other.yaml#/Thing"})


def test_inline_refs_replaces_references_everywhere_and_keeps_siblings() -> None:
    node = {
        "items": [{"$ref": "#/components/schemas/Key", "maxLength": 3}],
        "thing": {"$ref": "#/components/schemas/Thing"},
    }
    assert spec_loader.inline_refs(SPEC, node) == {
        "items": [{"type": "string", "maxLength": 3}],
        "thing": {"type": "object", "properties": {"Key": {"type": "string"}}},
    }
    assert "$ref" in node["thing"]  # the input is left as it was


def test_request_schema_defaults_to_the_first_json_type_inlined() -> None:
    expected = {"type": "object", "properties": {"Key": {"type": "string"}}}
    assert spec_loader.request_schema(SPEC, "Post") == expected
    assert spec_loader.request_schema(SPEC, "Post", "application/xml") == {"type": "string"}


def test_responses_components_and_schemes() -> None:
    assert spec_loader.response_statuses(SPEC, "Post") == ["200", "400"]
    assert spec_loader.response(SPEC, "Post", "200") == {"description": "ok", "content": {}}
    assert spec_loader.component(SPEC, "schemas", "Thing")["properties"]["Key"] == {
        "type": "string"
    }
    assert spec_loader.security_schemes(SPEC) is SPEC["components"]["securitySchemes"]


def test_secret_paths_find_password_fields_in_objects_and_array_items() -> None:
    secret = {"type": "string", "format": spec_loader.SECRET_FORMAT}
    schema = {
        "properties": {
            "Plain": {"type": "string"},
            "Top": secret,
            "Nested": {"properties": {"Inner": secret, "Other": {"type": "string"}}},
        }
    }
    assert spec_loader.secret_paths(schema) == [("Top",), ("Nested", "Inner")]
    assert spec_loader.secret_paths({"type": "array", "items": schema}) == [
        ("Top",),
        ("Nested", "Inner"),
    ]

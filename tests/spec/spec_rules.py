"""The project's own checks of a spec document: vendor facts kept, house rules held.

`violations(spec)` returns one readable line per broken fact, so a test can assert
that the real spec has none and that a deliberately broken copy has some.
"""

from __future__ import annotations

from typing import Any

from spec_loader import JsonObject, resolve
from tests.spec import vendor_facts as facts

# OpenAPI ignores header parameters with these names (OAS 3.1, Parameter Object).
RESERVED_HEADERS = {"authorization", "content-type", "accept"}


def _types(schema: JsonObject, spec: JsonObject) -> set[str]:
    """The JSON types a (possibly nullable, possibly referenced) schema admits."""
    schema = resolve(spec, schema)
    declared = schema.get("type")
    if isinstance(declared, str):
        return {declared}
    if isinstance(declared, list):
        return set(declared)
    found: set[str] = set()
    for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
        found |= _types(branch, spec)
    return found


def _field_problems(
    where: str, schema: JsonObject, spec: JsonObject, expected: dict[str, Any]
) -> list[str]:
    problems = []
    properties = resolve(spec, schema).get("properties", {})
    for name, (json_type, fmt, *rest) in expected.items():
        if name not in properties:
            problems.append(f"{where}.{name}: missing")
            continue
        field = resolve(spec, properties[name])
        if json_type not in _types(field, spec):
            problems.append(f"{where}.{name}: type is not {json_type}")
        if fmt is not None and field.get("format") != fmt:
            problems.append(f"{where}.{name}: format is not {fmt}")
        if rest:
            max_length, nillable = rest
            if max_length is not None and field.get("maxLength") != max_length:
                problems.append(f"{where}.{name}: maxLength is not {max_length}")
            if nillable != ("null" in _types(field, spec)):
                problems.append(f"{where}.{name}: nullability differs from the WSDL")
    return problems


def _operation_problems(spec: JsonObject) -> tuple[list[str], JsonObject | None]:
    operation = spec.get("paths", {}).get(facts.PATH, {}).get(facts.METHOD)
    if operation is None:
        return [f"{facts.METHOD.upper()} {facts.PATH}: missing"], None
    problems = []
    if operation.get("x-vendor-operation-id") != facts.VENDOR_OPERATION_ID:
        problems.append("x-vendor-operation-id: not the vendor's operationId")
    if operation.get("summary") != facts.SUMMARY:
        problems.append("summary: not the vendor's summary")
    if facts.SUCCESS_STATUS not in operation.get("responses", {}):
        problems.append(f"responses: no {facts.SUCCESS_STATUS}")
    return problems, operation


def _parameter_problems(spec: JsonObject, operation: JsonObject) -> list[str]:
    problems = []
    parameters = [resolve(spec, p) for p in operation.get("parameters", [])]
    by_key = {(p["name"], p["in"]): p for p in parameters}
    for name, location, required, json_type in facts.PARAMETERS:
        parameter = by_key.get((name, location))
        if parameter is None:
            problems.append(f"parameter {name} in {location}: missing")
            continue
        if parameter.get("required", False) != required:
            problems.append(f"parameter {name}: required is not {required}")
        if json_type not in _types(parameter.get("schema", {}), spec):
            problems.append(f"parameter {name}: type is not {json_type}")
    for parameter in parameters:
        if parameter["in"] == "header" and parameter["name"].lower() in RESERVED_HEADERS:
            problems.append(f"parameter {parameter['name']}: OpenAPI ignores this header")
    return problems


def _body_problems(spec: JsonObject, operation: JsonObject) -> list[str]:
    body = resolve(spec, operation.get("requestBody", {}))
    content = body.get("content", {})
    problems = []
    if not body.get("required", False):
        problems.append("requestBody: not required")
    missing = [media_type for media_type in facts.REQUEST_MEDIA_TYPES if media_type not in content]
    problems += [f"requestBody: media type {media_type} missing" for media_type in missing]
    schemas = {repr(media.get("schema")) for media in content.values()}
    if len(schemas) > 1:
        problems.append("requestBody: media types do not share one schema")
    if not content:
        return problems
    request = next(iter(content.values()))["schema"]
    problems += _field_problems("request", request, spec, facts.REQUEST_FIELDS)
    credentials = resolve(spec, request).get("properties", {}).get("Credentials", {})
    problems += _field_problems("Credentials", credentials, spec, facts.CARRIER_FIELDS)
    return problems


def violations(spec: JsonObject) -> list[str]:
    """Every vendor fact the spec drops and every house rule it breaks."""
    problems, operation = _operation_problems(spec)
    if operation is None:
        return problems
    problems += _parameter_problems(spec, operation)
    problems += _body_problems(spec, operation)
    schemas = spec.get("components", {}).get("schemas", {})
    for name in ("TableRight", "FieldRight"):
        problems += _field_problems(name, schemas.get(name, {}), spec, facts.RIGHTS_FIELDS)
    problems += _field_problems(
        "FieldProperty", schemas.get("FieldProperty", {}), spec, facts.FIELD_PROPERTY_FIELDS
    )
    return problems

"""The project's own checks of a spec document: vendor facts kept, house rules held.

`violations(spec)` returns one readable line per broken fact, so a test can assert
that the real spec has none and that a deliberately broken copy has some.
"""

from __future__ import annotations

from typing import Any

from spec_loader import JsonObject, resolve
from tests.openapi import vendor_facts as facts

# OpenAPI ignores header parameters with these names (OAS 3.1, Parameter Object).
RESERVED_HEADERS = {"authorization", "content-type", "accept"}
# The vendor ends every operation's description with this note.
ONLINE_RESTRICTED = "Online Restricted"


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


def _operation_problems(
    spec: JsonObject, vendor: facts.VendorOperation
) -> tuple[list[str], JsonObject | None]:
    operation = spec.get("paths", {}).get(vendor.path, {}).get(facts.METHOD)
    if operation is None:
        return [f"{facts.METHOD.upper()} {vendor.path}: missing"], None
    problems = []
    if operation.get("x-vendor-operation-id") != vendor.vendor_operation_id:
        problems.append("x-vendor-operation-id: not the vendor's operationId")
    if operation.get("summary") != vendor.summary:
        problems.append("summary: not the vendor's summary")
    description = operation.get("description", "")
    if f"NsApiSlow threshold: {vendor.slow_threshold_ms} ms." not in description:
        problems.append(f"description: no NsApiSlow threshold of {vendor.slow_threshold_ms} ms")
    if ONLINE_RESTRICTED not in description:
        problems.append("description: no Online Restricted note")
    if vendor.success_status not in operation.get("responses", {}):
        problems.append(f"responses: no {vendor.success_status}")
    return problems, operation


def _parameter_problems(
    spec: JsonObject, operation: JsonObject, vendor: facts.VendorOperation
) -> list[str]:
    problems = []
    parameters = [resolve(spec, p) for p in operation.get("parameters", [])]
    by_key = {(p["name"], p["in"]): p for p in parameters}
    for name, location, required, json_type in vendor.parameters:
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


def _one_schema_problems(where: str, content: JsonObject) -> list[str]:
    schemas = {repr(media.get("schema")) for media in content.values()}
    return [f"{where}: media types do not share one schema"] if len(schemas) > 1 else []


def _body_problems(
    spec: JsonObject, operation: JsonObject, vendor: facts.VendorOperation
) -> list[str]:
    if vendor.request_fields is None:
        return (
            ["requestBody: the vendor's operation takes none"] if "requestBody" in operation else []
        )
    body = resolve(spec, operation.get("requestBody", {}))
    content = body.get("content", {})
    problems = []
    if not body.get("required", False):
        problems.append("requestBody: not required")
    if body.get("description", "").partition("\n")[0] != vendor.request_description:
        problems.append("requestBody: description does not start with the vendor's")
    missing = [media_type for media_type in facts.REQUEST_MEDIA_TYPES if media_type not in content]
    problems += [f"requestBody: media type {media_type} missing" for media_type in missing]
    problems += _one_schema_problems("requestBody", content)
    if not content:
        return problems
    request = next(iter(content.values()))["schema"]
    problems += _field_problems("request", request, spec, vendor.request_fields)
    # A field the vendor's request lacks would be a promise of ours, such as an
    # AssociateId that the caller's own operations do not take.
    extra = set(resolve(spec, request).get("properties", {})) - set(vendor.request_fields)
    problems += [f"request.{name}: not a field of the vendor's request" for name in sorted(extra)]
    credentials = resolve(spec, request).get("properties", {}).get("Credentials")
    if credentials is not None:
        problems += _field_problems("Credentials", credentials, spec, facts.CARRIER_FIELDS)
    return problems


def _answer_problems(
    spec: JsonObject, operation: JsonObject, vendor: facts.VendorOperation
) -> list[str]:
    if not vendor.answer_media_types:
        return []
    answer = resolve(spec, operation.get("responses", {}).get(vendor.success_status, {}))
    content = answer.get("content", {})
    missing = [media_type for media_type in vendor.answer_media_types if media_type not in content]
    problems = [f"answer: media type {media_type} missing" for media_type in missing]
    problems += _one_schema_problems("answer", content)
    if not content:
        return problems
    schema = resolve(spec, next(iter(content.values()))["schema"])
    if schema.get("type") != vendor.answer_shape:
        return [*problems, f"answer: not an {vendor.answer_shape}"]
    if vendor.answer_shape == facts.ARRAY:
        return problems + _field_problems("answer[]", schema["items"], spec, facts.CARRIER_FIELDS)
    return problems + _field_problems("answer", schema, spec, facts.CARRIER_FIELDS)


def violations(spec: JsonObject) -> list[str]:
    """Every vendor fact the spec drops and every house rule it breaks.

    Each line starts with the vendor's operation name, or with the component it is about.
    """
    problems = []
    for vendor in facts.OPERATIONS:
        name = vendor.path.rsplit("/", 1)[-1]
        found, operation = _operation_problems(spec, vendor)
        if operation is not None:
            found += _parameter_problems(spec, operation, vendor)
            found += _body_problems(spec, operation, vendor)
            found += _answer_problems(spec, operation, vendor)
        problems += [f"{name}: {problem}" for problem in found]
    schemas = spec.get("components", {}).get("schemas", {})
    for name in ("TableRight", "FieldRight"):
        problems += _field_problems(name, schemas.get(name, {}), spec, facts.RIGHTS_FIELDS)
    problems += _field_problems(
        "FieldProperty", schemas.get("FieldProperty", {}), spec, facts.FIELD_PROPERTY_FIELDS
    )
    return problems

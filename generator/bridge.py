"""Derive from the spec what openapi-python-client 0.29.1 can generate correctly.

Every operation's request body lists seven media types with one schema. The generator
mishandles that (upstream issues #1004 and #1276, fix proposed in PR #1426, all open):
its ``_get_kwargs`` runs every media type's branch, so it sets both ``json`` and
``data`` and the last ``Content-Type`` wins; it turns the required body into an
optional one; and it skips ``text/json`` and the XML types.

This module works around that without touching ``openapi/openapi.yaml``, for every
operation of the spec, found by operationId:

- :func:`generator_input` is a copy of the spec whose request bodies keep only their
  first JSON-family media type, which the generator handles correctly (required body,
  one JSON encoding, one header);
- :func:`template_globals` hands our templates (``generator/templates/``) the facts the
  generator drops or that the runtime needs: every JSON-family media type of each
  operation, so the client can send any of them through ``content_type=``; the secret
  (``format: password``) properties of each schema, which the models keep out of
  ``repr()``; the documented error statuses and error bodies, which become the typed
  errors; and the spec's servers, and the reference server's.

Form and XML bodies are left out of the client: see the client documentation.
"""

from __future__ import annotations

import copy
from typing import Any

from generator.error_classes import RETRIED_STATUSES, error_classes, error_models
from generator.servers import REFERENCE_SERVER, server_functions
from spec_loader import (
    SECRET_FORMAT,
    JsonObject,
    Operation,
    operation,
    operations,
    request_media_types,
    request_schema,
    resolve,
    secret_paths,
)
from spec_loader.media_types import is_json


def json_media_types(spec: JsonObject, operation_id: str) -> list[str]:
    """One operation's JSON-family request media types, in the spec's order.

    The first one is what the client sends by default. They must share one schema,
    because the client has one body parameter for all of them.
    """
    content = operation(spec, operation_id).node["requestBody"]["content"]
    # The server's rule too: the client's JSON family is what the server reads as JSON.
    media_types = [name for name in request_media_types(spec, operation_id) if is_json(name)]
    if not media_types:
        raise ValueError(f"the request body of {operation_id} lists no JSON media type")
    schemas = {repr(content[name]["schema"]) for name in media_types}
    if len(schemas) != 1:
        raise ValueError(
            f"the JSON media types {media_types} of {operation_id} do not share one schema"
        )
    return media_types


def _with_bodies(spec: JsonObject) -> list[Operation]:
    return [op for op in operations(spec) if "requestBody" in op.node]


def generator_input(spec: JsonObject) -> JsonObject:
    """A copy of the spec whose request bodies have only their default JSON media type."""
    result = copy.deepcopy(spec)
    for op in _with_bodies(result):
        default_media_type = json_media_types(spec, op.operation_id)[0]
        content = op.node["requestBody"]["content"]
        op.node["requestBody"]["content"] = {default_media_type: content[default_media_type]}
    return result


def secret_properties(spec: JsonObject) -> dict[str, list[str]]:
    """The secret (``format: password``) property names of each component schema with any.

    Keyed by the schema's JSON pointer without the ``#`` (``/components/schemas/Name``),
    which is how the generator names the model of a component schema.
    """
    result: dict[str, list[str]] = {}
    for schema_name, schema in spec["components"]["schemas"].items():
        properties = schema.get("properties", {})
        names = [
            name
            for name, prop in properties.items()
            if resolve(spec, prop).get("format") == SECRET_FORMAT
        ]
        if names:
            result[f"/components/schemas/{schema_name}"] = names
    return result


def operation_facts(spec: JsonObject) -> dict[tuple[str, str], dict[str, Any]]:
    """What the endpoint template needs per operation, keyed by (method, path) as the
    generator's endpoint knows it: the JSON media types and the request's secret paths."""
    facts: dict[tuple[str, str], dict[str, Any]] = {}
    for op in _with_bodies(spec):
        media_types = json_media_types(spec, op.operation_id)
        facts[(op.method, op.path)] = {
            "json_media_types": media_types,
            "secret_paths": secret_paths(request_schema(spec, op.operation_id, media_types[0])),
        }
    return facts


def template_globals(spec: JsonObject) -> dict[str, Any]:
    """What ``generator/templates/`` reads besides the generator's own parse of the spec.

    ``operations`` is keyed by (method, path), ``secret_properties`` by schema pointer.
    """
    return {
        "operations": operation_facts(spec),
        "secret_properties": secret_properties(spec),
        "error_classes": error_classes(spec),
        "error_models": error_models(spec),
        "retried_statuses": RETRIED_STATUSES,
        "server_functions": [*server_functions(spec), REFERENCE_SERVER],
    }

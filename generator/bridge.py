"""Derive from the spec what openapi-python-client 0.29.1 can generate correctly.

The request body of our operation lists seven media types with one schema. The
generator mishandles that (upstream issues #1004 and #1276, fix proposed in PR #1426,
all open): its ``_get_kwargs`` runs every media type's branch, so it sets both ``json``
and ``data`` and the last ``Content-Type`` wins; it turns the required body into an
optional one; and it skips ``text/json`` and the XML types.

This module works around that without touching ``openapi/openapi.yaml``:

- :func:`generator_input` is a copy of the spec whose request body keeps only the first
  JSON-family media type, which the generator handles correctly (required body, one
  JSON encoding, one header);
- :func:`template_globals` hands our templates (``generator/templates/``) the facts the
  generator drops: every JSON-family media type of each operation, so the client can
  send any of them through ``content_type=``, and the ``writeOnly`` properties of each
  schema, which the models keep out of ``repr()``.

Form and XML bodies are left out of the client: see the README's Client section.
"""

from __future__ import annotations

import copy
from typing import Any

from spec_loader import (
    OPERATION_METHOD,
    OPERATION_PATH,
    JsonObject,
    operation,
    request_media_types,
)

# WHATWG MIME Sniffing, "JSON MIME type": a subtype ending in +json, or exactly these.
_PLAIN_JSON_ESSENCES = frozenset({"application/json", "text/json"})


def is_json_media_type(media_type: str) -> bool:
    """Whether a media type carries JSON (WHATWG MIME Sniffing's "JSON MIME type")."""
    essence = media_type.split(";", 1)[0].strip().lower()
    return essence in _PLAIN_JSON_ESSENCES or essence.endswith("+json")


def json_media_types(spec: JsonObject) -> list[str]:
    """The operation's JSON-family request media types, in the spec's order.

    The first one is what the client sends by default. They must share one schema,
    because the client has one body parameter for all of them.
    """
    content = operation(spec)["requestBody"]["content"]
    media_types = [name for name in request_media_types(spec) if is_json_media_type(name)]
    if not media_types:
        raise ValueError("the request body lists no JSON media type")
    schemas = {repr(content[name]["schema"]) for name in media_types}
    if len(schemas) != 1:
        raise ValueError(f"the JSON media types {media_types} do not share one schema")
    return media_types


def generator_input(spec: JsonObject) -> JsonObject:
    """A copy of the spec whose request body has only the default JSON media type."""
    default_media_type = json_media_types(spec)[0]
    result = copy.deepcopy(spec)
    content = operation(result)["requestBody"]["content"]
    operation(result)["requestBody"]["content"] = {default_media_type: content[default_media_type]}
    return result


def write_only_properties(spec: JsonObject) -> dict[str, list[str]]:
    """The ``writeOnly`` property names of each component schema that has any.

    Keyed by the schema's JSON pointer without the ``#`` (``/components/schemas/Name``),
    which is how the generator names the model of a component schema.
    """
    result: dict[str, list[str]] = {}
    for schema_name, schema in spec["components"]["schemas"].items():
        properties = schema.get("properties", {})
        names = [name for name, prop in properties.items() if prop.get("writeOnly")]
        if names:
            result[f"/components/schemas/{schema_name}"] = names
    return result


def template_globals(spec: JsonObject) -> dict[str, Any]:
    """What ``generator/templates/`` reads besides the generator's own parse of the spec.

    ``json_media_types`` is keyed by (method, path), ``write_only_properties`` by schema
    pointer.
    """
    return {
        "json_media_types": {(OPERATION_METHOD, OPERATION_PATH): json_media_types(spec)},
        "write_only_properties": write_only_properties(spec),
    }

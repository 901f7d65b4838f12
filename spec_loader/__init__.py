"""Read `openapi/openapi.yaml`, the project's single source of truth.

Code that needs a limit, a field name or a media type asks this module instead of
repeating the value. The spec is looked up beside the checkout (the project is used
from a clone, installed in editable mode); the environment variable
``SUPEROFFICE_OPENAPI_SPEC`` points elsewhere, for example at a patched copy in a test.
"""

from __future__ import annotations

import copy
import functools
import os
from pathlib import Path
from typing import Any

import yaml

SPEC_ENV_VAR = "SUPEROFFICE_OPENAPI_SPEC"
DEFAULT_SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi" / "openapi.yaml"

OPERATION_PATH = "/api/v1/Agents/User/SaveUntrustedCredentialsForAssociate"
OPERATION_METHOD = "post"

JsonObject = dict[str, Any]
# libyaml's parser reads the same document into the same values about ten times faster
# than PyYAML's pure-Python one (45 ms a load), which every process that reads the spec
# pays at start-up; PyYAML built without libyaml has only the latter.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def spec_path() -> Path:
    """Where the spec is read from: the environment override, or the checkout's copy."""
    override = os.environ.get(SPEC_ENV_VAR)
    return Path(override) if override else DEFAULT_SPEC_PATH


@functools.cache
def _load(path: Path) -> JsonObject:
    with path.open(encoding="utf-8") as handle:
        document = yaml.load(handle, Loader=SAFE_LOADER)  # noqa: S506 - safe either way
    if not isinstance(document, dict):
        raise ValueError(f"{path} is not an OpenAPI document (top level is not a mapping)")
    return document


def load_spec(path: Path | None = None) -> JsonObject:
    """The parsed spec. Callers get a deep copy, so they may change it freely."""
    return copy.deepcopy(_load((path or spec_path()).resolve()))


def operation(spec: JsonObject) -> JsonObject:
    """The one operation this project is about."""
    result: JsonObject = spec["paths"][OPERATION_PATH][OPERATION_METHOD]
    return result


def request_media_types(spec: JsonObject) -> list[str]:
    """The request body's media types, in the spec's order."""
    return list(operation(spec)["requestBody"]["content"])


def resolve(spec: JsonObject, node: JsonObject) -> JsonObject:
    """Follow a local ``$ref`` (repeatedly) to the node it names."""
    while "$ref" in node:
        pointer = node["$ref"]
        if not pointer.startswith("#/"):
            raise ValueError(f"only local references are supported, got {pointer!r}")
        target: Any = spec
        for part in pointer[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def inline_refs(spec: JsonObject, node: Any) -> Any:
    """A copy of ``node`` with every local ``$ref`` replaced by what it names.

    The request schemas have no cycles, so this terminates; a cycle raises
    RecursionError rather than looping forever.
    """
    if isinstance(node, dict):
        if "$ref" in node:
            siblings = {key: value for key, value in node.items() if key != "$ref"}
            merged = {**resolve(spec, node), **siblings}
            return inline_refs(spec, merged)
        return {key: inline_refs(spec, value) for key, value in node.items()}
    if isinstance(node, list):
        return [inline_refs(spec, item) for item in node]
    return node


def request_schema(spec: JsonObject, media_type: str = "application/json") -> JsonObject:
    """The request body schema of one media type, with every reference inlined."""
    content = operation(spec)["requestBody"]["content"][media_type]
    schema: JsonObject = inline_refs(spec, content["schema"])
    return schema


def response_statuses(spec: JsonObject) -> list[str]:
    """The documented response statuses, as the spec writes them ("204", "400", ...)."""
    return list(operation(spec)["responses"])


def response(spec: JsonObject, status: str) -> JsonObject:
    """One documented response of the operation, with every reference inlined."""
    result: JsonObject = inline_refs(spec, operation(spec)["responses"][status])
    return result


def component(spec: JsonObject, kind: str, name: str) -> JsonObject:
    """One entry of ``components`` ("schemas", "parameters", ...), with every reference inlined."""
    result: JsonObject = inline_refs(spec, spec["components"][kind][name])
    return result


def security_schemes(spec: JsonObject) -> dict[str, JsonObject]:
    """The declared security schemes, by name."""
    schemes: dict[str, JsonObject] = spec["components"]["securitySchemes"]
    return schemes


def write_only_paths(schema: JsonObject) -> list[tuple[str, ...]]:
    """Property paths of the ``writeOnly`` fields of an inlined object schema.

    For the request schema this is ``[("Credentials", "SecretValue")]``: the values a
    server must never send back.
    """
    paths: list[tuple[str, ...]] = []
    for name, child in schema.get("properties", {}).items():
        if child.get("writeOnly"):
            paths.append((name,))
        paths.extend((name, *rest) for rest in write_only_paths(child))
    return paths

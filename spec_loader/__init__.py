"""Read `openapi/openapi.yaml`, the project's single source of truth.

Code that needs a limit, a field name or a media type asks this module instead of
repeating the value. Nothing here knows how many operations the spec has: code names
an operation by its operationId, or walks `operations(spec)`. The spec is looked up
beside the checkout (the project is used from a clone, installed in editable mode), else in
this package, where a wheel carries a copy of it (pyproject.toml, ``force-include``);
the environment variable ``SUPEROFFICE_OPENAPI_SPEC`` points elsewhere, for example at a
patched copy in a test.
"""

from __future__ import annotations

import copy
import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from spec_loader.media_types import default_json

SPEC_ENV_VAR = "SUPEROFFICE_OPENAPI_SPEC"
CHECKOUT_SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi" / "openapi.yaml"
PACKAGED_SPEC_PATH = Path(__file__).resolve().parent / "openapi.yaml"
DEFAULT_SPEC_PATH = CHECKOUT_SPEC_PATH if CHECKOUT_SPEC_PATH.is_file() else PACKAGED_SPEC_PATH

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


# The HTTP methods an OpenAPI path item may hold operations under.
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class Operation:
    """One operation of the spec: where it is served, and its node in the document."""

    operation_id: str
    path: str
    method: str  # lower-case, as OpenAPI writes it
    node: JsonObject


class UnknownOperationError(KeyError):
    """No operation of the spec has the operationId asked for."""


def operations(spec: JsonObject) -> list[Operation]:
    """Every operation of the spec, in the spec's order."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            node = item.get(method)
            if node is not None:
                found.append(Operation(node["operationId"], path, method, node))
    return found


def operation(spec: JsonObject, operation_id: str) -> Operation:
    """The operation with this operationId."""
    for candidate in operations(spec):
        if candidate.operation_id == operation_id:
            return candidate
    known = ", ".join(op.operation_id for op in operations(spec))
    raise UnknownOperationError(f"the spec has no operation {operation_id!r} (it has {known})")


def request_media_types(spec: JsonObject, operation_id: str) -> list[str]:
    """The request body's media types of one operation, in the spec's order.

    Empty for an operation that takes no body (CreateDefault).
    """
    body = operation(spec, operation_id).node.get("requestBody", {"content": {}})
    return list(body["content"])


def methods_at(spec: JsonObject, path: str) -> list[str]:
    """The methods (upper-case) that the spec serves at ``path``: what a 405's Allow lists."""
    item = spec["paths"][path]
    return [method.upper() for method in HTTP_METHODS if method in item]


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


def request_schema(
    spec: JsonObject, operation_id: str, media_type: str | None = None
) -> JsonObject:
    """One operation's request body schema for one media type (by default its first JSON
    type), every reference inlined."""
    content = operation(spec, operation_id).node["requestBody"]["content"]
    content = content[media_type or default_json(content)]
    schema: JsonObject = inline_refs(spec, content["schema"])
    return schema


def response_statuses(spec: JsonObject, operation_id: str) -> list[str]:
    """One operation's documented statuses, as the spec writes them ("204", "400", ...)."""
    return list(operation(spec, operation_id).node["responses"])


def response(spec: JsonObject, operation_id: str, status: str) -> JsonObject:
    """One documented response of an operation, with every reference inlined."""
    result: JsonObject = inline_refs(spec, operation(spec, operation_id).node["responses"][status])
    return result


def component(spec: JsonObject, kind: str, name: str) -> JsonObject:
    """One entry of ``components`` ("schemas", "parameters", ...), with every reference inlined."""
    result: JsonObject = inline_refs(spec, spec["components"][kind][name])
    return result


def security_schemes(spec: JsonObject) -> dict[str, JsonObject]:
    """The declared security schemes, by name."""
    schemes: dict[str, JsonObject] = spec["components"]["securitySchemes"]
    return schemes


# OpenAPI's format for a value to obscure; the spec marks every secret with it.
SECRET_FORMAT = "password"  # noqa: S105 - the name of a format, not a password


def secret_paths(schema: JsonObject) -> list[tuple[str, ...]]:
    """Property paths of the secret (``format: password``) fields of an inlined schema.

    For the Save request this is ``[("Credentials", "SecretValue")]``. An array's items
    are looked into under the path of the array itself, so the Get answer's secrets are
    ``[("SecretValue",)]``, the path inside each item.
    """
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        return secret_paths(schema["items"])
    paths: list[tuple[str, ...]] = []
    for name, child in schema.get("properties", {}).items():
        if child.get("format") == SECRET_FORMAT:
            paths.append((name,))
        paths.extend((name, *rest) for rest in secret_paths(child))
    return paths

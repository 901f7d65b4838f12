"""How a validated request becomes a stored row: its key, its public part, its secrets.

The spec says in prose that a credential is identified by (AssociateId, Type,
PublicValue); it has no machine-readable form of that, so the three paths are named
here, once, and checked against the spec's schema at start-up.
"""

from __future__ import annotations

import copy
from typing import Any

from reference_server.schema_walk import JsonSchema, child_schema
from reference_server.storage import RowKey

Path = tuple[str, ...]

ASSOCIATE_ID_PATH: Path = ("AssociateId",)
TYPE_PATH: Path = ("Type",)
PUBLIC_VALUE_PATH: Path = ("Credentials", "PublicValue")
KEY_PATHS = (ASSOCIATE_ID_PATH, TYPE_PATH, PUBLIC_VALUE_PATH)

# Sealed secrets are stored as [[path...], value] pairs.
SecretPairs = list[tuple[list[str], Any]]


def check_key_paths(schema: JsonSchema) -> None:
    """Fail at start-up, not on the first request, if the spec no longer has these fields."""
    for path in KEY_PATHS:
        node = schema
        for name in path:
            node = child_schema(node, name)
        if not node:
            raise ValueError(f"the request schema has no {'.'.join(path)}")


def value_at(document: Any, path: Path) -> Any:
    for name in path:
        document = document.get(name) if isinstance(document, dict) else None
    return document


def row_key(document: dict[str, Any]) -> RowKey:
    """The row key of a valid document. Null or missing PublicValue is keyed as ""."""
    return RowKey(
        associate_id=int(value_at(document, ASSOCIATE_ID_PATH)),
        type=value_at(document, TYPE_PATH),
        public_value_key=value_at(document, PUBLIC_VALUE_PATH) or "",
    )


def split_secrets(
    document: dict[str, Any], secret_paths: list[Path]
) -> tuple[dict[str, Any], SecretPairs]:
    """The document without its writeOnly values, and those values with their paths.

    ``document`` is left as it is. Only the objects on a secret's path are copied: a
    deep copy of the whole document cost more than the rest of the split.
    """
    public = dict(document)
    secrets: SecretPairs = []
    for path in secret_paths:
        *parents, leaf = path
        holder: Any = public
        for name in parents:
            child = holder.get(name)
            if not isinstance(child, dict):
                break
            copied = dict(child)
            holder[name] = copied
            holder = copied
        else:
            if leaf in holder:
                secrets.append((list(path), holder.pop(leaf)))
    return public, secrets


def merge_secrets(public: dict[str, Any], secrets: SecretPairs) -> dict[str, Any]:
    document = copy.deepcopy(public)
    for path, value in secrets:
        *parents, leaf = path
        holder = value_at(document, tuple(parents))
        if isinstance(holder, dict):
            holder[leaf] = value
    return document

"""Where a request holds a credential's key, and how a saved request is split for storage.

The spec says in prose that a credential is identified by (AssociateId, Type,
PublicValue); it has no machine-readable form of that, so where each operation's
request holds those fields is named here, once, and checked against the operation's
schema at start-up.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from reference_server.storage import RowKey, SecretPairs
from spec_loader.schema_readers import JsonSchema, child_schema

Path = tuple[str, ...]

ASSOCIATE_ID_PATH: Path = ("AssociateId",)
TYPE_PATH: Path = ("Type",)
# Where a Save request holds the carrier: what Get answers with, one per stored row.
CARRIER_PATH: Path = ("Credentials",)
PUBLIC_VALUE = "PublicValue"


def location(path: Path) -> str:
    return ".".join(path)


def value_at(document: Any, path: Path) -> Any:
    for name in path:
        document = document.get(name) if isinstance(document, dict) else None
    return document


def declares(schema: JsonSchema, path: Path) -> bool:
    """Whether an object schema names a field at ``path`` (not only admits one)."""
    node = schema
    for name in path:
        node = child_schema(node, name)
    return bool(node)


@dataclass(frozen=True)
class KeyPaths:
    """Where one operation's request holds the key fields it takes.

    The caller's own operations take no AssociateId: the pipeline puts the caller's
    associate id where the ForAssociate request has it, so that both kinds of request
    make the same document, stored and looked up under the same key.
    """

    associate_id: Path = ASSOCIATE_ID_PATH
    type: Path = TYPE_PATH
    # None: the operation names all credentials of (AssociateId, Type), not one.
    public_value: Path | None = None

    def check(self, schema: JsonSchema) -> None:
        """Fail at start-up, not on the first request, if the schema has no such field."""
        for path in (self.type, self.public_value):
            if path is not None and not declares(schema, path):
                raise ValueError(f"the request schema has no {location(path)}")

    def names_associate(self, schema: JsonSchema) -> bool:
        """False for the caller's own operations, whose request names no associate."""
        return declares(schema, self.associate_id)

    def associate_id_of(self, document: dict[str, Any]) -> int:
        return int(value_at(document, self.associate_id))

    def with_associate(self, document: dict[str, Any], associate_id: int) -> dict[str, Any]:
        """A copy of the document about ``associate_id``, whatever it said before."""
        (name,) = self.associate_id  # at the top level, where the ForAssociate requests have it
        return {
            name: associate_id,
            **{key: value for key, value in document.items() if key != name},
        }

    def type_of(self, document: dict[str, Any]) -> str:
        found: str = value_at(document, self.type)
        return found

    def row_key(self, document: dict[str, Any]) -> RowKey:
        """The row key of a valid document. Null or missing PublicValue is keyed as ""."""
        if self.public_value is None:
            raise TypeError("this operation's request names no single credential")
        return RowKey(
            associate_id=self.associate_id_of(document),
            type=self.type_of(document),
            public_value_key=value_at(document, self.public_value) or "",
        )


# A Save request holds PublicValue in its carrier; a Remove request at its top level.
SAVED_CREDENTIAL = KeyPaths(public_value=(*CARRIER_PATH, PUBLIC_VALUE))
NAMED_CREDENTIAL = KeyPaths(public_value=(PUBLIC_VALUE,))
CREDENTIALS_OF_TYPE = KeyPaths()


def split_secrets(
    document: dict[str, Any], secret_paths: list[Path]
) -> tuple[dict[str, Any], SecretPairs]:
    """The document without its secret values, and those values with their paths.

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

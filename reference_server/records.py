"""Where a request holds a credential's key, and how a saved request is split for storage.

The key is what the spec's credential links name (spec_loader.links): the Remove link
of a save's answer lists the key's fields and where a save holds each, the ReadBack
link the ones a Get takes. Where each operation's request holds them follows from
those, and is checked against the operation's schema at start-up.
"""

from __future__ import annotations

import copy
import enum
from dataclasses import dataclass
from typing import Any

from reference_server.storage import RowKey, SecretPairs
from spec_loader.documents import value_at
from spec_loader.links import CredentialLinks
from spec_loader.schema_readers import JsonSchema, child_schema

Path = tuple[str, ...]


def location(path: Path) -> str:
    return ".".join(path)


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

    associate_id: Path
    type: Path
    # None: the operation names all credentials of (AssociateId, Type), not one.
    public_value: Path | None = None

    def check(self, schema: JsonSchema) -> None:
        """Fail at start-up, not on the first request, if the schema has no such field.

        The associate is not checked: the caller's own requests name none.
        """
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


class KeyForm(enum.Enum):
    """How an operation's request holds the key."""

    SAVED = "as a save holds it: where the Remove link reads each field from"
    NAMED = "each field of the Remove link at the top level: one credential"
    OF_TYPE = "each field of the ReadBack link at the top level: all credentials of a type"


def key_paths(links: CredentialLinks, form: KeyForm) -> KeyPaths:
    """Where a request of this form holds the associate, the type and the public value."""
    if form is KeyForm.SAVED:
        fields = (links.associate_field, links.type_field, links.identity_field)
        associate_id, type_, public_value = (links.save_path(field) for field in fields)
        return KeyPaths(associate_id, type_, public_value)
    top_level = KeyPaths((links.associate_field,), (links.type_field,))
    if form is KeyForm.NAMED:
        return KeyPaths(top_level.associate_id, top_level.type, (links.identity_field,))
    return top_level


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

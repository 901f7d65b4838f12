"""What the read-back checks need to know about a save, read from the spec's links.

A save's success response links to the operation that reads it back and to the one
that removes it, and each link maps the target's body fields to JSON pointers into
the save's own request body (``$request.body#/Credentials/PublicValue``). From those
mappings come the Get and Remove bodies of any save, where in the save's body the
stored carrier is, and which carrier field tells the credentials of one Get apart.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import jsonschema_rs

import spec_loader
from spec_loader.media_types import JSON_SYNTAX, body_syntax

READ_BACK_LINK = "ReadBack"
REMOVE_LINK = "Remove"
# The only kind of link expression a 204 can resolve: it has no body of its own.
REQUEST_BODY_EXPRESSION = "$request.body#"
PRECISION_EXTENSION = "x-read-back-precision"
PRECISION_UNITS = {"second": Fraction(1), "millisecond": Fraction(1, 1000)}
DATE_TIME_FORMAT = "date-time"
OK = "200"


@dataclass(frozen=True)
class LinkedCall:
    """A call a link makes from a save: its operation and where each body field comes from."""

    operation_id: str
    # Body field of the target -> path of its value in the save's request body.
    pointers: dict[str, tuple[str, ...]]
    validator: jsonschema_rs.Validator

    def body_from(self, save_body: Any) -> dict[str, Any] | None:
        """The target's body for one save, or None when the spec's schema would refuse it."""
        body = {field: value_at(save_body, path) for field, path in self.pointers.items()}
        return body if self.validator.is_valid(body) else None


@dataclass(frozen=True)
class CarrierField:
    name: str
    schema: spec_loader.JsonObject
    # Dates are compared as instants, to this many seconds; other fields exactly.
    precision: Fraction | None

    @property
    def example(self) -> Any:
        return self.schema.get("example")


@dataclass(frozen=True)
class EffectFacts:
    save_operation_id: str
    read_back: LinkedCall
    remove: LinkedCall
    carrier_path: tuple[str, ...]
    # The carrier field that, with the Get's body, makes a credential's key.
    identity_field: CarrierField
    # Sent in a save and expected back as sent: neither read-only nor secret.
    compared_fields: tuple[CarrierField, ...]
    secret_fields: tuple[CarrierField, ...]
    # Every body of the read-back and of the suite's own saves is sent, and asked for, as this.
    json_media_type: str
    # The integer and string fields of the read-back body, with their schemas.
    read_back_key_schemas: dict[str, spec_loader.JsonObject]


def value_at(document: Any, path: tuple[str, ...]) -> Any:
    """The value at ``path``, or None where the path leads nowhere."""
    node = document
    for key in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def _pointer(expression: str) -> tuple[str, ...]:
    if not expression.startswith(f"{REQUEST_BODY_EXPRESSION}/"):
        raise ValueError(f"a save's link can only map from its request body, not {expression!r}")
    parts = expression.removeprefix(f"{REQUEST_BODY_EXPRESSION}/").split("/")
    return tuple(part.replace("~1", "/").replace("~0", "~") for part in parts)


def _linked_call(spec: spec_loader.JsonObject, link: spec_loader.JsonObject) -> LinkedCall:
    operation_id = link["operationId"]
    schema = spec_loader.request_schema(spec, operation_id)
    return LinkedCall(
        operation_id=operation_id,
        pointers={field: _pointer(expression) for field, expression in link["requestBody"].items()},
        validator=jsonschema_rs.validator_for(schema, validate_formats=True),
    )


def _carrier_field(name: str, schema: spec_loader.JsonObject) -> CarrierField:
    unit = schema.get(PRECISION_EXTENSION)
    precision = PRECISION_UNITS[unit] if unit is not None else None
    if schema.get("format") == DATE_TIME_FORMAT and precision is None:
        raise ValueError(f"{name} is a date-time without {PRECISION_EXTENSION}")
    return CarrierField(name, schema, precision)


def _saving_operation(spec: spec_loader.JsonObject) -> tuple[str, spec_loader.JsonObject]:
    for op in spec_loader.operations(spec):
        for status in spec_loader.response_statuses(spec, op.operation_id):
            links = spec_loader.response(spec, op.operation_id, status).get("links", {})
            if status.startswith("2") and READ_BACK_LINK in links and REMOVE_LINK in links:
                return op.operation_id, links
    raise ValueError(f"no operation links to a {READ_BACK_LINK} and a {REMOVE_LINK}")


@functools.cache
def effect_facts() -> EffectFacts:
    spec = spec_loader.load_spec()
    save_id, links = _saving_operation(spec)
    read_back = _linked_call(spec, links[READ_BACK_LINK])
    remove = _linked_call(spec, links[REMOVE_LINK])
    (identity_path,) = (
        path for field, path in remove.pointers.items() if field not in read_back.pointers
    )
    carrier_path = identity_path[:-1]
    carrier = spec_loader.request_schema(spec, save_id)
    for name in carrier_path:
        carrier = carrier["properties"][name]
    fields = {name: _carrier_field(name, schema) for name, schema in carrier["properties"].items()}
    secrets = {path[0] for path in spec_loader.secret_paths(carrier)}
    read_back_schema = spec_loader.request_schema(spec, read_back.operation_id)
    media_types = spec_loader.request_media_types(spec, save_id)
    return EffectFacts(
        save_operation_id=save_id,
        read_back=read_back,
        remove=remove,
        carrier_path=carrier_path,
        identity_field=fields[identity_path[-1]],
        compared_fields=tuple(
            field
            for name, field in fields.items()
            if name not in secrets
            and name != identity_path[-1]
            and not field.schema.get("readOnly")
        ),
        secret_fields=tuple(fields[name] for name in sorted(secrets)),
        json_media_type=next(t for t in media_types if body_syntax(t) == JSON_SYNTAX),
        read_back_key_schemas={
            name: read_back_schema["properties"][name] for name in read_back.pointers
        },
    )

"""What the read-back checks need to know about a save, read from the spec's links.

The links (spec_loader.links) say which operation reads a save back and which removes
it, and where each of their body fields sits in the save's own request body. From them
come the Get and Remove bodies of any save, where in the save's body the stored carrier
is, and which carrier field tells the credentials of one Get apart; here they are joined
with what the schemas say of each carrier field.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import jsonschema_rs

import spec_loader
from spec_loader.documents import value_at
from spec_loader.links import Link, credential_links
from spec_loader.media_types import default_json

PRECISION_EXTENSION = "x-read-back-precision"
PRECISION_UNITS = {"second": Fraction(1), "millisecond": Fraction(1, 1000)}
DATE_TIME_FORMAT = "date-time"


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


def linked_call(spec: spec_loader.JsonObject, link: Link) -> LinkedCall:
    schema = spec_loader.request_schema(spec, link.operation_id)
    return LinkedCall(
        operation_id=link.operation_id,
        pointers=link.pointers,
        validator=jsonschema_rs.validator_for(schema, validate_formats=True),
    )


def _carrier_field(name: str, schema: spec_loader.JsonObject) -> CarrierField:
    unit = schema.get(PRECISION_EXTENSION)
    precision = PRECISION_UNITS[unit] if unit is not None else None
    if schema.get("format") == DATE_TIME_FORMAT and precision is None:
        raise ValueError(f"{name} is a date-time without {PRECISION_EXTENSION}")
    return CarrierField(name, schema, precision)


@functools.cache
def effect_facts() -> EffectFacts:
    spec = spec_loader.load_spec()
    links = credential_links(spec)
    save_id = links.save_operation_id
    read_back = linked_call(spec, links.read_back)
    remove = linked_call(spec, links.remove)
    identity_path = links.save_path(links.identity_field)
    carrier_path = links.carrier_path
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
        json_media_type=default_json(media_types),
        read_back_key_schemas={
            name: read_back_schema["properties"][name] for name in read_back.pointers
        },
    )

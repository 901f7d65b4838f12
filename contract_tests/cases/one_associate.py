"""``--associate-id N``: every case that could be accepted is about associate N.

The fields that name an associate are read from the spec: the request-body properties
whose schema is the spec's ``AssociateId`` component, in every operation. A case keeps
its own value only where that value is itself invalid (not an integer, out of range,
missing): that is what the case tests, and a conformant server refuses it. Everywhere
else the value is replaced by N, which is valid too, so the case stays as valid or as
invalid as it was made, and its other fields still test what they test.

Applied as a ``map_case`` hook, the only kind that reaches every phase (the examples,
coverage, fuzzing and stateful ones).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import jsonschema_rs
from schemathesis import BaseSchema, HookContext

import spec_loader
from contract_tests.http_parts import AnyCase, operation_id
from spec_loader import links


@functools.cache
def associate_fields() -> dict[str, tuple[str, ...]]:
    """operationId -> the top-level body properties that hold an associate id."""
    return links.associate_fields(spec_loader.load_spec())


@functools.cache
def _associate_validator() -> jsonschema_rs.Validator:
    spec = spec_loader.load_spec()
    return jsonschema_rs.validator_for(
        spec_loader.component(spec, "schemas", links.ASSOCIATE_SCHEMA)
    )


def is_valid_associate(value: Any) -> bool:
    return _associate_validator().is_valid(value)


def pin_associate(body: Any, fields: tuple[str, ...], associate_id: int) -> Any:
    """``body`` with each valid associate id among ``fields`` replaced by ``associate_id``."""
    if not isinstance(body, Mapping):
        return body
    pinned = dict(body)
    for name in fields:
        if name in pinned and is_valid_associate(pinned[name]):
            pinned[name] = associate_id
    return pinned


class OneAssociate:
    """The map_case hook of one run."""

    def __init__(self, associate_id: int) -> None:
        self.associate_id = associate_id

    def attach(self, schema: BaseSchema) -> None:
        schema.hooks.register_hook_with_name(self.map_case, "map_case")

    def map_case(self, context: HookContext, case: AnyCase) -> AnyCase:
        fields = associate_fields().get(operation_id(case), ())
        if fields:
            case.body = pin_associate(case.body, fields, self.associate_id)
        return case

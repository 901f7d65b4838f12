"""A stand-in for the three operations: JSON only, in memory, an administrator and a system user.

Just enough for the read-back checks to be tried on their own, fast and in-process,
each against a fault made by overriding one method. Everything else of the contract
(media types, validation, error shapes) is the reference server's job, not this one's.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

import spec_loader
from contract_tests.effects.compare import key_value
from contract_tests.facts.save_links import effect_facts
from spec_loader.auth import basic_authorization
from spec_loader.documents import value_at

SPEC = spec_loader.load_spec()
FACTS = effect_facts()
Body = dict[str, Any]
Key = tuple[Any, ...]


class StandIn:
    """Saves, reads and removes as the spec says; a fault overrides one method."""

    def __init__(self, administrator: str, system_user: str) -> None:
        self.store: dict[Key, Body] = {}
        # Authorization value -> whether that identity sees secrets.
        self.identities = {
            basic_authorization(administrator): False,
            basic_authorization(system_user): True,
        }

    @staticmethod
    def group(body: Body) -> Key:
        """(AssociateId, Type): what a Get asks for."""
        return tuple(body[name] for name in FACTS.read_back.pointers)

    def save(self, body: Body) -> None:
        carrier = value_at(body, FACTS.carrier_path)
        identity = key_value(carrier.get(FACTS.identity_field.name))
        self.store[(*self.group(body), identity)] = dict(carrier)

    def get(self, body: Body, sees_secrets: bool) -> list[Body]:
        secrets = {field.name for field in FACTS.secret_fields}
        return [
            {name: value for name, value in carrier.items() if sees_secrets or name not in secrets}
            for key, carrier in self.store.items()
            if key[:-1] == self.group(body)
        ]

    def remove(self, body: Body) -> None:
        identity = key_value(body[FACTS.identity_field.name])
        self.store.pop((*self.group(body), identity), None)

    def app(self) -> Starlette:
        def route(operation_id: str) -> Route:
            async def endpoint(request: Request) -> Response:
                sees_secrets = self.identities.get(request.headers.get("authorization", ""))
                if sees_secrets is None:
                    return Response(status_code=401, headers={"WWW-Authenticate": "Basic"})
                body = json.loads(await request.body())
                if operation_id == FACTS.read_back.operation_id:
                    items = json.dumps(self.get(body, sees_secrets))
                    return Response(items, media_type=FACTS.json_media_type)
                if operation_id == FACTS.save_operation_id:
                    self.save(body)
                else:
                    self.remove(body)
                return Response(status_code=204)

            operation = spec_loader.operation(SPEC, operation_id)
            return Route(operation.path, endpoint, methods=[operation.method.upper()])

        operation_ids = (
            FACTS.save_operation_id,
            FACTS.read_back.operation_id,
            FACTS.remove.operation_id,
        )
        return Starlette(routes=[route(operation_id) for operation_id in operation_ids])

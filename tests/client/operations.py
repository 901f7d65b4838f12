"""Every operation of the spec as the generated client offers it: module, body model, example.

Found from the spec, not listed: a test parametrized over these covers an operation the
spec gains without being edited.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from superoffice_webapi_client import models

from generator.bridge import json_media_types
from spec_loader import JsonObject, operations, resolve
from tests.client.recording import SPEC


def snake_case(name: str) -> str:
    """The generator's module name for a tag or an operationId."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace(" ", "_").lower()


@dataclass(frozen=True)
class ClientOperation:
    operation_id: str
    method: str
    path: str
    module: ModuleType
    model: Any
    example: JsonObject
    media_types: tuple[str, ...]

    def example_body(self) -> Any:
        return self.model.from_dict(self.example)


def client_operations(spec: JsonObject = SPEC) -> list[ClientOperation]:
    found = []
    for op in operations(spec):
        content = op.node["requestBody"]["content"]["application/json"]
        model_name = content["schema"]["$ref"].rsplit("/", 1)[-1]
        [example] = content["examples"].values()
        module = f"superoffice_webapi_client.api.{snake_case(op.node['tags'][0])}"
        found.append(
            ClientOperation(
                op.operation_id,
                op.method,
                op.path,
                importlib.import_module(f"{module}.{snake_case(op.operation_id)}"),
                getattr(models, model_name),
                resolve(spec, example)["value"],
                tuple(json_media_types(spec, op.operation_id)),
            )
        )
    return found


OPERATIONS = client_operations()
BY_ID = {op.operation_id: op for op in OPERATIONS}
SAVE = BY_ID["SaveUntrustedCredentialsForAssociate"]
GET = BY_ID["GetUntrustedCredentialsForAssociate"]
REMOVE = BY_ID["RemoveUntrustedCredentialsForAssociate"]
# (operation, media type): every JSON body the client can send.
CALLS = [(op, media_type) for op in OPERATIONS for media_type in op.media_types]


def call_id(value: Any) -> str:
    return value.operation_id if isinstance(value, ClientOperation) else str(value)

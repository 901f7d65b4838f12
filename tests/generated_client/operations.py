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

import httpx
from superoffice_webapi_client import models

from generator.bridge import json_media_types
from spec_loader import JsonObject, operations, resolve
from tests.generated_client.recording import SPEC


def snake_case(name: str) -> str:
    """The generator's module name for a tag or an operationId."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace(" ", "_").lower()


@dataclass(frozen=True)
class ClientOperation:
    operation_id: str
    method: str
    path: str
    module: ModuleType
    # The body model and its example; None for an operation that takes no body.
    model: Any
    example: JsonObject | None
    media_types: tuple[str, ...]
    success_status: int
    # The example of the success's JSON body; None when it has none (a 204).
    answer_example: Any

    def example_body(self) -> Any:
        return self.model.from_dict(self.example)

    def arguments(self) -> dict[str, Any]:
        """The call's body argument, if the operation takes one: ``body=`` the example."""
        return {} if self.model is None else {"body": self.example_body()}

    def success_response(self) -> httpx.Response:
        if self.answer_example is None:
            return httpx.Response(self.success_status)
        return httpx.Response(self.success_status, json=self.answer_example)


def _only_example(spec: JsonObject, media: JsonObject) -> Any:
    [example] = media["examples"].values()
    return resolve(spec, example)["value"]


def client_operations(spec: JsonObject = SPEC) -> list[ClientOperation]:
    found = []
    for op in operations(spec):
        model: Any = None
        example: JsonObject | None = None
        media_types: tuple[str, ...] = ()
        if "requestBody" in op.node:
            content = op.node["requestBody"]["content"]["application/json"]
            model = getattr(models, content["schema"]["$ref"].rsplit("/", 1)[-1])
            example = _only_example(spec, content)
            media_types = tuple(json_media_types(spec, op.operation_id))
        status = next(code for code in op.node["responses"] if code.startswith("2"))
        answer = op.node["responses"][status].get("content", {}).get("application/json")
        module = f"superoffice_webapi_client.api.{snake_case(op.node['tags'][0])}"
        found.append(
            ClientOperation(
                op.operation_id,
                op.method,
                op.path,
                importlib.import_module(f"{module}.{snake_case(op.operation_id)}"),
                model,
                example,
                media_types,
                int(status),
                None if answer is None else _only_example(spec, answer),
            )
        )
    return found


OPERATIONS = client_operations()
# The operations that send a body, with a Content-Type and $select to choose.
BODY_OPERATIONS = [op for op in OPERATIONS if op.model is not None]
BY_ID = {op.operation_id: op for op in OPERATIONS}
SAVE = BY_ID["SaveUntrustedCredentialsForAssociate"]
GET = BY_ID["GetUntrustedCredentialsForAssociate"]
REMOVE = BY_ID["RemoveUntrustedCredentialsForAssociate"]
CREATE_DEFAULT = BY_ID["CreateDefaultUntrustedCredentials"]
# (operation, media type): every JSON body the client can send.
CALLS = [(op, media_type) for op in BODY_OPERATIONS for media_type in op.media_types]


def call_id(value: Any) -> str:
    return value.operation_id if isinstance(value, ClientOperation) else str(value)

"""Each operation's own step, after the shared request pipeline (pipeline.py) has run.

HANDLERS maps the spec's operationIds to the class that answers each. The server
serves every operation the spec lists, and refuses to start when one has no handler
here: adding an operation to the spec takes its handler, and nothing else.
"""

from __future__ import annotations

import spec_loader
from reference_server.operations.base import Handler
from reference_server.operations.get import GetCredentials
from reference_server.operations.remove import RemoveCredentials
from reference_server.operations.save import SaveCredentials

HANDLERS: dict[str, type[Handler]] = {
    "SaveUntrustedCredentialsForAssociate": SaveCredentials,
    "GetUntrustedCredentialsForAssociate": GetCredentials,
    "RemoveUntrustedCredentialsForAssociate": RemoveCredentials,
}


class UnimplementedOperationError(Exception):
    """The spec lists an operation that no handler answers; the message names it."""


def handler_classes(spec: spec_loader.JsonObject) -> dict[str, type[Handler]]:
    """The handler class of every operation of the spec, by operationId."""
    missing = [
        op.operation_id for op in spec_loader.operations(spec) if op.operation_id not in HANDLERS
    ]
    if missing:
        raise UnimplementedOperationError(
            f"the spec ({spec_loader.spec_path()}) has operations that this server does not"
            f" implement: {', '.join(missing)}"
        )
    return {op.operation_id: HANDLERS[op.operation_id] for op in spec_loader.operations(spec)}

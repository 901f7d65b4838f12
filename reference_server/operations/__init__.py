"""Each operation's own step, after the shared request pipeline (pipeline.py) has run.

The handler of an operation is chosen by the verb its operationId starts with, as the
vendor names every agent operation: ``Save``, ``Get``, ``Remove`` or ``CreateDefault``,
then the carrier (``SaveUntrustedCredentials``, ``SaveUntrustedCredentialsForAssociate``).
What differs between operations of one verb is read from the spec: where the request
holds the key (checked at start-up), and whether it names the associate or means the
caller's own (pipeline.py). So an operation of a known verb added to the spec takes no
code here; the server refuses to start on an operation of any other verb.
"""

from __future__ import annotations

import spec_loader
from reference_server.operations.base import Handler
from reference_server.operations.create_default import CreateDefaultCredentials
from reference_server.operations.get import GetCredentials
from reference_server.operations.remove import RemoveCredentials
from reference_server.operations.save import SaveCredentials

HANDLERS: dict[str, type[Handler]] = {
    "Save": SaveCredentials,
    "Get": GetCredentials,
    "Remove": RemoveCredentials,
    "CreateDefault": CreateDefaultCredentials,
}


class UnimplementedOperationError(Exception):
    """The spec lists an operation that no handler answers; the message names it."""


def handler_class(operation_id: str) -> type[Handler] | None:
    """The handler of the longest verb the operationId starts with, as a whole word."""
    verbs = [
        verb
        for verb in HANDLERS
        if operation_id.startswith(verb) and operation_id[len(verb) : len(verb) + 1].isupper()
    ]
    return HANDLERS[max(verbs, key=len)] if verbs else None


def handler_classes(spec: spec_loader.JsonObject) -> dict[str, type[Handler]]:
    """The handler class of every operation of the spec, by operationId."""
    found = {op.operation_id: handler_class(op.operation_id) for op in spec_loader.operations(spec)}
    missing = [operation_id for operation_id, handler in found.items() if handler is None]
    if missing:
        raise UnimplementedOperationError(
            f"the spec ({spec_loader.spec_path()}) has operations that this server does not"
            f" implement: {', '.join(missing)}"
        )
    return {operation_id: handler for operation_id, handler in found.items() if handler}

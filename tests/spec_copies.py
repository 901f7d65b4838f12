"""Patched copies of the spec, written to a file that SUPEROFFICE_OPENAPI_SPEC can name."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import yaml

import spec_loader

# A sibling of the vendor's that the spec does not list.
NEW_OPERATION = "RemoveUntrustedCredentialsForAssociateAgain"
NEW_PATH = f"/api/v1/Agents/User/{NEW_OPERATION}"
SHAPED_LIKE = "RemoveUntrustedCredentialsForAssociate"
AGENT_PATH = "/api/v1/Agents/User/"


def spec_copy(folder: Path, name: str, edit: Callable[[spec_loader.JsonObject], None]) -> Path:
    """A copy of the spec changed by ``edit``, written to ``folder/name``."""
    spec = spec_loader.load_spec()
    edit(spec)
    path = folder / name
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def add_a_fourth_operation(spec: spec_loader.JsonObject, operation_id: str = NEW_OPERATION) -> None:
    """One more operation, shaped like Remove, served at ``AGENT_PATH`` + ``operation_id``."""
    node = copy.deepcopy(spec_loader.operation(spec, SHAPED_LIKE).node)
    node["operationId"] = operation_id
    spec["paths"][AGENT_PATH + operation_id] = {"post": node}


def spec_with_a_fourth_operation(folder: Path, operation_id: str = NEW_OPERATION) -> Path:
    """A copy of the spec with one more operation, shaped like Remove, in ``folder``.

    Served at ``AGENT_PATH`` + ``operation_id``.
    """
    return spec_copy(
        folder,
        "openapi-with-a-fourth-operation.yaml",
        lambda spec: add_a_fourth_operation(spec, operation_id),
    )

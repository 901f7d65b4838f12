"""Patched copies of the spec, written to a file that SUPEROFFICE_OPENAPI_SPEC can name."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

import spec_loader

# A sibling of the vendor's that the spec does not list.
NEW_OPERATION = "RemoveUntrustedCredentialsForAssociateAgain"
NEW_PATH = f"/api/v1/Agents/User/{NEW_OPERATION}"
SHAPED_LIKE = "RemoveUntrustedCredentialsForAssociate"
AGENT_PATH = "/api/v1/Agents/User/"


def spec_with_a_fourth_operation(folder: Path, operation_id: str = NEW_OPERATION) -> Path:
    """A copy of the spec with one more operation, shaped like Remove, in ``folder``.

    Served at ``AGENT_PATH`` + ``operation_id``.
    """
    spec = spec_loader.load_spec()
    node = copy.deepcopy(spec_loader.operation(spec, SHAPED_LIKE).node)
    node["operationId"] = operation_id
    spec["paths"][AGENT_PATH + operation_id] = {"post": node}
    path = folder / "openapi-with-a-fourth-operation.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path

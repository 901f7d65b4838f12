"""Small readers of HTTP messages shared by the checks and the case filter."""

from __future__ import annotations

from typing import Any, TypeAlias

from requests import PreparedRequest
from schemathesis import Case, Response

# schemathesis' Case is generic in its operation type, which this suite never narrows.
AnyCase: TypeAlias = Case[Any]


def operation_id(case: AnyCase) -> str:
    """The operationId of the spec operation the case was made for."""
    found: str = case.operation.definition.raw["operationId"]
    return found


def header_values(response: Response, name: str) -> list[str]:
    """Every value of one response header, whatever the case of its name."""
    lowered = name.lower()
    return [
        value
        for key, values in response.headers.items()
        if key.lower() == lowered
        for value in values
    ]


def request_header(request: PreparedRequest, name: str) -> str:
    """One request header as text, or "" when it was not sent."""
    value = request.headers.get(name, "")
    return value.decode("latin-1") if isinstance(value, bytes) else value

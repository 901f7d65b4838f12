"""The SuperOffice error body every refusal carries, checked against the spec's schema."""

from __future__ import annotations

import httpx
import jsonschema_rs

import spec_loader
from tests.reference_server.live_server import SPEC

ERROR_SCHEMA = spec_loader.component(SPEC, "schemas", "SuperOfficeError")
ERROR_VALIDATOR = jsonschema_rs.Draft202012Validator(ERROR_SCHEMA)


def assert_error_body(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    ERROR_VALIDATOR.validate(body)
    assert isinstance(body, dict)
    return body

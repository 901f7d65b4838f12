"""The SuperOffice error body every refusal carries, checked against the spec's schema."""

from __future__ import annotations

import httpx
import jsonschema_rs

import spec_loader
from reference_server.errors import error_media_type
from tests.reference_server.live_server import SAVE, SPEC

# A SecretValue long enough that any echo of it in an error is found.
LONG_SECRET = "never-echo-me-" + "x" * 80
SAVE_PATH = spec_loader.operation(SPEC, SAVE).path
ERROR_SCHEMA = spec_loader.component(SPEC, "schemas", "SuperOfficeError")
ERROR_VALIDATOR = jsonschema_rs.Draft202012Validator(ERROR_SCHEMA)


def assert_error_body(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == error_media_type()
    body = response.json()
    ERROR_VALIDATOR.validate(body)
    assert isinstance(body, dict)
    return body

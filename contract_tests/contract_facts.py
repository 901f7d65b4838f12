"""What the custom checks and the auth headers need to know, read from the spec.

Nothing here is a value of its own: each fact is looked up in openapi/openapi.yaml
through spec_loader, once per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import jsonschema_rs

import spec_loader

# The success response says, in this extension, which body text it tolerates.
TOLERATED_BODY_EXTENSION = "x-tolerated-body"


@dataclass(frozen=True)
class ContractFacts:
    request_media_types: tuple[str, ...]
    no_content_status: int
    tolerated_no_content_body: bytes | None
    error_media_types: frozenset[str]
    error_body_validator: jsonschema_rs.Validator
    secret_paths: tuple[tuple[str, ...], ...]
    http_auth_schemes: frozenset[str]
    operation_method: str
    app_token_header: str
    xsrf_header: str
    xsrf_cookie: str


@functools.cache
def contract_facts() -> ContractFacts:
    spec = spec_loader.load_spec()
    statuses = spec_loader.response_statuses(spec)
    error_responses = [
        spec_loader.response(spec, status) for status in statuses if status[:1] in ("4", "5")
    ]
    # The operation's one success answer: 204 No Content.
    success = next(status for status in statuses if status.startswith("2"))
    tolerated = spec_loader.response(spec, success).get(TOLERATED_BODY_EXTENSION)
    schemes = spec_loader.security_schemes(spec).values()
    api_keys = {scheme["in"]: scheme["name"] for scheme in schemes if scheme["type"] == "apiKey"}
    return ContractFacts(
        request_media_types=tuple(spec_loader.request_media_types(spec)),
        no_content_status=int(success),
        tolerated_no_content_body=tolerated.encode() if tolerated is not None else None,
        error_media_types=frozenset(
            media_type for response in error_responses for media_type in response["content"]
        ),
        error_body_validator=jsonschema_rs.validator_for(
            spec_loader.component(spec, "schemas", "ErrorBody")
        ),
        secret_paths=tuple(spec_loader.write_only_paths(spec_loader.request_schema(spec))),
        http_auth_schemes=frozenset(
            scheme["scheme"].lower() for scheme in schemes if scheme["type"] == "http"
        ),
        operation_method=spec_loader.OPERATION_METHOD.upper(),
        app_token_header=spec_loader.component(spec, "parameters", "AppToken")["name"],
        xsrf_header=api_keys["header"],
        xsrf_cookie=api_keys["cookie"],
    )

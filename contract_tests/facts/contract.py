"""What the custom checks and the auth headers need to know, read from the spec.

Nothing here is a value of its own: each fact is looked up in openapi/openapi.yaml
through spec_loader, once per process. Facts that differ between operations are kept
per operationId, for every operation the spec lists.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import jsonschema_rs

import spec_loader
from spec_loader.auth import auth_names
from spec_loader.statuses import NO_CONTENT, error_media_types, spec_key

# A success response says, in this extension, which body text it tolerates.
TOLERATED_BODY_EXTENSION = "x-tolerated-body"


@dataclass(frozen=True)
class OperationFacts:
    operation_id: str
    method: str  # upper-case, as it goes on the wire
    path: str
    # Every method the spec serves at this path: what a 405's Allow must list.
    methods_at_path: frozenset[str]
    request_media_types: tuple[str, ...]
    # The 204's tolerated body, when the operation answers 204 and tolerates one.
    tolerated_no_content_body: bytes | None
    # Where the request body carries secrets (format: password).
    secret_paths: tuple[tuple[str, ...], ...]
    # The media types the spec lists for the operation's success answers.
    answer_media_types: frozenset[str]


@dataclass(frozen=True)
class ContractFacts:
    operations: dict[str, OperationFacts]  # by operationId
    error_media_types: frozenset[str]
    error_body_validator: jsonschema_rs.Validator
    http_auth_schemes: frozenset[str]
    app_token_header: str
    xsrf_header: str
    xsrf_cookie: str

    def of(self, operation_id: str) -> OperationFacts:
        return self.operations[operation_id]


def _operation_facts(spec: spec_loader.JsonObject, op: spec_loader.Operation) -> OperationFacts:
    tolerated = None
    media_types = spec_loader.request_media_types(spec, op.operation_id)
    if spec_key(NO_CONTENT) in op.node["responses"]:
        tolerated = spec_loader.response(spec, op.operation_id, spec_key(NO_CONTENT)).get(
            TOLERATED_BODY_EXTENSION
        )
    return OperationFacts(
        operation_id=op.operation_id,
        method=op.method.upper(),
        path=op.path,
        methods_at_path=frozenset(spec_loader.methods_at(spec, op.path)),
        request_media_types=tuple(media_types),
        tolerated_no_content_body=tolerated.encode() if tolerated is not None else None,
        # An operation without a body (CreateDefault) sends no secret.
        secret_paths=tuple(
            spec_loader.secret_paths(spec_loader.request_schema(spec, op.operation_id))
            if media_types
            else ()
        ),
        answer_media_types=frozenset(
            media_type
            for status in spec_loader.response_statuses(spec, op.operation_id)
            if status.startswith("2")
            for media_type in spec_loader.response(spec, op.operation_id, status).get("content", {})
        ),
    )


@functools.cache
def contract_facts() -> ContractFacts:
    spec = spec_loader.load_spec()
    operations = spec_loader.operations(spec)
    names = auth_names(spec)
    return ContractFacts(
        operations={op.operation_id: _operation_facts(spec, op) for op in operations},
        error_media_types=frozenset(error_media_types(spec)),
        error_body_validator=jsonschema_rs.validator_for(
            spec_loader.component(spec, "schemas", "ErrorBody")
        ),
        http_auth_schemes=names.authorization_words,
        app_token_header=names.app_token_header,
        xsrf_header=names.xsrf_header,
        xsrf_cookie=names.xsrf_cookie,
    )

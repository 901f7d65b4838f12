"""The request pipeline that every operation shares, up to the operation's own handler.

Checks run in this order, cheapest and least revealing first:
401 (credentials, app token) -> 415 (media type) -> 413 (declared Content-Length, then
counted while reading) -> 400 (undecodable or invalid body; read-only fields are
dropped first) -> 403 (limited identity, other associate; or, for the caller's own
operations, a caller that is no associate) -> the operation's handler. (405 for other
methods comes earlier, from routing.) Authentication comes first, as on real servers:
an anonymous caller learns nothing about what the endpoint accepts, and no anonymous
body is read. An operation without a request body (CreateDefault) skips the body's
steps: a body sent anyway is not read.

Whose credentials a call touches is decided here, for every handler alike: the
associate its request names, or, when the request names none (the caller's own
operations), the caller's, written into the document where the ForAssociate request
has it. Both kinds of request then make the same document: one store, two views.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

import spec_loader
from reference_server.access import may_act_for, own_associate
from reference_server.authentication import Authenticator
from reference_server.body_decoding import (
    BodyFormat,
    UndecodableBodyError,
    body_format,
    decode_body,
    looks_like_json,
)
from reference_server.body_limit import BodyTooLargeError, declared_too_large, read_body
from reference_server.errors import error_response
from reference_server.operations.base import Call, Handler
from reference_server.records import KeyPaths, location
from reference_server.records import Path as RecordPath
from reference_server.schema_walk import ReadOnlyStripper
from reference_server.settings import Identity
from reference_server.validation import RequestValidator
from spec_loader.schema_readers import JsonSchema


@dataclass(frozen=True)
class AcceptedMediaType:
    body_format: BodyFormat
    schema: JsonSchema
    read_only: ReadOnlyStripper
    validator: RequestValidator
    # Where a request holds secrets (format: password), for the handler to keep apart.
    secret_paths: list[RecordPath]


def accepted_media_types(
    spec: spec_loader.JsonObject, operation_id: str
) -> dict[str, AcceptedMediaType]:
    """Every request media type of an operation with its decoder and compiled validator."""
    accepted: dict[str, AcceptedMediaType] = {}
    for media_type in spec_loader.request_media_types(spec, operation_id):
        found_format = body_format(media_type)
        if found_format is None:
            raise ValueError(f"the spec lists {media_type}, which this server cannot decode")
        schema = spec_loader.request_schema(spec, operation_id, media_type)
        accepted[media_type.lower()] = AcceptedMediaType(
            found_format,
            schema,
            ReadOnlyStripper(schema),
            RequestValidator(schema),
            spec_loader.secret_paths(schema),
        )
    return accepted


def media_type_of(request: Request) -> tuple[str, str | None]:
    """The Content-Type's essence (lower-cased) and its charset parameter, if any."""
    essence, *parameters = request.headers.get("content-type", "").split(";")
    charset = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return essence.strip().lower(), charset


class Refusal(Exception):  # noqa: N818 (a refusal is an answer, not an error)
    """Stop handling the request and send ``response``."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


class OperationEndpoint:
    """One operation of the spec (`handle`): the shared checks, then its handler.

    Built once at start-up: spec read, validators compiled.
    """

    def __init__(
        self,
        spec: spec_loader.JsonObject,
        operation_id: str,
        authenticator: Authenticator,
        max_body_bytes: int,
        handler: Handler,
    ) -> None:
        self._source = operation_id
        self._names = authenticator.names
        self._authenticator = authenticator
        self._accepted = accepted_media_types(spec, operation_id)
        self._key = handler.key
        self._own = self._key is not None and self._own_operation(self._key)
        self._max_body_bytes = max_body_bytes
        self._handler = handler

    def _own_operation(self, key: KeyPaths) -> bool:
        """Check the key against the request schemas; True if they name no associate."""
        if not self._accepted:
            raise ValueError(f"{self._source} takes no body, so it names no credential")
        for target in self._accepted.values():
            key.check(target.schema)
        return not any(key.names_associate(target.schema) for target in self._accepted.values())

    async def handle(self, request: Request) -> Response:
        try:
            identity = self._authenticate(request)
            document: dict[str, Any] = {}
            secret_paths: list[RecordPath] = []
            if self._accepted:
                target, charset = self._accepted_media_type(request)
                document = await self._valid_document(request, target, charset)
                secret_paths = target.secret_paths
            if self._key is not None:
                document = self._authorized(identity, document, self._key)
        except Refusal as refusal:
            return refusal.response
        call = Call(identity, document, secret_paths, request.headers)
        return await self._handler.answer(call)

    def _refuse(self, status: int, error_type: str, message: str) -> Refusal:
        return Refusal(error_response(status, error_type, message, self._source))

    def _authenticate(self, request: Request) -> Identity:
        identity = self._authenticator.authenticate(request.headers, request.cookies)
        if identity is None:
            message = (
                "Authentication is required: valid credentials"
                f" (and {self._names.app_token_header} where required)."
            )
            headers = {"WWW-Authenticate": self._names.challenge}
            raise Refusal(
                error_response(401, "UnauthorizedException", message, "Authentication", headers)
            )
        return identity

    def _accepted_media_type(self, request: Request) -> tuple[AcceptedMediaType, str | None]:
        media_type, charset = media_type_of(request)
        target = self._accepted.get(media_type)
        if target is None:
            message = f"Content-Type: must be one of {', '.join(self._accepted)}"
            raise self._refuse(415, "UnsupportedMediaTypeException", message)
        return target, charset

    async def _valid_document(
        self, request: Request, target: AcceptedMediaType, charset: str | None
    ) -> dict[str, Any]:
        if declared_too_large(request, self._max_body_bytes):
            raise self._too_large()
        try:
            body = await read_body(request, self._max_body_bytes)
        except BodyTooLargeError:
            raise self._too_large() from None
        except ClientDisconnect:
            message = "body: the client disconnected before sending it all"
            raise self._refuse(400, "ValidationException", message) from None
        try:
            document = decode_body(body, target.body_format, charset, target.schema)
        except UndecodableBodyError as error:
            raise self._invalid(str(error), body, target) from None
        document = target.read_only.without_read_only(document)
        problems = target.validator.problems(document)
        if problems:
            raise self._invalid("; ".join(problems), body, target)
        # Valid against an object schema, so a dict.
        valid: dict[str, Any] = document
        return valid

    def _invalid(self, message: str, body: bytes, target: AcceptedMediaType) -> Refusal:
        # curl sends -d data as a form unless told otherwise; the form's problems alone
        # ("AssociateId: is required") would not say what went wrong.
        if target.body_format is BodyFormat.FORM and looks_like_json(body):
            json_type = next(
                m for m, a in self._accepted.items() if a.body_format is BodyFormat.JSON
            )
            message = f"body: looks like JSON; send it with Content-Type: {json_type}; {message}"
        return self._refuse(400, "ValidationException", message)

    def _too_large(self) -> Refusal:
        message = f"body: larger than the limit of {self._max_body_bytes} bytes"
        return self._refuse(413, "RequestEntityTooLargeException", message)

    def _authorized(
        self, identity: Identity, document: dict[str, Any], key: KeyPaths
    ) -> dict[str, Any]:
        """The document about the associate the call acts on, once the caller may."""
        verb = self._handler.verb
        if self._own:
            associate_id = own_associate(identity)
            if associate_id is None:
                message = f"caller: not an associate, so it has no credentials of its own to {verb}"
                raise self._refuse(403, "SoAccessDeniedException", message)
            return key.with_associate(document, associate_id)
        associate_id = key.associate_id_of(document)
        if not may_act_for(identity, associate_id):
            message = (
                f"{location(key.associate_id)}: not allowed to"
                f" {verb} credentials for associate {associate_id}"
            )
            raise self._refuse(403, "SoAccessDeniedException", message)
        return document

"""POST SaveUntrustedCredentialsForAssociate: authenticate, read, validate, authorise, save.

Checks run in this order, cheapest and least revealing first:
401 (credentials, app token) -> 415 (media type) -> 413 (declared Content-Length, then
counted while reading) -> 400 (undecodable or invalid body) -> 403 (limited identity,
other associate) -> 204 after the commit. (405 for other methods comes earlier, from
routing.) Authentication comes first, as on real servers: an anonymous caller learns
nothing about what the endpoint accepts, and no anonymous body is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

import spec_loader
from reference_server import records
from reference_server.authentication import Authenticator, AuthNames
from reference_server.body_decoding import (
    BodyFormat,
    UndecodableBodyError,
    body_format,
    decode_body,
)
from reference_server.body_limit import BodyTooLargeError, declared_too_large, read_body
from reference_server.errors import error_response
from reference_server.schema_walk import JsonSchema, ReadOnlyStripper
from reference_server.settings import Identity, Settings
from reference_server.storage import CredentialStore, RowKey
from reference_server.validation import RequestValidator


@dataclass(frozen=True)
class AcceptedMediaType:
    body_format: BodyFormat
    schema: JsonSchema
    read_only: ReadOnlyStripper
    validator: RequestValidator


def accepted_media_types(spec: spec_loader.JsonObject) -> dict[str, AcceptedMediaType]:
    """Every request media type of the spec with its decoder and compiled validator."""
    accepted: dict[str, AcceptedMediaType] = {}
    for media_type in spec_loader.request_media_types(spec):
        found_format = body_format(media_type)
        if found_format is None:
            raise ValueError(f"the spec lists {media_type}, which this server cannot decode")
        schema = spec_loader.request_schema(spec, media_type)
        records.check_key_paths(schema)
        accepted[media_type.lower()] = AcceptedMediaType(
            found_format, schema, ReadOnlyStripper(schema), RequestValidator(schema)
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


class SaveCredentials:
    """The endpoint (`handle`). Built once at start-up: spec read, validators compiled."""

    def __init__(self, spec: spec_loader.JsonObject, settings: Settings, store: CredentialStore):
        self._source = spec_loader.operation(spec)["operationId"]
        self._names = AuthNames.from_spec(spec)
        self._authenticator = Authenticator(
            self._names, settings.identities, settings.require_app_token
        )
        self._accepted = accepted_media_types(spec)
        self._secret_paths = spec_loader.write_only_paths(spec_loader.request_schema(spec))
        self._max_body_bytes = settings.max_body_bytes
        self._store = store

    async def handle(self, request: Request) -> Response:
        try:
            return await self._save(request)
        except Refusal as refusal:
            return refusal.response

    async def _save(self, request: Request) -> Response:
        identity = self._authenticate(request)
        target, charset = self._accepted_media_type(request)
        document = await self._valid_document(request, target, charset)
        row_key = records.row_key(document)
        self._authorize(identity, row_key)
        public, secrets = records.split_secrets(document, self._secret_paths)
        await self._store.save(row_key, public, secrets)
        return Response(status_code=204)

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
            document = decode_body(body, target.body_format, charset, target.schema)
        except BodyTooLargeError:
            raise self._too_large() from None
        except UndecodableBodyError as error:
            raise self._refuse(400, "ValidationException", str(error)) from None
        except ClientDisconnect:
            message = "body: the client disconnected before sending it all"
            raise self._refuse(400, "ValidationException", message) from None
        document = target.read_only.without_read_only(document)
        problems = target.validator.problems(document)
        if problems:
            raise self._refuse(400, "ValidationException", "; ".join(problems))
        # Valid against an object schema, so a dict.
        valid: dict[str, Any] = document
        return valid

    def _too_large(self) -> Refusal:
        message = f"body: larger than the limit of {self._max_body_bytes} bytes"
        return self._refuse(413, "RequestEntityTooLargeException", message)

    def _authorize(self, identity: Identity, row_key: RowKey) -> None:
        if identity.associate_id is not None and identity.associate_id != row_key.associate_id:
            message = (
                f"{'.'.join(records.ASSOCIATE_ID_PATH)}: not allowed to save credentials"
                f" for associate {row_key.associate_id}"
            )
            raise self._refuse(403, "SoAccessDeniedException", message)

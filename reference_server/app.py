"""The ASGI application: one operation, exactly as openapi/openapi.yaml describes it.

Checks run in this order, cheapest and least revealing first:
405 (method) -> 401 (credentials, app token) -> 415 (media type) -> 413 (declared
Content-Length, then counted while reading) -> 400 (undecodable or invalid body) ->
403 (limited identity, other associate) -> 204 after the commit.
Authentication comes first, as on real servers: an anonymous caller learns nothing
about what the endpoint accepts, and no anonymous body is read.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

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
from reference_server.keys import default_key_file, load_or_create_key
from reference_server.middleware import AccessLog, CatchAll
from reference_server.schema_walk import JsonSchema, without_read_only
from reference_server.secret_box import SecretBox
from reference_server.settings import Settings
from reference_server.storage import CredentialStore
from reference_server.validation import RequestValidator

# Starlette answers other methods 405 with an Allow header listing these.
ALLOWED_METHODS = [spec_loader.OPERATION_METHOD.upper()]


@dataclass(frozen=True)
class AcceptedMediaType:
    body_format: BodyFormat
    schema: JsonSchema
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
            found_format, schema, RequestValidator(schema)
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


def create_app(settings: Settings) -> Starlette:
    """The app for ``settings``: key loaded, database opened, validators compiled."""
    spec = spec_loader.load_spec()
    source = spec_loader.operation(spec)["operationId"]
    names = AuthNames.from_spec(spec)
    authenticator = Authenticator(names, settings.identities, settings.require_app_token)
    accepted = accepted_media_types(spec)
    secret_paths = spec_loader.write_only_paths(next(iter(accepted.values())).schema)
    key = settings.encryption_key or load_or_create_key(
        settings.key_file or default_key_file(settings.database), os.environ
    )
    store = CredentialStore(settings.database, SecretBox(key))

    def unauthorized() -> Response:
        return error_response(
            401,
            "UnauthorizedException",
            "Authentication is required: valid credentials"
            f" (and {names.app_token_header} where required).",
            "Authentication",
            {"WWW-Authenticate": names.challenge},
        )

    def bad_request(message: str) -> Response:
        return error_response(400, "ValidationException", message, source)

    async def save_credentials(request: Request) -> Response:
        identity = authenticator.authenticate(request.headers, request.cookies)
        if identity is None:
            return unauthorized()
        media_type, charset = media_type_of(request)
        target = accepted.get(media_type)
        if target is None:
            return error_response(
                415,
                "UnsupportedMediaTypeException",
                f"Content-Type: must be one of {', '.join(accepted)}",
                source,
            )
        too_large = error_response(
            413,
            "RequestEntityTooLargeException",
            f"body: larger than the limit of {settings.max_body_bytes} bytes",
            source,
        )
        if declared_too_large(request, settings.max_body_bytes):
            return too_large
        try:
            body = await read_body(request, settings.max_body_bytes)
            document = decode_body(body, target.body_format, charset, target.schema)
        except BodyTooLargeError:
            return too_large
        except UndecodableBodyError as error:
            return bad_request(str(error))
        except ClientDisconnect:
            return bad_request("body: the client disconnected before sending it all")
        document = without_read_only(document, target.schema)
        problems = target.validator.problems(document)
        if problems:
            return bad_request("; ".join(problems))
        row_key = records.row_key(document)
        if identity.associate_id is not None and identity.associate_id != row_key.associate_id:
            return error_response(
                403,
                "SoAccessDeniedException",
                f"{'.'.join(records.ASSOCIATE_ID_PATH)}: not allowed to save credentials"
                f" for associate {row_key.associate_id}",
                source,
            )
        public, secrets = records.split_secrets(document, secret_paths)
        await run_in_threadpool(store.save, row_key, public, secrets)
        return Response(status_code=204)

    async def routing_error(request: Request, exc: Exception) -> Response:
        """Starlette's routing answers (404 unknown path, 405 other method) in the error body."""
        assert isinstance(exc, HTTPException)  # the only type this handler is registered for
        if exc.status_code == 405:
            message = f"{request.method}: only {', '.join(ALLOWED_METHODS)} is allowed here"
            return error_response(405, "MethodNotAllowedException", message, source, exc.headers)
        return error_response(exc.status_code, "NotFoundException", "no such path", source)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        store.close()

    return Starlette(
        routes=[Route(spec_loader.OPERATION_PATH, save_credentials, methods=ALLOWED_METHODS)],
        middleware=[Middleware(AccessLog), Middleware(CatchAll)],
        exception_handlers={HTTPException: routing_error},
        lifespan=lifespan,
    )

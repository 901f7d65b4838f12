"""The ASGI application: the one operation of openapi/openapi.yaml, and its plumbing."""

from __future__ import annotations

import contextlib
import http
import os
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

import spec_loader
from reference_server.endpoint import SaveCredentials
from reference_server.errors import error_response, status_error_type
from reference_server.keys import default_key_file, load_or_create_key
from reference_server.middleware import AccessLog, CatchAll
from reference_server.secret_box import SecretBox
from reference_server.settings import Settings
from reference_server.storage import CredentialStore

# Starlette answers other methods 405 with an Allow header listing these.
ALLOWED_METHODS = [spec_loader.OPERATION_METHOD.upper()]
ROUTING_SOURCE = "Routing"


async def routing_error(request: Request, exc: Exception) -> Response:
    """Starlette's routing answers (404 unknown path, 405 other method) in the error body."""
    if not isinstance(exc, HTTPException):  # the only type this handler is registered for
        raise exc
    if exc.status_code == 405:
        message = f"{request.method}: only {', '.join(ALLOWED_METHODS)} is allowed here"
    else:
        message = http.HTTPStatus(exc.status_code).phrase
    error_type = status_error_type(http.HTTPStatus(exc.status_code))
    return error_response(exc.status_code, error_type, message, ROUTING_SOURCE, exc.headers)


def create_app(settings: Settings) -> Starlette:
    """The app for ``settings``: key loaded, database opened, validators compiled."""
    key = settings.encryption_key or load_or_create_key(
        settings.key_file or default_key_file(settings.database), os.environ
    )
    store = CredentialStore(settings.database, SecretBox(key))
    endpoint = SaveCredentials(spec_loader.load_spec(), settings, store)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        store.close()

    return Starlette(
        routes=[Route(spec_loader.OPERATION_PATH, endpoint.handle, methods=ALLOWED_METHODS)],
        middleware=[Middleware(AccessLog), Middleware(CatchAll)],
        exception_handlers={HTTPException: routing_error},
        lifespan=lifespan,
    )

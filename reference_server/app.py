"""The ASGI application: every operation of openapi/openapi.yaml, and its plumbing."""

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
from starlette.types import Receive, Scope, Send

import spec_loader
from reference_server.authentication import Authenticator, AuthNames
from reference_server.errors import error_response, status_error_type
from reference_server.keys import default_key_file, load_or_create_key
from reference_server.middleware import AccessLog, CatchAll
from reference_server.operations import handler_classes
from reference_server.pipeline import OperationEndpoint
from reference_server.secret_box import SecretBox
from reference_server.settings import Settings
from reference_server.storage import CredentialStore

ROUTING_SOURCE = "Routing"


async def routing_error(request: Request, exc: Exception) -> Response:
    """Starlette's routing answers (404 unknown path) in the error body."""
    if not isinstance(exc, HTTPException):  # the only type this handler is registered for
        raise exc
    status = http.HTTPStatus(exc.status_code)
    return error_response(
        exc.status_code, status_error_type(status), status.phrase, ROUTING_SOURCE, exc.headers
    )


class PathEndpoint:
    """Everything the spec serves at one path: each method's operation, 405 for the rest.

    An ASGI app, so that Starlette routes every method here (it would route only GET to
    a function); the answer to other methods is made here, with the spec's methods in
    the spec's order in Allow.
    """

    def __init__(self, allowed: list[str], by_method: dict[str, OperationEndpoint]) -> None:
        self._allowed = allowed
        self._by_method = by_method

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self.answer(Request(scope, receive))
        await response(scope, receive, send)

    async def answer(self, request: Request) -> Response:
        endpoint = self._by_method.get(request.method)
        if endpoint is None:
            message = f"{request.method}: only {', '.join(self._allowed)} is allowed here"
            return error_response(
                405,
                status_error_type(http.HTTPStatus.METHOD_NOT_ALLOWED),
                message,
                ROUTING_SOURCE,
                {"Allow": ", ".join(self._allowed)},
            )
        return await endpoint.handle(request)


def create_app(settings: Settings) -> Starlette:
    """The app for ``settings``: key loaded, database opened, validators compiled.

    Raises UnimplementedOperationError, before anything is created on disk, if the spec
    has an operation that no handler answers.
    """
    spec = spec_loader.load_spec()
    handlers = handler_classes(spec)
    key = settings.encryption_key or load_or_create_key(
        settings.key_file or default_key_file(settings.database), os.environ
    )
    store = CredentialStore(settings.database, SecretBox(key))
    authenticator = Authenticator(
        AuthNames.from_spec(spec), settings.identities, settings.require_app_token
    )
    by_path: dict[str, dict[str, OperationEndpoint]] = {}
    for operation in spec_loader.operations(spec):
        handler = handlers[operation.operation_id](spec, operation.operation_id, store)
        by_path.setdefault(operation.path, {})[operation.method.upper()] = OperationEndpoint(
            spec, operation.operation_id, authenticator, settings.max_body_bytes, handler
        )
    routes = [
        Route(path, PathEndpoint(spec_loader.methods_at(spec, path), by_method))
        for path, by_method in by_path.items()
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        store.close()

    return Starlette(
        routes=routes,
        middleware=[Middleware(AccessLog), Middleware(CatchAll)],
        exception_handlers={HTTPException: routing_error},
        lifespan=lifespan,
    )

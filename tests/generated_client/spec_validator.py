"""openapi-core (0.23.1) request validation of httpx requests against the spec.

openapi-core is written independently of both the generator and our templates: it
checks the path, the method, the parameters, the security and the body.

Two things are given to it that it does not know by itself:
- it parses only application/json and application/vnd.api+json as JSON, so the spec's
  other JSON media types are registered with its own JSON loader;
- it compares the lowercased Authorization scheme with the scheme as the spec writes it,
  so "SOTicket" never matches; its copy of the spec writes the schemes in lower case,
  which RFC 9110 makes equivalent.
"""

from __future__ import annotations

import copy
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlsplit

import httpx
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.media_types.util import json_loads
from werkzeug.datastructures import Headers, ImmutableMultiDict

from generator.bridge import json_media_types
from spec_loader import JsonObject, operations
from tests.generated_client.recording import SPEC


class HttpxOpenAPIRequest:
    """An httpx.Request seen through openapi-core's Request protocol."""

    def __init__(self, request: httpx.Request) -> None:
        self._request = request
        url = urlsplit(str(request.url))
        self.host_url = f"{url.scheme}://{url.netloc}"
        self.path = url.path
        cookies = SimpleCookie(request.headers.get("Cookie", ""))
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qs(url.query)),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict({key: morsel.value for key, morsel in cookies.items()}),
        )

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes:
        return self._request.content

    @property
    def content_type(self) -> str:
        return str(self._request.headers.get("Content-Type", ""))


def _with_lowercase_http_schemes(spec: JsonObject) -> JsonObject:
    result = copy.deepcopy(spec)
    for scheme in result["components"]["securitySchemes"].values():
        if scheme["type"] == "http":
            scheme["scheme"] = scheme["scheme"].lower()
    return result


JSON_MEDIA_TYPES = {
    media_type
    for op in operations(SPEC)
    if "requestBody" in op.node
    for media_type in json_media_types(SPEC, op.operation_id)
}
VALIDATOR = OpenAPI.from_dict(
    _with_lowercase_http_schemes(SPEC),
    config=Config(extra_media_type_deserializers=dict.fromkeys(JSON_MEDIA_TYPES, json_loads)),
)


def validate(request: httpx.Request) -> None:
    """Raise openapi-core's validation error if the request breaks the spec."""
    VALIDATOR.validate_request(HttpxOpenAPIRequest(request))

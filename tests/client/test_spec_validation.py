"""The client's requests pass openapi-core's request validation against the spec.

openapi-core (0.23.1) is a validator written independently of both the generator and
our templates: it checks the path, the method, the parameters, the security and the
body against openapi/openapi.yaml.

Two things are given to it that it does not know by itself:
- it parses only application/json and application/vnd.api+json as JSON, so the spec's
  other JSON media types are registered with its own JSON loader;
- it compares the lowercased Authorization scheme with the scheme as the spec writes it,
  so "SOTicket" never matches; its copy of the spec writes the schemes in lower case,
  which RFC 9110 makes equivalent.

Proved by hand: against a client generated from the full spec without the bridge (the
upstream behaviour: the body goes out form-encoded under the last JSON header), every
test_each_json_media_type_is_valid and test_each_authentication_is_valid fails.
"""

from __future__ import annotations

import copy
from http.cookies import SimpleCookie
from typing import get_args
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.media_types.util import json_loads
from openapi_core.validation.request.exceptions import InvalidRequestBody, SecurityValidationError
from superoffice_webapi_client.api.user_agent import save_untrusted_credentials_for_associate
from superoffice_webapi_client.api.user_agent.save_untrusted_credentials_for_associate import (
    JsonContentType,
)
from werkzeug.datastructures import Headers, ImmutableMultiDict

from generator.bridge import json_media_types
from spec_loader import JsonObject, component
from tests.client.auth_cases import AUTH_CASES
from tests.client.recording import SPEC, example_request, recording_client


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


VALIDATOR = OpenAPI.from_dict(
    _with_lowercase_http_schemes(SPEC),
    config=Config(extra_media_type_deserializers=dict.fromkeys(json_media_types(SPEC), json_loads)),
)


def validate(request: httpx.Request) -> None:
    VALIDATOR.validate_request(HttpxOpenAPIRequest(request))


@pytest.mark.parametrize("media_type", get_args(JsonContentType))
def test_each_json_media_type_is_valid(media_type: JsonContentType) -> None:
    client, sent = recording_client(**AUTH_CASES["SOTicket"].client_args)
    save_untrusted_credentials_for_associate.sync_detailed(
        client=client,
        body=example_request(),
        content_type=media_type,
        select=component(SPEC, "parameters", "Select")["example"],
        so_app_token=component(SPEC, "parameters", "AppToken")["example"],
    )
    [request] = sent
    validate(request)


@pytest.mark.parametrize("name", sorted(AUTH_CASES))
def test_each_authentication_is_valid(name: str) -> None:
    client, sent = recording_client(**AUTH_CASES[name].client_args)
    save_untrusted_credentials_for_associate.sync_detailed(client=client, body=example_request())
    [request] = sent
    validate(request)


def test_the_validator_rejects_a_body_the_spec_forbids() -> None:
    body = example_request()
    body.type_ = ""  # Type has minLength 1.
    client, sent = recording_client(**AUTH_CASES["Bearer"].client_args)
    save_untrusted_credentials_for_associate.sync_detailed(client=client, body=body)
    [request] = sent
    with pytest.raises(InvalidRequestBody):
        validate(request)


def test_the_validator_rejects_a_request_without_credentials() -> None:
    client, sent = recording_client(token="not-a-credential", auth_header_name="X-Unknown")
    save_untrusted_credentials_for_associate.sync_detailed(client=client, body=example_request())
    [request] = sent
    with pytest.raises(SecurityValidationError):
        validate(request)

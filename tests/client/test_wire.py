"""What the generated client puts on the wire, seen through httpx.MockTransport.

Guards proved by removing them once by hand (generating into a scratch folder and
running these tests against it):
- `headers["Content-Type"] = content_type` in generator/templates/endpoint_module.py.jinja
  (back to the upstream literal): test_each_json_media_type_is_sent_as_itself fails for
  every type but application/json, and so does test_async_call_sends_the_same_request.
- the bridge's narrowing to one JSON media type (generator_input returning the spec as
  is): generation stops on the generator's "Unsupported content type" warnings
  (tests/client/test_generation.py fails); with the warnings let through as well, the
  upstream multi-body code is generated and test_default_request_is_json, every
  test_each_json_media_type_is_sent_as_itself and the async test fail.
- the arguments of `_JSON_ENCODER` in generator/templates/endpoint_module.py.jinja
  (the client encodes the body itself instead of passing httpx `json=`): with
  ensure_ascii=True or the default separators every
  test_body_is_what_httpx_json_would_send fails; with allow_nan=True
  test_nan_is_refused_as_httpx_json_refuses_it fails."""

from __future__ import annotations

import asyncio
import json
import math
import re
from typing import get_args
from urllib.parse import parse_qs

import httpx
import pytest
from superoffice_webapi_client.api.user_agent import save_untrusted_credentials_for_associate
from superoffice_webapi_client.api.user_agent.save_untrusted_credentials_for_associate import (
    JsonContentType,
)
from superoffice_webapi_client.models import SaveUntrustedCredentialsForAssociateRequest

from generator.bridge import json_media_types
from spec_loader import OPERATION_METHOD, OPERATION_PATH, component
from tests.client.recording import (
    BASE_URL,
    EXAMPLE_BODY,
    SPEC,
    example_request,
    recording_client,
    with_microsecond_dates,
)

SELECT = component(SPEC, "parameters", "Select")
APP_TOKEN = component(SPEC, "parameters", "AppToken")


def assert_is_the_operation(request: httpx.Request) -> None:
    assert request.method == OPERATION_METHOD.upper()
    assert request.url.scheme + "://" + request.url.netloc.decode() + request.url.path == (
        BASE_URL + OPERATION_PATH
    )


def assert_body_is_the_example(request: httpx.Request) -> None:
    sent = json.loads(request.content)
    assert sent == with_microsecond_dates(EXAMPLE_BODY)
    # Exact JSON types: AssociateId an integer, the dates with their offset.
    assert type(sent["AssociateId"]) is int
    assert sent["Credentials"]["ValidFrom"].endswith("+02:00")


def test_default_request_is_json() -> None:
    client, sent = recording_client()
    save_untrusted_credentials_for_associate.sync_detailed(client=client, body=example_request())
    [request] = sent
    assert_is_the_operation(request)
    assert request.headers["Content-Type"] == json_media_types(SPEC)[0] == "application/json"
    assert request.url.query == b""
    assert_body_is_the_example(request)


def test_content_type_choices_are_the_json_media_types_of_the_spec() -> None:
    assert list(get_args(JsonContentType)) == json_media_types(SPEC)


@pytest.mark.parametrize("media_type", get_args(JsonContentType))
def test_each_json_media_type_is_sent_as_itself(media_type: JsonContentType) -> None:
    client, sent = recording_client()
    save_untrusted_credentials_for_associate.sync_detailed(
        client=client, body=example_request(), content_type=media_type
    )
    [request] = sent
    assert_is_the_operation(request)
    assert request.headers.get_list("Content-Type") == [media_type]
    assert_body_is_the_example(request)


def test_select_goes_in_the_query_with_its_dollar_escaped() -> None:
    client, sent = recording_client()
    save_untrusted_credentials_for_associate.sync_detailed(
        client=client, body=example_request(), select=SELECT["example"]
    )
    [request] = sent
    assert request.url.query.startswith(b"%24select=")
    assert parse_qs(request.url.query.decode()) == {SELECT["name"]: [SELECT["example"]]}


def test_app_token_goes_in_its_header() -> None:
    client, sent = recording_client()
    save_untrusted_credentials_for_associate.sync_detailed(
        client=client, body=example_request(), so_app_token=APP_TOKEN["example"]
    )
    [request] = sent
    assert request.headers[APP_TOKEN["name"]] == APP_TOKEN["example"]


def test_async_call_sends_the_same_request() -> None:
    client, sent = recording_client()
    media_type: JsonContentType = get_args(JsonContentType)[-1]
    asyncio.run(
        save_untrusted_credentials_for_associate.asyncio_detailed(
            client=client, body=example_request(), content_type=media_type
        )
    )
    [request] = sent
    assert_is_the_operation(request)
    assert request.headers["Content-Type"] == media_type
    assert_body_is_the_example(request)


def unusual_request() -> SaveUntrustedCredentialsForAssociateRequest:
    """The example with text that JSON encoders tell apart: non-ASCII, escapes, emoji."""
    body = example_request()
    body.credentials.comment = 'Zürich \u2013 東京 😀 "quoted" \\ back\nslash\t\u2028'
    body.credentials.secret_value = "pässwörd-\u00e9\u0000"
    body["Extra"] = {"nested": [1, 2.5, None, True], "ünïcode": "ß"}
    return body


@pytest.mark.parametrize("media_type", get_args(JsonContentType))
def test_body_is_what_httpx_json_would_send(media_type: JsonContentType) -> None:
    client, sent = recording_client()
    body = unusual_request()
    save_untrusted_credentials_for_associate.sync_detailed(
        client=client, body=body, content_type=media_type
    )
    [request] = sent
    expected = client.get_httpx_client().build_request(
        OPERATION_METHOD, OPERATION_PATH, json=body.to_dict(), headers={"Content-Type": media_type}
    )
    assert request.content == expected.read()
    assert request.headers.multi_items() == expected.headers.multi_items()
    assert "東京 😀".encode() in request.content


def test_nan_is_refused_as_httpx_json_refuses_it() -> None:
    client, sent = recording_client()
    body = example_request()
    body["Extra"] = math.nan
    with pytest.raises(ValueError, match="JSON compliant") as refused:
        client.get_httpx_client().build_request(
            OPERATION_METHOD, OPERATION_PATH, json=body.to_dict()
        )
    with pytest.raises(ValueError, match=re.escape(str(refused.value))):
        save_untrusted_credentials_for_associate.sync_detailed(client=client, body=body)
    assert sent == []

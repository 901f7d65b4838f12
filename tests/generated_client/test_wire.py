"""What the generated client puts on the wire, for every operation and JSON media type of
the spec, seen through httpx.MockTransport.

Guards proved by removing them once by hand (generating into a scratch folder and
running these tests against it):
- `headers["Content-Type"] = content_type` in generator/templates/endpoint_module.py.jinja
  (back to the upstream literal): test_each_json_media_type_is_sent_as_itself fails for
  every type but application/json, and so does test_async_call_sends_the_same_request.
- the bridge's narrowing to one JSON media type (generator_input returning the spec as
  is): generation stops on the generator's "Unsupported content type" warnings
  (`nox -s check_generated` fails); with the warnings let through as well, the
  upstream multi-body code is generated and test_default_request_is_json, every
  test_each_json_media_type_is_sent_as_itself and the async test fail.
- the arguments of `PUBLIC_ENCODER` in generator/templates/_json_body.py.jinja (the
  client encodes the body itself instead of passing httpx `json=`): with
  ensure_ascii=True or the default separators every
  test_body_is_what_httpx_json_would_send fails; with allow_nan=True
  test_nan_is_refused_as_httpx_json_refuses_it fails."""

from __future__ import annotations

import asyncio
import json
import math
import re
from datetime import UTC, datetime
from typing import Any, get_args
from urllib.parse import parse_qs

import httpx
import pytest
from superoffice_webapi_client.models import UntrustedCredentials

from spec_loader import component
from tests.generated_client.operations import (
    BODY_OPERATIONS,
    CALLS,
    CREATE_DEFAULT,
    GET,
    OPERATIONS,
    ClientOperation,
    call_id,
)
from tests.generated_client.recording import (
    BASE_URL,
    SPEC,
    recording_client,
    with_microsecond_dates,
)

SELECT = component(SPEC, "parameters", "Select")
APP_TOKEN = component(SPEC, "parameters", "AppToken")
# Get's optional language and time-zone headers, by the generated argument's name.
GET_HEADERS = {
    name: component(SPEC, "parameters", name)
    for name in ("AcceptLanguage", "SoLanguage", "SoCulture", "SoTimeZone")
}


def assert_is_the_operation(request: httpx.Request, op: ClientOperation) -> None:
    assert request.method == op.method.upper()
    assert request.url.scheme + "://" + request.url.netloc.decode() + request.url.path == (
        BASE_URL + op.path
    )


def assert_body_is_the_example(request: httpx.Request, op: ClientOperation) -> None:
    sent = json.loads(request.content)
    assert sent == with_microsecond_dates(op.example)
    # Exact JSON types: AssociateId, where the request names one, an integer.
    assert type(sent.get("AssociateId", 0)) is int


@pytest.mark.parametrize("op", BODY_OPERATIONS, ids=call_id)
def test_default_request_is_json(op: ClientOperation) -> None:
    client, sent = recording_client()
    op.module.sync_detailed(client=client, body=op.example_body())
    [request] = sent
    assert_is_the_operation(request, op)
    assert request.headers["Content-Type"] == op.media_types[0] == "application/json"
    assert request.url.query == b""
    assert_body_is_the_example(request, op)


def test_create_default_sends_no_body_and_returns_the_carrier() -> None:
    client, sent = recording_client(lambda _request: CREATE_DEFAULT.success_response())
    defaults = CREATE_DEFAULT.module.sync(client=client)
    [request] = sent
    assert_is_the_operation(request, CREATE_DEFAULT)
    assert (request.content, request.headers.get("Content-Type")) == (b"", None)
    # The carrier a save takes, so it can be filled in and saved as it is.
    assert isinstance(defaults, UntrustedCredentials)
    assert (defaults.valid_to, defaults.is_active) == (datetime(1, 1, 1, tzinfo=UTC), True)
    assert defaults.secret_value is None


def test_save_sends_dates_with_their_offset() -> None:
    op = next(op for op in BODY_OPERATIONS if "Credentials" in (op.example or {}))
    client, sent = recording_client()
    op.module.sync_detailed(client=client, body=op.example_body())
    assert json.loads(sent[0].content)["Credentials"]["ValidFrom"].endswith("+02:00")


@pytest.mark.parametrize("op", BODY_OPERATIONS, ids=call_id)
def test_content_type_choices_are_the_json_media_types_of_the_spec(op: ClientOperation) -> None:
    assert get_args(op.module.JsonContentType) == op.media_types


@pytest.mark.parametrize(("op", "media_type"), CALLS, ids=call_id)
def test_each_json_media_type_is_sent_as_itself(op: ClientOperation, media_type: str) -> None:
    client, sent = recording_client()
    op.module.sync_detailed(client=client, body=op.example_body(), content_type=media_type)
    [request] = sent
    assert_is_the_operation(request, op)
    assert request.headers.get_list("Content-Type") == [media_type]
    assert_body_is_the_example(request, op)


@pytest.mark.parametrize("op", BODY_OPERATIONS, ids=call_id)
def test_select_goes_in_the_query_with_its_dollar_escaped(op: ClientOperation) -> None:
    client, sent = recording_client()
    op.module.sync_detailed(client=client, body=op.example_body(), select=SELECT["example"])
    [request] = sent
    assert request.url.query.startswith(b"%24select=")
    assert parse_qs(request.url.query.decode()) == {SELECT["name"]: [SELECT["example"]]}


@pytest.mark.parametrize("op", OPERATIONS, ids=call_id)
def test_app_token_goes_in_its_header(op: ClientOperation) -> None:
    client, sent = recording_client()
    op.module.sync_detailed(client=client, **op.arguments(), so_app_token=APP_TOKEN["example"])
    [request] = sent
    assert request.headers[APP_TOKEN["name"]] == APP_TOKEN["example"]


def test_get_sends_its_language_and_time_zone_headers() -> None:
    client, sent = recording_client(lambda _request: httpx.Response(200, json=[]))
    arguments = {
        re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name).lower(): parameter["example"]
        for name, parameter in GET_HEADERS.items()
    }
    GET.module.sync_detailed(client=client, body=GET.example_body(), **arguments)
    [request] = sent
    for parameter in GET_HEADERS.values():
        assert request.headers.get_list(parameter["name"]) == [parameter["example"]]


@pytest.mark.parametrize("op", BODY_OPERATIONS, ids=call_id)
def test_async_call_sends_the_same_request(op: ClientOperation) -> None:
    client, sent = recording_client()
    media_type = op.media_types[-1]
    asyncio.run(
        op.module.asyncio_detailed(client=client, body=op.example_body(), content_type=media_type)
    )
    [request] = sent
    assert_is_the_operation(request, op)
    assert request.headers["Content-Type"] == media_type
    assert_body_is_the_example(request, op)


def unusual_body(op: ClientOperation) -> Any:
    """The example with text that JSON encoders tell apart: non-ASCII, escapes, emoji."""
    body = op.example_body()
    body.type_ = 'Zürich \u2013 東京 😀 "quoted" \\ back\nslash\t\u2028'
    body["Extra"] = {"nested": [1, 2.5, None, True], "ünïcode": "ß", "secret": "pässwörd-\u0000"}
    return body


@pytest.mark.parametrize(("op", "media_type"), CALLS, ids=call_id)
def test_body_is_what_httpx_json_would_send(op: ClientOperation, media_type: str) -> None:
    client, sent = recording_client()
    body = unusual_body(op)
    op.module.sync_detailed(client=client, body=body, content_type=media_type)
    [request] = sent
    expected = client.get_httpx_client().build_request(
        op.method, op.path, json=body.to_dict(), headers={"Content-Type": media_type}
    )
    assert request.content == expected.read()
    assert request.headers.multi_items() == expected.headers.multi_items()
    assert "東京 😀".encode() in request.content


def test_nan_is_refused_as_httpx_json_refuses_it() -> None:
    op = OPERATIONS[0]
    client, sent = recording_client()
    body = op.example_body()
    body["Extra"] = math.nan
    with pytest.raises(ValueError, match="JSON compliant") as refused:
        client.get_httpx_client().build_request(op.method, op.path, json=body.to_dict())
    with pytest.raises(ValueError, match=re.escape(str(refused.value))):
        op.module.sync_detailed(client=client, body=body)
    assert sent == []

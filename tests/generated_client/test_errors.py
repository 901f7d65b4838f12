"""sync() and asyncio(): the success's body, or a typed error for every other answer.

Guards proved by removing them once by hand (in a copy of the generated package):
- the `is_success` test in Save's `_result` (generator/templates/endpoint_module.py.jinja):
  test_an_error_page_that_is_not_an_error_body_raises_without_a_body fails (an error
  answer with an error body still raises, through `holds_error`);
- `holds_error` there: test_a_success_holding_an_error_object_raises fails for Save;
- the replacement of sensitive values in `api_error` (_runtime.py.jinja): every
  test_messages_never_quote_the_secret_or_credentials and
  test_a_ticket_echoed_alone_is_not_quoted fail.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from superoffice_webapi_client import errors
from superoffice_webapi_client.models import AspNetError, SuperOfficeError, UntrustedCredentials

from generator.error_classes import RETRIED_STATUSES, documented_error_statuses
from spec_loader import component, response
from tests.generated_client.auth_cases import AUTH_CASES, TICKET
from tests.generated_client.operations import GET, OPERATIONS, REMOVE, SAVE, ClientOperation, call_id
from tests.generated_client.recording import (
    EXAMPLE_BODY,
    SPEC,
    Responder,
    recording_client,
    with_microsecond_dates,
)

SUPEROFFICE_ERROR = response(SPEC, SAVE.operation_id, "400")["content"]["application/json"][
    "example"
]
ASPNET_ERROR = {"Message": "The request is invalid.", "MessageDetail": "AssociateId is required"}
READ_BACK = component(SPEC, "examples", "ImapCredentialsReadBack")["value"]
CLASSES = {
    400: errors.BadRequestError,
    401: errors.AuthenticationError,
    403: errors.PermissionDeniedError,
    413: errors.ContentTooLargeError,
    415: errors.UnsupportedMediaTypeError,
    429: errors.RateLimitError,
    500: errors.ServerError,
}


def answer(status: int, **kwargs: Any) -> Responder:
    return lambda _request: httpx.Response(status, **kwargs)


def call(op: ClientOperation, responder: Responder, **client_args: Any) -> Any:
    client, _ = recording_client(responder, max_retries=0, **client_args)
    return op.module.sync(client=client, **op.arguments())


def test_every_documented_error_status_has_its_class() -> None:
    assert set(documented_error_statuses(SPEC)) <= set(CLASSES)
    for status, cls in CLASSES.items():
        assert errors.error_class(status) is cls
        assert issubclass(cls, errors.SuperOfficeApiError)
    assert errors.error_class(503) is errors.ServerError
    assert errors.error_class(418) is errors.SuperOfficeApiError
    assert set(RETRIED_STATUSES) - {500, 502, 503, 504} <= set(errors.STATUS_ERRORS)


def test_save_and_remove_return_none_and_get_the_list() -> None:
    assert call(SAVE, answer(204)) is None
    assert call(REMOVE, answer(204, json=None)) is None
    [credentials] = call(GET, answer(200, json=READ_BACK))
    assert isinstance(credentials, UntrustedCredentials)
    assert credentials.to_dict() == with_microsecond_dates(READ_BACK[0])
    assert call(GET, answer(200, json=[])) == []


@pytest.mark.parametrize("op", OPERATIONS, ids=call_id)
@pytest.mark.parametrize("status", sorted(CLASSES))
@pytest.mark.parametrize("body", [SUPEROFFICE_ERROR, ASPNET_ERROR], ids=["superoffice", "aspnet"])
def test_each_status_raises_its_class(op: ClientOperation, status: int, body: Any) -> None:
    with pytest.raises(CLASSES[status]) as raised:
        call(op, answer(status, json=body, headers={"X-Request": "r1"}))
    error = raised.value
    assert error.status_code == status
    assert isinstance(error.body, SuperOfficeError if "Error" in body else AspNetError)
    assert error.body.to_dict() == body
    assert error.headers["X-Request"] == "r1"
    assert error.response.status_code == status
    assert str(status) in str(error)


def test_an_error_page_that_is_not_an_error_body_raises_without_a_body() -> None:
    with pytest.raises(errors.ServerError) as raised:
        call(SAVE, answer(502, content=b"<html>Bad Gateway</html>"))
    assert raised.value.body is None


@pytest.mark.parametrize("op", OPERATIONS, ids=call_id)
@pytest.mark.parametrize("body", [SUPEROFFICE_ERROR, ASPNET_ERROR], ids=["superoffice", "aspnet"])
def test_a_success_holding_an_error_object_raises(op: ClientOperation, body: Any) -> None:
    # docs/vendor-facts.md, the agents: "You may also get a 200 OK with an internal error object".
    with pytest.raises(errors.SuperOfficeApiError) as raised:
        call(op, answer(200, json=body))
    assert type(raised.value) is errors.SuperOfficeApiError
    assert raised.value.status_code == 200
    assert raised.value.body is not None
    assert raised.value.body.to_dict() == body


def test_a_get_answered_null_raises() -> None:
    # docs/vendor-facts.md, the agents: "a failed call will return NULL instead".
    with pytest.raises(errors.SuperOfficeApiError, match="not the documented answer"):
        call(GET, answer(200, json=None))


def test_the_detailed_functions_still_return_the_response() -> None:
    client, _ = recording_client(answer(400, json=SUPEROFFICE_ERROR), max_retries=0)
    result = SAVE.module.sync_detailed(client=client, body=SAVE.example_body())
    assert result.status_code == 400
    assert isinstance(result.parsed, SuperOfficeError)


def test_asyncio_raises_as_sync_does() -> None:
    client, _ = recording_client(answer(403, json=SUPEROFFICE_ERROR), max_retries=0)
    with pytest.raises(errors.PermissionDeniedError):
        asyncio.run(SAVE.module.asyncio(client=client, body=SAVE.example_body()))
    client, _ = recording_client(answer(200, json=READ_BACK))
    result = asyncio.run(GET.module.asyncio(client=client, body=GET.example_body()))
    assert [item.to_dict() for item in result] == with_microsecond_dates(READ_BACK)


SECRET = EXAMPLE_BODY["Credentials"]["SecretValue"]


@pytest.mark.parametrize("name", sorted(AUTH_CASES))
def test_messages_never_quote_the_secret_or_credentials(name: str) -> None:
    case = AUTH_CASES[name]
    credentials = [SECRET, case.client_args["token"], *case.headers.values()]
    credentials += [*case.cookies.values(), "app-token-42"]
    # A server that echoes everything it was sent into its error message.
    echoed = {**SUPEROFFICE_ERROR, "ErrorMessage": " | ".join(credentials)}
    client, _ = recording_client(answer(400, json=echoed), max_retries=0, **case.client_args)
    with pytest.raises(errors.BadRequestError) as raised:
        SAVE.module.sync(client=client, body=SAVE.example_body(), so_app_token="app-token-42")
    message = str(raised.value)
    assert "ValidationException" in message
    for credential in credentials:
        assert credential not in message
    assert json.loads(raised.value.response.content)["ErrorMessage"] == echoed["ErrorMessage"]


def test_a_ticket_echoed_alone_is_not_quoted() -> None:
    echoed = {**SUPEROFFICE_ERROR, "ErrorMessage": f"ticket {TICKET} expired"}
    with pytest.raises(errors.AuthenticationError) as raised:
        call(SAVE, answer(401, json=echoed), **AUTH_CASES["SOTicket"].client_args)
    assert TICKET not in str(raised.value)
    assert "expired" in str(raised.value)

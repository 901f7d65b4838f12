"""How the *_detailed functions read answers: 204s, error models, undocumented statuses,
dates. (sync() and its typed errors: tests/generated_client/test_errors.py.)

Guards proved by removing them once by hand: with _runtime.detailed calling the
operation's _parse_response directly instead of through _runtime.parsed
(generator/templates/_runtime.py.jinja), the
test_an_error_body_the_spec_does_not_describe_* tests fail; with
_runtime.documented_error_body returning None for a body of neither error shape,
test_an_error_body_the_spec_does_not_describe_raises_when_asked_to fails.
"""

from __future__ import annotations

import datetime
from http import HTTPStatus
from typing import Any

import httpx
import pytest
from superoffice_webapi_client.api.user_agent import save_untrusted_credentials_for_associate
from superoffice_webapi_client.errors import UnexpectedStatus
from superoffice_webapi_client.models import AspNetError, SuperOfficeError, UntrustedCredentials

from spec_loader import component, response, response_statuses
from tests.generated_client.operations import BODY_OPERATIONS, SAVE
from tests.generated_client.recording import SPEC, Responder, example_request, recording_client

ERROR_STATUSES = [status for status in response_statuses(SPEC, SAVE.operation_id) if status >= "4"]
SUPEROFFICE_ERROR = response(SPEC, SAVE.operation_id, "400")["content"]["application/json"][
    "example"
]
ASPNET_ERROR = {
    "Message": component(SPEC, "schemas", "AspNetError")["properties"]["Message"]["example"]
}
DATE_FIELDS = [
    name
    for name, prop in component(SPEC, "schemas", "UntrustedCredentials")["properties"].items()
    if prop.get("format") == "date-time"
]
PLUS_TWO = datetime.timezone(datetime.timedelta(hours=2))


def answer(status: int, **kwargs: Any) -> Responder:
    return lambda _request: httpx.Response(status, **kwargs)


def call(responder: Responder, *, raise_on_unexpected_status: bool = False) -> Any:
    client, _ = recording_client(responder, raise_on_unexpected_status=raise_on_unexpected_status)
    return save_untrusted_credentials_for_associate.sync_detailed(
        client=client, body=example_request()
    )


def test_error_statuses_are_the_documented_ones() -> None:
    assert ERROR_STATUSES == ["400", "401", "403", "413", "415", "500"]
    # CreateDefault, which takes no body, documents fewer (tests/spec).
    for op in BODY_OPERATIONS:
        statuses = response_statuses(SPEC, op.operation_id)
        assert [status for status in statuses if status >= "4"] == ERROR_STATUSES
        for status in ERROR_STATUSES:
            assert response(SPEC, op.operation_id, status)["content"]


@pytest.mark.parametrize("raise_on_unexpected_status", [False, True])
def test_204_with_a_json_null_body_is_tolerated(raise_on_unexpected_status: bool) -> None:
    responder = answer(204, headers={"Content-Type": "application/json"}, content=b"null")
    result = call(responder, raise_on_unexpected_status=raise_on_unexpected_status)
    assert result.status_code == HTTPStatus.NO_CONTENT
    assert result.parsed is None


@pytest.mark.parametrize("status", ERROR_STATUSES)
def test_superoffice_error_is_parsed_into_its_model(status: str) -> None:
    result = call(answer(int(status), json=SUPEROFFICE_ERROR))
    assert isinstance(result.parsed, SuperOfficeError)
    assert result.parsed.to_dict() == SUPEROFFICE_ERROR
    assert result.parsed.error_message == SUPEROFFICE_ERROR["ErrorMessage"]


@pytest.mark.parametrize("status", ERROR_STATUSES)
def test_aspnet_error_is_parsed_into_its_model(status: str) -> None:
    result = call(answer(int(status), json=ASPNET_ERROR))
    assert isinstance(result.parsed, AspNetError)
    assert result.parsed.to_dict() == ASPNET_ERROR


# An IIS or proxy error page, JSON of neither error shape, and a JSON null.
UNDESCRIBED_BODIES = [
    b"<html><body>Request Entity Too Large</body></html>",
    b'{"Unrelated": 1}',
    b"null",
]


@pytest.mark.parametrize("content", UNDESCRIBED_BODIES)
@pytest.mark.parametrize("status", ERROR_STATUSES)
def test_an_error_body_the_spec_does_not_describe_is_returned_unparsed(
    status: str, content: bytes
) -> None:
    result = call(answer(int(status), content=content))
    assert result.status_code == int(status)
    assert result.parsed is None
    assert result.content == content


@pytest.mark.parametrize("content", UNDESCRIBED_BODIES)
def test_an_error_body_the_spec_does_not_describe_raises_when_asked_to(content: bytes) -> None:
    with pytest.raises(UnexpectedStatus) as raised:
        call(answer(413, content=content), raise_on_unexpected_status=True)
    assert raised.value.status_code == 413
    assert raised.value.content == content


def test_undocumented_status_raises_when_asked_to() -> None:
    with pytest.raises(UnexpectedStatus) as raised:
        call(answer(418, content=b"teapot"), raise_on_unexpected_status=True)
    assert raised.value.status_code == 418
    assert raised.value.content == b"teapot"


def test_undocumented_status_is_returned_unparsed_by_default() -> None:
    result = call(answer(418, content=b"teapot"))
    assert result.status_code == 418
    assert result.parsed is None
    assert result.content == b"teapot"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2019-07-14T03:24:48.5653818+02:00",
            datetime.datetime(2019, 7, 14, 3, 24, 48, 565381, PLUS_TWO),
        ),
        (
            "2019-07-14T01:24:48.5653818Z",
            datetime.datetime(2019, 7, 14, 1, 24, 48, 565381, datetime.UTC),
        ),
        ("2019-07-14T03:24:48+02:00", datetime.datetime(2019, 7, 14, 3, 24, 48, tzinfo=PLUS_TWO)),
        # With SO-TimeZone set and no includeTZOffset the vendor sends no offset.
        ("2019-07-14T03:24:48.5653818", datetime.datetime(2019, 7, 14, 3, 24, 48, 565381)),
        # The vendor's "unset" date.
        ("0001-01-01T00:00:00", datetime.datetime(1, 1, 1)),
    ],
)
def test_vendor_dates_are_parsed(text: str, expected: datetime.datetime) -> None:
    credentials = UntrustedCredentials.from_dict(dict.fromkeys(DATE_FIELDS, text))
    parsed = [credentials.valid_from, credentials.valid_to]
    assert parsed == [expected, expected]
    assert [value.utcoffset() for value in parsed] == [expected.utcoffset()] * 2  # type: ignore[union-attr]

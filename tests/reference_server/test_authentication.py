"""Each way to authenticate, each way to fail, limited identities and the app token.

Guards proven by removing them (by hand, once):
- the XSRF cookie check in Authenticator._presented (header alone accepted):
  test_rejected_credentials[xsrf header without cookie] fails (204).
- identity.scheme comparison in Authenticator._match: test_rejected_credentials
  [bearer token as ticket] fails (204).
- the limited-identity check in pipeline.py: test_limited_identity_is_refused_for_others
  fails (204 or 200) for every operation.
- _app_token_ok: test_required_app_token fails (204 without the token).
- .lower() on the scheme word: test_each_scheme_is_accepted[SOTICKET upper case] fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spec_loader.auth import basic_authorization
from tests.reference_server.live_server import (
    BASIC_AUTHORIZATION,
    BEARER,
    GET,
    LIMITED,
    LIMITED_ASSOCIATE,
    OPERATION_IDS,
    REMOVE,
    SAVE,
    TICKET,
    XSRF_TOKEN,
    Server,
    credential,
    running_server,
    valid_request,
)

XSRF_HEADERS = {"X-XSRF-TOKEN": XSRF_TOKEN, "Cookie": f"XSRF-TOKEN={XSRF_TOKEN}"}
EXPECTED_CHALLENGE = (
    'Basic realm="SuperOffice", SOTicket realm="SuperOffice", Bearer realm="SuperOffice"'
)


def basic(user_password: str) -> dict[str, str]:
    return {"Authorization": basic_authorization(user_password)}


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"Authorization": BASIC_AUTHORIZATION}, id="Basic"),
        pytest.param({"Authorization": f"SOTicket {TICKET}"}, id="SOTicket"),
        pytest.param({"Authorization": f"SOTICKET {TICKET}"}, id="SOTICKET upper case"),
        pytest.param({"Authorization": f"Bearer {BEARER}"}, id="Bearer"),
        pytest.param({"Authorization": f"bearer {BEARER}"}, id="bearer lower case"),
        pytest.param(XSRF_HEADERS, id="XSRF header and cookie"),
    ],
)
def test_each_scheme_is_accepted(server: Server, headers: dict[str, str]) -> None:
    response = server.post_json(credential("scheme"), headers=headers)

    assert response.status_code == 204, response.text


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({}, id="no credentials"),
        pytest.param(basic("admin:wrong-password"), id="wrong password"),
        pytest.param(basic("nobody:basic-password-1f9c"), id="unknown user"),
        pytest.param({"Authorization": "Basic !!not-base64!!"}, id="malformed basic"),
        pytest.param({"Authorization": "SOTicket 7T:made-up"}, id="wrong ticket"),
        pytest.param({"Authorization": f"SOTicket {BEARER}"}, id="bearer token as ticket"),
        pytest.param({"Authorization": f"Negotiate {TICKET}"}, id="unknown scheme"),
        pytest.param({"Authorization": TICKET}, id="no scheme word"),
        pytest.param({"X-XSRF-TOKEN": XSRF_TOKEN}, id="xsrf header without cookie"),
        pytest.param({"Cookie": f"XSRF-TOKEN={XSRF_TOKEN}"}, id="xsrf cookie without header"),
        pytest.param(
            {"X-XSRF-TOKEN": "other", "Cookie": "XSRF-TOKEN=other"}, id="xsrf equal but wrong"
        ),
        pytest.param(
            {"X-XSRF-TOKEN": XSRF_TOKEN, "Cookie": "XSRF-TOKEN=different"},
            id="xsrf header differs from cookie",
        ),
    ],
)
def test_rejected_credentials(server: Server, headers: dict[str, str]) -> None:
    response = server.post_json(credential("rejected"), headers=headers)

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == EXPECTED_CHALLENGE
    assert response.json()["ErrorType"] == "UnauthorizedException"
    assert server.exported_type("rejected") == []


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_authentication_comes_before_media_type_and_size(server: Server, operation_id: str) -> None:
    response = server.post(b"x" * 10, "text/plain", headers={}, operation_id=operation_id)

    assert response.status_code == 401


def test_limited_identity_saves_for_its_own_associate(server: Server) -> None:
    response = server.post_json(credential("limited-own"), headers=LIMITED)

    assert response.status_code == 204, response.text


@pytest.mark.parametrize(
    ("operation_id", "verb"),
    [(SAVE, "save"), (GET, "read"), (REMOVE, "remove")],
)
def test_limited_identity_is_refused_for_others(
    server: Server, operation_id: str, verb: str
) -> None:
    other = LIMITED_ASSOCIATE + 1
    type_ = f"limited-other {operation_id}"
    saved_for_other = {**credential(type_), "AssociateId": other}
    assert server.post_json(saved_for_other).status_code == 204  # by the administrator
    document = {**valid_request(operation_id, type_, Comment="refused"), "AssociateId": other}

    response = server.post_json(document, headers=LIMITED, operation_id=operation_id)

    assert response.status_code == 403
    assert response.json()["ErrorMessage"] == (
        f"AssociateId: not allowed to {verb} credentials for associate {other}"
    )
    # neither replaced nor removed
    assert server.exported_type(type_, reveal_secrets=True) == [saved_for_other]


def test_required_app_token(database: Path) -> None:
    args = ("--ticket", TICKET, "--require-app-token", "app-token-1")
    with running_server(database, args) as server:
        ticket = {"Authorization": f"SOTicket {TICKET}"}

        missing = server.post_json(credential("app-token"), headers=ticket)
        wrong = server.post_json(credential("app-token"), {**ticket, "SO-AppToken": "app-token-2"})
        right = server.post_json(credential("app-token"), {**ticket, "SO-AppToken": "app-token-1"})

    assert (missing.status_code, wrong.status_code, right.status_code) == (401, 401, 204)
    assert "WWW-Authenticate" in missing.headers

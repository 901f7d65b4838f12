"""The generated client (generated_client/) round-trips against the reference server.

Proven able to fail (by hand, once): with Basic credentials compared without
base64-decoding them, test_generated_client_saves_and_reads_back fails (401).
"""

from __future__ import annotations

import datetime
from typing import get_args

import pytest
from superoffice_webapi_client import AuthenticatedClient, basic_token
from superoffice_webapi_client.api.user_agent import save_untrusted_credentials_for_associate
from superoffice_webapi_client.api.user_agent.save_untrusted_credentials_for_associate import (
    JsonContentType,
)
from superoffice_webapi_client.models import (
    SaveUntrustedCredentialsForAssociateRequest,
    SuperOfficeError,
    UntrustedCredentials,
)

from tests.server.conftest import BASIC_PASSWORD, BASIC_USER, LIMITED_ASSOCIATE, Server

VALID_FROM = datetime.datetime(2019, 7, 14, 3, 24, 48, 565381, tzinfo=datetime.UTC)


def client_for(server: Server) -> AuthenticatedClient:
    token = basic_token(BASIC_USER, BASIC_PASSWORD)
    return AuthenticatedClient(base_url=server.running.base_url, token=token, prefix="Basic")


def request(type_: str, comment: str) -> SaveUntrustedCredentialsForAssociateRequest:
    credentials = UntrustedCredentials(
        valid_from=VALID_FROM,
        comment=comment,
        secret_value="client-secret-1",
        public_value=None,
        is_active=True,
    )
    return SaveUntrustedCredentialsForAssociateRequest(
        associate_id=LIMITED_ASSOCIATE, type_=type_, credentials=credentials
    )


@pytest.mark.parametrize("content_type", get_args(JsonContentType))
def test_generated_client_saves_and_reads_back(
    server: Server, content_type: JsonContentType
) -> None:
    type_ = f"client {content_type}"
    with client_for(server) as client:
        response = save_untrusted_credentials_for_associate.sync_detailed(
            client=client, body=request(type_, "saved by the client"), content_type=content_type
        )

    assert response.status_code == 204, response.content
    [row] = server.exported_type(type_, reveal_secrets=True)
    assert row["Credentials"] == {
        "ValidFrom": VALID_FROM.isoformat(),
        "Comment": "saved by the client",
        "SecretValue": "client-secret-1",
        "PublicValue": None,
        "IsActive": True,
    }


def test_generated_client_parses_the_error_body(server: Server) -> None:
    with client_for(server) as client:
        response = save_untrusted_credentials_for_associate.sync_detailed(
            client=client, body=request("client-error", "x" * 256)
        )

    assert response.status_code == 400
    assert isinstance(response.parsed, SuperOfficeError)
    assert (
        response.parsed.error_message == "Credentials.Comment: must be at most 255 characters long"
    )

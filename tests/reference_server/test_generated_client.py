"""The generated client (generated_client/) against the reference server, over real HTTP:
each JSON media type of a save, the whole lifecycle (save, read back, remove, read
again), the typed errors, and the caller's own flow as docs/client.md shows it.

Proven able to fail (by hand, once): with Basic credentials compared without
base64-decoding them, test_generated_client_saves_and_reads_back fails (401).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from pathlib import Path
from typing import get_args

import pytest
from superoffice_webapi_client import AuthenticatedClient, errors
from superoffice_webapi_client.api.user_agent import (
    get_untrusted_credentials_for_associate,
    remove_untrusted_credentials_for_associate,
    save_untrusted_credentials_for_associate,
)
from superoffice_webapi_client.api.user_agent.save_untrusted_credentials_for_associate import (
    JsonContentType,
)
from superoffice_webapi_client.models import (
    GetUntrustedCredentialsForAssociateRequest,
    RemoveUntrustedCredentialsForAssociateRequest,
    SaveUntrustedCredentialsForAssociateRequest,
    SuperOfficeError,
    UntrustedCredentials,
)
from superoffice_webapi_client.types import UNSET

from tests.reference_server.live_server import (
    LIMITED_ASSOCIATE,
    LIMITED_TICKET,
    Server,
    client_for,
)

VALID_FROM = datetime.datetime(2019, 7, 14, 3, 24, 48, 565381, tzinfo=datetime.UTC)
SECRET = "client-secret-1"
CLIENT_PAGE = Path(__file__).resolve().parents[2] / "docs" / "client.md"
OWN_FLOW_MARKER = "create_default_untrusted_credentials.sync("


def limited_client_for(server: Server) -> AuthenticatedClient:
    """The associate's own ticket: the one identity besides system users that sees secrets."""
    return AuthenticatedClient(
        base_url=server.running.base_url, token=LIMITED_TICKET, prefix="SOTicket"
    )


def credentials(comment: str, public_value: str | None = None) -> UntrustedCredentials:
    return UntrustedCredentials(
        valid_from=VALID_FROM,
        comment=comment,
        secret_value=SECRET,
        public_value=public_value,
        is_active=True,
    )


def request(type_: str, comment: str) -> SaveUntrustedCredentialsForAssociateRequest:
    return SaveUntrustedCredentialsForAssociateRequest(
        associate_id=LIMITED_ASSOCIATE, type_=type_, credentials=credentials(comment)
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
        "SecretValue": SECRET,
        "PublicValue": None,
        "IsActive": True,
    }


@pytest.mark.parametrize(
    ("make_client", "sees_secret"),
    [(client_for, False), (limited_client_for, True)],
    ids=["administrator", "the-associate-itself"],
)
def test_generated_client_saves_reads_back_and_removes(
    server: Server, make_client: Callable[[Server], AuthenticatedClient], sees_secret: bool
) -> None:
    type_ = f"lifecycle-{sees_secret}"
    public_value = "imap.example.com:993/lifecycle@example.com"
    saved = credentials("the whole lifecycle", public_value)
    with make_client(server) as client:
        save_untrusted_credentials_for_associate.sync(
            client=client,
            body=SaveUntrustedCredentialsForAssociateRequest(
                associate_id=LIMITED_ASSOCIATE, type_=type_, credentials=saved
            ),
        )
        read = GetUntrustedCredentialsForAssociateRequest(
            associate_id=LIMITED_ASSOCIATE, type_=type_
        )
        [read_back] = get_untrusted_credentials_for_associate.sync(client=client, body=read)
        remove_untrusted_credentials_for_associate.sync(
            client=client,
            body=RemoveUntrustedCredentialsForAssociateRequest(
                associate_id=LIMITED_ASSOCIATE, type_=type_, public_value=public_value
            ),
        )
        after_remove = get_untrusted_credentials_for_associate.sync(client=client, body=read)

    assert read_back.valid_from == VALID_FROM
    assert (read_back.comment, read_back.public_value, read_back.is_active) == (
        saved.comment,
        public_value,
        True,
    )
    assert read_back.secret_value == (SECRET if sees_secret else UNSET)
    assert after_remove == []


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


def test_generated_client_raises_the_typed_error(server: Server) -> None:
    with client_for(server) as client, pytest.raises(errors.BadRequestError) as raised:
        save_untrusted_credentials_for_associate.sync(
            client=client, body=request("client-typed-error", "x" * 256)
        )

    assert isinstance(raised.value.body, SuperOfficeError)
    assert "Credentials.Comment: must be at most 255 characters long" in str(raised.value)
    assert SECRET not in str(raised.value)


def own_flow_example() -> str:
    """The one Python example of docs/client.md that starts from CreateDefault."""
    page = CLIENT_PAGE.read_text(encoding="utf-8")
    blocks: list[str] = re.findall(r"```python\n(.*?)```", page, re.DOTALL)
    [block] = [block for block in blocks if OWN_FLOW_MARKER in block]
    return block


def test_the_own_flow_example_runs_as_shown(
    server: Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example = own_flow_example()
    monkeypatch.setenv("SUPEROFFICE_URL", server.running.base_url)
    monkeypatch.setenv("SUPEROFFICE_TICKET", LIMITED_TICKET)
    monkeypatch.setenv("SMTP_PASSWORD", SECRET)

    exec(compile(example, str(CLIENT_PAGE), "exec"), {})

    printed = capsys.readouterr().out
    # The output the page shows, as the comment under the print.
    [shown] = re.findall(r"print\(.*\)\n +# (.*)\n", example)
    assert printed == f"{shown}\n"
    assert server.exported_type("smtp") == []  # removed again

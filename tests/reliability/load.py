"""Writers that save credentials through the generated client, for as long as the server answers."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import httpx
from superoffice_webapi_client.api.user_agent import save_untrusted_credentials_for_associate
from superoffice_webapi_client.models import (
    SaveUntrustedCredentialsForAssociateRequest,
    UntrustedCredentials,
)

from tests.reference_server.live_server import LIMITED_ASSOCIATE, Server, client_for

# A save that takes longer than this is stuck: the writer gives up instead of hanging.
REQUEST_TIMEOUT = httpx.Timeout(10.0)


@dataclass(frozen=True)
class Save:
    public_value: str
    secret_value: str
    comment: str


@dataclass
class Tally:
    """What the writers saw; appended to by several threads (list.append is atomic)."""

    acknowledged: list[Save] = field(default_factory=list)
    other_statuses: list[int] = field(default_factory=list)
    transport_errors: list[str] = field(default_factory=list)


def request_for(type_: str, save: Save) -> SaveUntrustedCredentialsForAssociateRequest:
    credentials = UntrustedCredentials(
        comment=save.comment,
        secret_value=save.secret_value,
        public_value=save.public_value,
        is_active=True,
    )
    return SaveUntrustedCredentialsForAssociateRequest(
        associate_id=LIMITED_ASSOCIATE, type_=type_, credentials=credentials
    )


def write(
    server: Server, type_: str, saves: list[Save], tally: Tally, stop: threading.Event
) -> None:
    """Save each of ``saves`` in turn; stop at the first transport error or when told to."""
    with client_for(server).with_timeout(REQUEST_TIMEOUT) as client:
        for save in saves:
            if stop.is_set():
                return
            try:
                response = save_untrusted_credentials_for_associate.sync_detailed(
                    client=client, body=request_for(type_, save)
                )
            except httpx.HTTPError as error:  # the server is gone: expected after a kill
                tally.transport_errors.append(type(error).__name__)
                return
            if response.status_code == 204:
                tally.acknowledged.append(save)
            else:
                tally.other_statuses.append(response.status_code)


def run_writers(
    server: Server, type_: str, plans: list[list[Save]], tally: Tally, stop: threading.Event
) -> list[threading.Thread]:
    """One started thread per plan; the caller joins them."""
    threads = [
        threading.Thread(target=write, args=(server, type_, plan, tally, stop), daemon=True)
        for plan in plans
    ]
    for thread in threads:
        thread.start()
    return threads

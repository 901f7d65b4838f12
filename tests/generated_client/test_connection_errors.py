"""When no answer comes, the error names the host, the port and the cause.

`failure_cause` in generator/templates/_runtime.py.jinja reads the cause from httpx's
error and the OSError under it. Guard proved by hand: with the message back to
`no answer after N attempts (ConnectError)`, every test here fails.
"""

from __future__ import annotations

import socket

import httpx
import pytest
from superoffice_webapi_client import AuthenticatedClient, errors

from tests.generated_client.operations import SAVE
from tests.generated_client.recording import FakeClock, recording_client


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def failing(error: Exception) -> httpx.Response:
    raise error


def raised_by(error: Exception, **client_args: object) -> str:
    """The message of the error a save raises when every attempt fails with ``error``."""
    client, _ = recording_client(lambda _request: failing(error), **client_args)
    with pytest.raises(errors.ApiConnectionError) as caught:
        SAVE.module.sync(client=client, body=SAVE.example_body(), max_retries=1)
    return str(caught.value)


def wrapped(cause: OSError) -> httpx.ConnectError:
    """An httpx.ConnectError over ``cause``, as httpx raises it (through httpcore)."""
    try:
        raise httpx.ConnectError(str(cause)) from cause
    except httpx.ConnectError as error:
        return error


def test_a_refused_connection_names_host_port_and_cause() -> None:
    port = closed_port()
    client = AuthenticatedClient(
        base_url=f"http://127.0.0.1:{port}", token="unused", clock=FakeClock()
    )
    with pytest.raises(errors.ApiConnectionError) as caught:
        SAVE.module.sync(client=client, body=SAVE.example_body())
    assert str(caught.value) == (
        f"POST {SAVE.path}: no answer from 127.0.0.1 port {port}: connection refused (3 attempts)"
    )


def test_a_name_not_found_says_so() -> None:
    lookup = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    message = raised_by(wrapped(lookup))
    # recording_client's base URL is https://127.0.0.1/SuperOffice: port 443 by default.
    assert message.endswith(": no answer from 127.0.0.1 port 443: name not found (2 attempts)")


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (httpx.ConnectTimeout("slow"), "timed out after 5 s to connect"),
        (httpx.ReadTimeout("slow"), "timed out after 30 s for the answer"),
    ],
)
def test_a_timeout_says_which_and_how_long(error: httpx.TimeoutException, words: str) -> None:
    client, _ = recording_client(lambda _request: failing(error))
    with pytest.raises(errors.ApiTimeoutError) as caught:
        SAVE.module.sync(client=client, body=SAVE.example_body(), max_retries=0)
    assert str(caught.value).endswith(f"port 443: {words} (1 attempt)")


def test_a_per_call_timeout_is_the_one_named() -> None:
    client, _ = recording_client(lambda _request: failing(httpx.ReadTimeout("slow")))
    with pytest.raises(errors.ApiTimeoutError, match=r"timed out after 0\.25 s for the answer"):
        SAVE.module.sync(client=client, body=SAVE.example_body(), max_retries=0, timeout=0.25)


def test_a_reset_connection_says_so() -> None:
    assert raised_by(wrapped(ConnectionResetError(104, "Connection reset by peer"))).endswith(
        ": connection reset (2 attempts)"
    )

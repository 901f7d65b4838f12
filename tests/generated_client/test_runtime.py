"""The client's defaults and helpers: timeouts, User-Agent, servers, logging.

Guards proved by removing them once by hand (in a copy of the generated package):
- the `is_sensitive_header` test in `_redacted_headers` (_runtime.py.jinja):
  test_debug_logs_of_a_save_hold_no_secret fails for every scheme, and so does
  test_the_environment_variable_switches_logging_on at debug;
- the enum check in servers.py.jinja: test_server_enums_are_checked fails.
"""

from __future__ import annotations

import logging
import math
import os
import subprocess
import sys
import textwrap

import httpx
import pytest
from superoffice_webapi_client import AuthenticatedClient, __version__, servers
from superoffice_webapi_client._runtime import DEFAULT_TIMEOUT, LOG_ENV_VAR

from generator.versions import configured_version
from tests.generated_client.auth_cases import AUTH_CASES
from tests.generated_client.operations import SAVE
from tests.generated_client.recording import BASE_URL, EXAMPLE_BODY, SPEC, recording_client

SECRET = EXAMPLE_BODY["Credentials"]["SecretValue"]
LOGGER = "superoffice_webapi_client"


def test_the_default_timeout_is_finite() -> None:
    client = AuthenticatedClient(base_url=BASE_URL, token="t")
    timeout = client.get_httpx_client().timeout
    assert timeout == DEFAULT_TIMEOUT
    assert timeout.connect == 5.0
    for seconds in (timeout.read, timeout.write, timeout.pool):
        assert seconds is not None
        assert math.isfinite(seconds)
    assert client.get_async_httpx_client().timeout == DEFAULT_TIMEOUT


def test_the_timeout_can_be_set_per_client_and_per_call() -> None:
    client, sent = recording_client(timeout=httpx.Timeout(2.0))
    SAVE.module.sync(client=client, body=SAVE.example_body())
    SAVE.module.sync(client=client, body=SAVE.example_body(), timeout=0.25)
    client_wide, per_call = (request.extensions["timeout"] for request in sent)
    assert client_wide == httpx.Timeout(2.0).as_dict()
    assert per_call == httpx.Timeout(0.25).as_dict()


def test_the_user_agent_names_the_package_and_version_before_httpx() -> None:
    client, sent = recording_client()
    SAVE.module.sync(client=client, body=SAVE.example_body())
    assert __version__ == configured_version()
    assert sent[0].headers["User-Agent"] == (
        f"superoffice-webapi-client/{__version__} python-httpx/{httpx.__version__}"
    )


def test_a_user_agent_of_the_caller_wins() -> None:
    client, sent = recording_client(headers={"user-agent": "my-app/1"})
    SAVE.module.sync(client=client, body=SAVE.example_body())
    assert sent[0].headers.get_list("User-Agent") == ["my-app/1"]


def server_defaults(index: int) -> dict[str, str]:
    return {name: var["default"] for name, var in SPEC["servers"][index]["variables"].items()}


def test_servers_fill_the_spec_s_url_templates() -> None:
    onsite = server_defaults(0)
    assert servers.onsite("crm.acme.test") == (
        f"{onsite['scheme']}://crm.acme.test/{onsite['site']}"
    )
    assert servers.onsite("intranet", site="SO", scheme="http") == "http://intranet/SO"
    online = server_defaults(1)
    assert servers.online("Cust999") == f"https://{online['environment']}.superoffice.com/Cust999"
    assert servers.online("Cust1", environment="sod") == "https://sod.superoffice.com/Cust1"


def test_server_enums_are_checked() -> None:
    with pytest.raises(ValueError, match="environment must be one of sod, stage, online"):
        servers.online("Cust1", environment="prod")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="scheme must be one of https, http"):
        servers.onsite("crm", scheme="ftp")  # type: ignore[arg-type]


def test_the_reference_server_is_served_at_the_root_of_its_address() -> None:
    # Its ready line prints http://HOST:PORT, and its paths are the spec's, from the root.
    assert servers.reference("127.0.0.1:8000") == "http://127.0.0.1:8000"
    assert servers.reference("ref.test:8443", scheme="https") == "https://ref.test:8443"
    with pytest.raises(ValueError, match="non-empty URL part"):
        servers.reference("127.0.0.1:8000/SuperOffice")


@pytest.mark.parametrize("value", ["", "evil.test/x", "a?b", "a#b", "user@host", "a b"])
def test_server_variables_cannot_leave_their_place_in_the_url(value: str) -> None:
    with pytest.raises(ValueError, match="non-empty URL part"):
        servers.onsite(value)


@pytest.mark.parametrize("name", sorted(AUTH_CASES))
def test_debug_logs_of_a_save_hold_no_secret(name: str, caplog: pytest.LogCaptureFixture) -> None:
    case = AUTH_CASES[name]
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    client, _ = recording_client(
        lambda _request: httpx.Response(503, headers={"Set-Cookie": "session=s3cr3t-cookie"}),
        **case.client_args,
    )
    with pytest.raises(Exception, match="503"):
        SAVE.module.sync(client=client, body=SAVE.example_body(), so_app_token="app-token-42")
    logged = caplog.text
    assert "POST https://127.0.0.1/SuperOffice/api/v1/Agents/User/Save" in logged
    assert "-> 503" in logged
    assert "(retry 2 of 2)" in logged
    assert "request headers:" in logged
    credentials = [SECRET, case.client_args["token"], *case.headers.values()]
    credentials += [*case.cookies.values(), "app-token-42", "s3cr3t-cookie"]
    for credential in credentials:
        assert credential not in logged


def test_nothing_is_logged_by_default(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    client, _ = recording_client()
    SAVE.module.sync(client=client, body=SAVE.example_body())
    assert [record for record in caplog.records if record.name == LOGGER] == []


LOGGED_CALL = textwrap.dedent(
    """
    import httpx
    from superoffice_webapi_client import AuthenticatedClient
    from superoffice_webapi_client.api.user_agent import save_untrusted_credentials_for_associate
    from tests.generated_client.recording import example_request
    client = AuthenticatedClient(
        base_url="https://crm.example.com/SuperOffice", token="7T:the-ticket", prefix="SOTicket",
        httpx_args={"transport": httpx.MockTransport(lambda request: httpx.Response(204))},
    )
    save_untrusted_credentials_for_associate.sync(client=client, body=example_request())
    """
)


@pytest.mark.parametrize(("level", "shown"), [("info", 1), ("debug", 3), ("", 0), ("verbose", 0)])
def test_the_environment_variable_switches_logging_on(level: str, shown: int) -> None:
    env = {**os.environ, LOG_ENV_VAR: level}
    done = subprocess.run(
        [sys.executable, "-c", LOGGED_CALL], env=env, capture_output=True, text=True, check=True
    )
    lines = [line for line in done.stderr.splitlines() if LOGGER in line]
    assert len(lines) == shown, done.stderr
    if shown:
        assert "POST https://crm.example.com/SuperOffice/api/v1/Agents/User/Save" in lines[0]
        assert "-> 204 in " in lines[0]
        assert "(retry 0 of 2)" in lines[0]
    assert "the-ticket" not in done.stderr
    assert SECRET not in done.stderr

"""generated_client/README.md as pasted: its server command and its Python blocks, for real.

The shell block's server command starts the reference server (on a free port instead
of 8000, with a database in a temporary folder), its `export` line sets the
environment the Python blocks read, and each Python block runs as it is against that
server. Guards proved by hand: with `prefix="Basic"` dropped from the README's Basic
client, test_each_authentication_client_is_accepted fails (401); with the README's
server command given an unknown flag, the server does not start.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from typing import Any

import pytest
from superoffice_webapi_client import AuthenticatedClient
from superoffice_webapi_client.api.user_agent import get_untrusted_credentials_for_associate
from superoffice_webapi_client.models import GetUntrustedCredentialsForAssociateRequest

from generator.build import CLIENT_DIR
from reference_server.launcher import RunningServer, start_server

README = CLIENT_DIR / "README.md"
TEXT = README.read_text(encoding="utf-8")
SHELL_BLOCKS: list[str] = re.findall(r"```sh\n(.*?)```", TEXT, re.DOTALL)
PYTHON_BLOCKS: list[str] = re.findall(r"```python\n(.*?)```", TEXT, re.DOTALL)
# The other schemes' identities, which the README's command leaves out (it shows one).
OTHER_IDENTITIES = {
    "SUPEROFFICE_USER": "admin",
    "SUPEROFFICE_PASSWORD": "readme-password-5e1f",
    "SUPEROFFICE_ACCESS_TOKEN": "8A:Cust12345.readme-token-77ab",
    "SUPEROFFICE_XSRF_TOKEN": "readme-xsrf-93c4",
}
OTHER_ARGS = [
    "--basic", f"{OTHER_IDENTITIES['SUPEROFFICE_USER']}:{OTHER_IDENTITIES['SUPEROFFICE_PASSWORD']}",
    "--bearer", OTHER_IDENTITIES["SUPEROFFICE_ACCESS_TOKEN"],
    "--xsrf", OTHER_IDENTITIES["SUPEROFFICE_XSRF_TOKEN"],
]  # fmt: skip


def the_block(marker: str) -> str:
    [block] = [block for block in PYTHON_BLOCKS if marker in block]
    return block


def server_command() -> tuple[list[str], dict[str, str]]:
    """The README's server arguments (after `python -m reference_server`) and its exports."""
    [block] = [block for block in SHELL_BLOCKS if "reference_server" in block]
    command, export = block.strip().splitlines()
    words = shlex.split(command)
    assert words[:3] == ["python", "-m", "reference_server"]
    exported = dict(word.split("=", 1) for word in shlex.split(export)[1:])
    return words[3:], exported


def without_options(args: list[str], options: set[str]) -> list[str]:
    """``args`` without these options and their values."""
    kept: list[str] = []
    words = iter(args)
    for word in words:
        if word in options:
            next(words)
        else:
            kept.append(word)
    return kept


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    # start_server sets the host, a free port and the database; the rest is the README's.
    args = without_options(server_command()[0], {"--port", "--database"})
    database = tmp_path_factory.mktemp("readme") / "credentials.sqlite3"
    with start_server(database=database, args=[*args, *OTHER_ARGS]) as running:
        yield running


@pytest.fixture
def environment(server: RunningServer, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    _, exported = server_command()
    assert exported["SUPEROFFICE_URL"] == "http://127.0.0.1:8000"
    exported["SUPEROFFICE_URL"] = server.base_url
    for name, value in {**exported, **OTHER_IDENTITIES}.items():
        monkeypatch.setenv(name, value)
    return exported


def run(block: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "readme"}
    exec(compile(block, str(README), "exec"), namespace)
    return namespace


def read_back(client: AuthenticatedClient) -> list[str]:
    body = GetUntrustedCredentialsForAssociateRequest(associate_id=42, type_="imap")
    saved = get_untrusted_credentials_for_associate.sync(client=client, body=body)
    return [str(credential.public_value) for credential in saved]


def test_the_readme_has_the_blocks_this_test_runs() -> None:
    assert len(PYTHON_BLOCKS) == 3
    assert server_command()[0][:2] == ["--database", "credentials.sqlite3"]


@pytest.mark.usefixtures("environment")
def test_each_authentication_client_is_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    clients = run(the_block("basic_token("))["clients"]
    assert capsys.readouterr().out == "4 client(s)\n"
    for client in clients:
        with client:
            assert read_back(client) == []


def test_the_three_calls_save_read_back_and_remove(
    environment: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    run(the_block("remove_untrusted_credentials_for_associate.sync("))
    assert capsys.readouterr().out == "['imap.example.com:993/support@example.com']\n"
    url, ticket = environment["SUPEROFFICE_URL"], environment["SUPEROFFICE_TICKET"]
    with AuthenticatedClient(base_url=url, token=ticket, prefix="SOTicket") as client:
        assert read_back(client) == []


@pytest.mark.usefixtures("environment")
def test_the_errors_example_raises_typed_errors(capsys: pytest.CaptureFixture[str]) -> None:
    run(the_block("except errors.ApiConnectionError"))
    refused, unreachable = capsys.readouterr().out.splitlines()
    assert refused.startswith(
        "POST /api/v1/Agents/User/SaveUntrustedCredentialsForAssociate answered 400 Bad Request"
    )
    assert "SecretValue" in refused
    assert "x" * 71 not in refused
    assert unreachable.endswith(": no answer from 127.0.0.1 port 9: connection refused (1 attempt)")

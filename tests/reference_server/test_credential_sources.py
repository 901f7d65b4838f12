"""Credentials from --credentials-file and REFERENCE_SERVER_CREDENTIALS: accepted as if given as
flags, and never on the command line, in the output or in an error message."""

from __future__ import annotations

import base64
import secrets
from pathlib import Path

from reference_server.credential_sources import CREDENTIALS_ENV_VAR
from reference_server.launcher import run_command
from tests.reference_server.live_server import credential, running_server

USER = f"file-user-{secrets.token_hex(4)}"
PASSWORD = secrets.token_urlsafe(16)
ENV_TICKET = f"7T:env-ticket-{secrets.token_hex(8)}"
APP_TOKEN = f"app-token-{secrets.token_hex(8)}"
BASIC = {"Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()}
TICKET = {"Authorization": f"SOTicket {ENV_TICKET}"}


def test_identities_from_the_file_and_the_variable_are_accepted(
    tmp_path: Path, database: Path
) -> None:
    credentials_file = tmp_path / "credentials"
    credentials_file.write_text(
        f"# the test's administrator\n--basic '{USER}:{PASSWORD}'\n"
        f"--require-app-token {APP_TOKEN}\n",
        encoding="utf-8",
    )
    env = {CREDENTIALS_ENV_VAR: f"--ticket {ENV_TICKET}@system"}
    args = ("--credentials-file", str(credentials_file))
    with running_server(database, args=args, env=env) as server:
        app_token = {"SO-AppToken": APP_TOKEN}
        from_file = server.post_json(credential("from-file"), headers={**BASIC, **app_token})
        from_env = server.post_json(credential("from-env"), headers={**TICKET, **app_token})
        without_app_token = server.post_json(credential("no-app-token"), headers=BASIC)
        output = server.running.output()
        command_line = " ".join(server.running.process.args)  # type: ignore[arg-type]

    assert (from_file.status_code, from_env.status_code) == (204, 204)
    assert without_app_token.status_code == 401
    # Given this way, no development identity is made up.
    assert "No identity flag given" not in output
    for secret in (PASSWORD, ENV_TICKET, APP_TOKEN, BASIC["Authorization"].split()[1]):
        assert secret not in output
        assert secret not in command_line


def test_a_word_that_is_not_a_credential_flag_is_refused_without_quoting_it(
    tmp_path: Path,
) -> None:
    credentials_file = tmp_path / "credentials"
    # The flag forgotten: the password alone is the kind of line that must not be echoed.
    credentials_file.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    args = ["--database", str(tmp_path / "db.sqlite3"), "--credentials-file", str(credentials_file)]

    refused = run_command(args)

    assert refused.returncode == 2
    assert str(credentials_file) in refused.stderr
    assert "not a credential flag" in refused.stderr
    assert PASSWORD not in refused.stdout + refused.stderr


def test_only_credential_flags_may_appear_in_the_variable(tmp_path: Path) -> None:
    args = ["--database", str(tmp_path / "db.sqlite3")]

    refused = run_command(args, env={CREDENTIALS_ENV_VAR: f"--port 1 --basic '{USER}:{PASSWORD}'"})

    assert refused.returncode == 2
    assert CREDENTIALS_ENV_VAR in refused.stderr
    assert PASSWORD not in refused.stdout + refused.stderr

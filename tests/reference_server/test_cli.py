"""The command line and the logs: ready line, development identity, access lines without secrets.

Guards proven by removing them (by hand, once):
- access_log=False in cli.py (uvicorn's access log back on): test_logs_hold_no_secret
  fails (the query string, with its secret, is logged).
"""

from __future__ import annotations

import re
from pathlib import Path

import spec_loader
from reference_server.announce import READY_PREFIX
from reference_server.launcher import run_command
from tests.reference_server.live_server import (
    BASIC_AUTHORIZATION,
    BASIC_PASSWORD,
    SPEC,
    XSRF_TOKEN,
    Server,
    credential,
    running_server,
)


def test_logs_hold_no_secret(server: Server) -> None:
    secret = "SecretValue-for-the-log-test"
    document = credential("logs", SecretValue=secret)
    headers = {"Authorization": BASIC_AUTHORIZATION, "Cookie": f"XSRF-TOKEN={XSRF_TOKEN}"}

    saved = server.client.post(
        server.url(), json=document, headers=headers, params={"$select": secret}
    )
    refused = server.post_json(credential("logs", SecretValue=secret * 3))

    assert (saved.status_code, refused.status_code) == (204, 400)
    log = server.settled_log()
    assert re.search(
        r"POST /api/v1/Agents/User/SaveUntrustedCredentialsForAssociate 204 \d+\.\dms", log
    )
    for value in (secret, BASIC_AUTHORIZATION.split()[1], BASIC_PASSWORD, XSRF_TOKEN):
        assert value not in log


def test_ready_line_is_printed_once(server: Server) -> None:
    lines = server.running.output().splitlines()

    assert [line for line in lines if line.startswith(READY_PREFIX)] == [
        READY_PREFIX + server.running.base_url
    ]


def test_development_identity_is_printed_and_works(database: Path) -> None:
    with running_server(database, args=()) as server:
        ticket = re.search(r"Authorization: SOTicket (7T:\S+)", server.running.output())
        assert ticket is not None
        response = server.post_json(
            credential("development"), headers={"Authorization": f"SOTicket {ticket[1]}"}
        )

    assert response.status_code == 204
    assert "curl -i -X POST" in server.running.output()


def test_help_documents_every_option() -> None:
    serve_help = run_command(["--help"])
    export_help = run_command(["export", "--help"])

    for option in ("--host", "--port", "--database", "--basic", "--ticket", "--bearer", "--xsrf"):
        assert option in serve_help.stdout
    for option in ("--key-file", "--max-body-bytes", "--require-app-token", "@ASSOCIATE_ID"):
        assert option in serve_help.stdout
    assert "@system" in serve_help.stdout
    for operation in spec_loader.operations(SPEC):
        assert operation.path in serve_help.stdout
    assert "--reveal-secrets" in export_help.stdout

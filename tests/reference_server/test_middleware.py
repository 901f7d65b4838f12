"""reference_server/middleware.py: a bare 500 for a bug, and access lines that cannot be forged.

Moved here from test_errors.py and test_cli.py. Seen failing by hand: CatchAll removed
from the app's middleware list: test_unexpected_error_leaks_nothing fails (Starlette's
plain-text 500); urllib.parse.quote of the path in AccessLog removed:
test_log_line_cannot_be_forged fails.
"""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest

from reference_server.app import create_app
from reference_server.launcher import serve_app
from reference_server.settings import Identity, Scheme, Settings
from reference_server.storage import CredentialStore
from tests.reference_server.error_bodies import LONG_SECRET, SAVE_PATH, assert_error_body
from tests.reference_server.live_server import (
    ADMIN,
    BASIC_PASSWORD,
    BASIC_USER,
    Server,
    credential,
)


def test_unexpected_error_leaks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A bug (here: storage raising with the secret in its message) gives a bare 500."""

    def broken_save(*args: object) -> None:
        raise ValueError(LONG_SECRET)

    monkeypatch.setattr(CredentialStore, "save", broken_save)
    identity = Identity(Scheme.BASIC, f"{BASIC_USER}:{BASIC_PASSWORD}")
    settings = Settings(tmp_path / "db.sqlite3", (identity,), encryption_key=bytes(32))
    caplog.set_level(logging.ERROR, logger="reference_server")
    with serve_app(create_app(settings)) as base_url:
        response = httpx.post(
            base_url + SAVE_PATH,
            json=credential("bug", SecretValue=LONG_SECRET[:60]),
            headers=ADMIN,
        )

    assert_error_body(response, 500)
    assert LONG_SECRET[:60] not in response.text
    assert "unexpected ValueError at" in caplog.text
    assert LONG_SECRET[:20] not in caplog.text


def test_log_line_cannot_be_forged(server: Server) -> None:
    server.client.post(server.running.base_url + "/x%0AFORGED 204")

    log = server.settled_log()

    assert "\nFORGED" not in log
    assert "/x%0AFORGED%20204 404" in log

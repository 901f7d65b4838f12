"""Fixtures of the handler tests: a credential store on a fresh database."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from reference_server.keys import KEY_BYTES
from reference_server.secret_box import SecretBox
from reference_server.storage import CredentialStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CredentialStore]:
    opened = CredentialStore(
        tmp_path / "credentials.sqlite3", SecretBox(secrets.token_bytes(KEY_BYTES))
    )
    yield opened
    opened.close()

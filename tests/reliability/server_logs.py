"""Read a running server's log completely, and look for secrets in any text."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterable

from tests.server.conftest import Server

LOG_WAIT_SECONDS = 10.0


def settled_log(server: Server) -> str:
    """The server's output once every request answered so far has been logged.

    A marker request is sent last; its own access line comes after every earlier one.
    """
    marker = f"/log-marker-{secrets.token_hex(8)}"
    server.client.get(server.running.base_url + marker)
    deadline = time.monotonic() + LOG_WAIT_SECONDS
    while marker not in (log := server.running.output()):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the access line of {marker} never came")
        time.sleep(0.01)
    return log


def leaked(secret_values: Iterable[str], *texts: str) -> list[str]:
    """The secret values that occur in any of ``texts``."""
    return sorted({value for value in secret_values if any(value in text for text in texts)})

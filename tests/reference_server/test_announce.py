"""reference_server/announce.py: the ready line carries the real port, in the launcher's form.

Seen failing by hand: the ready line built from the configured port (``self.config.port``,
0 here) instead of the bound socket's: test_the_ready_line_names_the_bound_port fails.
"""

from __future__ import annotations

import threading
import time

import httpx
import pytest
import uvicorn

from reference_server.announce import READY_PATTERN, AnnouncingServer
from reference_server.launcher import LOOPBACK
from tests.reference_server.plain_app import ANSWER, PLAIN_APP

START_SECONDS = 10.0


def test_the_ready_line_names_the_bound_port(capsys: pytest.CaptureFixture[str]) -> None:
    announced: list[str] = []
    config = uvicorn.Config(PLAIN_APP, host=LOOPBACK, port=0, log_config=None, lifespan="off")
    server = AnnouncingServer(config, after_ready=announced.append)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + START_SECONDS
        while not announced and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        [base_url] = announced
        answer = httpx.get(base_url, timeout=START_SECONDS).text
    finally:
        server.should_exit = True
        thread.join(START_SECONDS)

    [line] = capsys.readouterr().out.splitlines()
    match = READY_PATTERN.fullmatch(line)  # as the launcher reads it: the URL, nothing more
    assert match is not None
    assert match["base_url"] == base_url
    assert httpx.URL(base_url).port not in (None, 0)
    assert answer == ANSWER

"""The one line that tells a caller (the launcher, a user) the server is ready, and where."""

from __future__ import annotations

import re
import socket
import sys
from collections.abc import Callable

import uvicorn

READY_PREFIX = "Reference server listening on "
READY_PATTERN = re.compile(re.escape(READY_PREFIX) + r"(?P<base_url>http://\S+)")


class AnnouncingServer(uvicorn.Server):
    """A uvicorn server that prints the ready line, with the real port, once it accepts requests."""

    def __init__(self, config: uvicorn.Config, after_ready: Callable[[str], None]) -> None:
        super().__init__(config)
        self._after_ready = after_ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if not self.started:
            return
        host, port = self.servers[0].sockets[0].getsockname()[:2]
        base_url = f"http://{host}:{port}"
        print(READY_PREFIX + base_url, flush=True)
        self._after_ready(base_url)
        sys.stdout.flush()

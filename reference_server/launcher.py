"""Run the reference server for tests and tools: as a subprocess, or any ASGI app in a thread."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import uvicorn
from starlette.types import ASGIApp

from reference_server.announce import READY_PATTERN
from reference_server.http_protocol import uvicorn_config

LOOPBACK = "127.0.0.1"
STOP_GRACE_SECONDS = 10.0
PROJECT_ROOT = Path(__file__).resolve().parent.parent
MODULE_COMMAND = (sys.executable, "-m", "reference_server")


class ServerStartError(RuntimeError):
    """The server exited or did not get ready in time; the message holds its output."""


class RunningServer:
    """A reference server subprocess. Its output is read continuously, so its pipe never fills."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.base_url = ""
        self._lines: list[str] = []
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._lock:
                self._lines.append(line)
            match = READY_PATTERN.fullmatch(line.rstrip("\n"))
            if match and not self._ready.is_set():
                self.base_url = match["base_url"]
                self._ready.set()
        self._ready.set()  # end of output: wake the waiter, which sees the exit

    def wait_ready(self, timeout: float) -> None:
        if self._ready.wait(timeout) and self.base_url:
            return
        self.kill()
        reason = "exited" if self.process.returncode not in (None, -signal.SIGKILL) else "timed out"
        raise ServerStartError(f"reference server {reason} before it was ready:\n{self.output()}")

    def output(self) -> str:
        """Everything the server has written so far (stdout and stderr, interleaved)."""
        with self._lock:
            return "".join(self._lines)

    def stop(self) -> None:
        """SIGTERM for a graceful shutdown; SIGKILL if it is not done within the grace period."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                self.kill()
        self._reader.join(STOP_GRACE_SECONDS)

    def kill(self) -> None:
        """SIGKILL: the abrupt end, as a crash would be."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._reader.join(STOP_GRACE_SECONDS)

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def child_environment(env: Mapping[str, str] | None) -> dict[str, str]:
    """This process's environment plus ``env``, with this checkout importable from anywhere."""
    child_env = {**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"}
    child_env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(PROJECT_ROOT), child_env.get("PYTHONPATH")])
    )
    return child_env


def run_command(
    args: Sequence[str], env: Mapping[str, str] | None = None, timeout: float = 60.0
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m reference_server ARGS`` (e.g. ``export``) to completion, output captured."""
    return subprocess.run(  # noqa: S603 (our own interpreter and module)
        [*MODULE_COMMAND, *args],
        capture_output=True,
        text=True,
        env=child_environment(env),
        timeout=timeout,
        check=False,
    )


def start_server(
    *,
    database: Path,
    args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    timeout: float = 30.0,
) -> RunningServer:
    """Start ``python -m reference_server`` on a free loopback port and wait until it is ready.

    ``env`` is added to this process's environment (it does not replace it).
    """
    command = [*MODULE_COMMAND, "--host", LOOPBACK, "--port", "0"]
    command += ["--database", str(database), *args]
    process = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        env=child_environment(env),
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    server = RunningServer(process)
    server.wait_ready(timeout)
    return server


@contextmanager
def serve_app(app: ASGIApp, timeout: float = 30.0) -> Iterator[str]:
    """Serve any ASGI app on a free loopback port in a background thread; yield its base URL.

    The HTTP layer is the reference server's own, so wrapped apps answer unreadable
    requests as it does.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((LOOPBACK, 0))
    port = sock.getsockname()[1]
    config = uvicorn_config(app, log_config=None, lifespan="auto")
    # Run outside the main thread, uvicorn leaves signal handling to the caller.
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise ServerStartError("the ASGI app did not start serving")
            time.sleep(0.01)
        yield f"http://{LOOPBACK}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()


__all__ = ["RunningServer", "ServerStartError", "run_command", "serve_app", "start_server"]

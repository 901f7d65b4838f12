"""A closed-loop HTTP/1.1 load generator: N keep-alive connections, one request in flight each.

Run as its own process (``python -m benchmarks.load``) so that it does not share a GIL
with the server it measures. It sends one prepared request again and again, written as
raw bytes: an HTTP client library would spend more time per request than the server,
and the benchmark would measure the client. Prints one JSON object: requests
completed, seconds, and each request's latency.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import urllib.parse
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class LoadRun:
    completed: int
    seconds: float
    latencies: list[float]

    @property
    def per_second(self) -> float:
        return self.completed / self.seconds


class UnexpectedAnswerError(RuntimeError):
    pass


def request_bytes(url: str, headers: Sequence[str], body: bytes) -> bytes:
    parts = urllib.parse.urlsplit(url)
    lines = [f"POST {parts.path} HTTP/1.1", f"Host: {parts.netloc}", *headers]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def read_answer(reader: asyncio.StreamReader) -> int:
    """One response's status; its body (by Content-Length) is read and dropped."""
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    length = 0
    for line in header_lines:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    if length:
        await reader.readexactly(length)
    return int(status_line.split(" ", 2)[1])


async def connection(
    url: str, request: bytes, expected: int, budget: list[int], deadline: float
) -> list[float]:
    parts = urllib.parse.urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    latencies = []
    try:
        while budget[0] > 0 and time.perf_counter() < deadline:
            budget[0] -= 1
            started = time.perf_counter()
            writer.write(request)
            status = await read_answer(reader)
            latencies.append(time.perf_counter() - started)
            if status != expected:
                raise UnexpectedAnswerError(f"expected {expected}, got {status}")
    finally:
        writer.close()
    return latencies


async def load(
    url: str, request: bytes, expected: int, connections: int, requests: int, seconds: float
) -> LoadRun:
    """Send ``requests`` requests over ``connections`` connections, stopping at ``seconds``."""
    budget = [requests]  # shared by the connections; the event loop runs one at a time
    started = time.perf_counter()
    deadline = started + seconds
    per_connection = await asyncio.gather(
        *(connection(url, request, expected, budget, deadline) for _ in range(connections))
    )
    elapsed = time.perf_counter() - started
    latencies = [latency for found in per_connection for latency in found]
    return LoadRun(len(latencies), elapsed, latencies)


def main(arguments: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__)
    parser.add_argument("url", help="the full URL to POST to (loopback only)")
    parser.add_argument("--header", action="append", default=[], help="'Name: value'")
    parser.add_argument("--body-file", type=Path, required=True)
    parser.add_argument("--expect", type=int, default=204, help="the status every answer has")
    parser.add_argument("--connections", type=int, required=True)
    parser.add_argument("--requests", type=int, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    options = parser.parse_args(arguments)
    request = request_bytes(options.url, options.header, options.body_file.read_bytes())
    run = asyncio.run(
        load(
            options.url,
            request,
            options.expect,
            options.connections,
            options.requests,
            options.seconds,
        )
    )
    json.dump(asdict(run), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

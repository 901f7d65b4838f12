"""Look at a reference server's SQLite files from outside: integrity, journal mode, raw bytes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

from tests.reference_server.live_server import Server

# SQLite keeps recent writes in these files beside the database until a checkpoint.
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")


def pragma(database: Path, name: str) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(database)) as connection:
        return connection.execute(f"PRAGMA {name}").fetchall()


def raw_bytes(database: Path) -> bytes:
    """The database and its side files as they are on disk, concatenated."""
    paths = [database, *(database.with_name(database.name + s) for s in SIDE_FILE_SUFFIXES)]
    return b"".join(path.read_bytes() for path in paths if path.exists())


def in_clear(values: Iterable[str], database: Path) -> list[str]:
    """The values that the database files hold in clear, as UTF-8 or as JSON escapes."""
    raw = raw_bytes(database)
    return sorted(
        value
        for value in set(values)
        if value.encode() in raw or json.dumps(value)[1:-1].encode() in raw
    )


def exported_rows(server: Server) -> list[dict[str, Any]]:
    """Every stored credential with its secrets, as `reference_server export` prints it."""
    finished = server.export("--reveal-secrets")
    assert finished.returncode == 0, finished.stderr
    return [json.loads(line) for line in finished.stdout.splitlines()]

"""The SQLite file that holds saved credentials, secrets sealed with AES-GCM.

One row per credential key (associate, type, public value); saving the same key again
replaces the row (last write wins), and a remove deletes it. The secret values are
sealed in one blob per row with a fresh nonce, and the row key is the associated data,
so a sealed blob moved to another row no longer opens. Saves and removes go through
one writer (group_commit), in the order they arrive; nothing is acknowledged before
its commit, and writes that arrive together share one.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from reference_server.group_commit import GroupCommitWriter, Params, RowsStatement
from reference_server.secret_box import SecretBox

# Long enough to ride out another process's write (e.g. `export` reading while a save commits).
BUSY_TIMEOUT_MS = 5000

SCHEMA = """
CREATE TABLE IF NOT EXISTS credentials (
    associate_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    public_value_key TEXT NOT NULL,
    document TEXT NOT NULL,
    sealed_secrets BLOB NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (associate_id, type, public_value_key)
);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
"""

# Rows of one statement are applied in order, so within a batch too the last write wins.
UPSERT = RowsStatement(
    head="INSERT INTO credentials"
    " (associate_id, type, public_value_key, document, sealed_secrets, saved_at) VALUES",
    row="(?, ?, ?, ?, ?, ?)",
    tail="ON CONFLICT (associate_id, type, public_value_key) DO UPDATE SET"
    " document = excluded.document,"
    " sealed_secrets = excluded.sealed_secrets,"
    " saved_at = excluded.saved_at",
)
# Row values in IN: SQLite 3.15 and later.
DELETE = RowsStatement(
    head="DELETE FROM credentials WHERE (associate_id, type, public_value_key) IN (VALUES",
    row="(?, ?, ?)",
    tail=")",
)
COLUMNS = "associate_id, type, public_value_key, document, sealed_secrets, saved_at"

# Sealed secrets are stored as [[path...], value] pairs: each secret with where it was.
SecretPairs = list[tuple[list[str], Any]]

# A known value sealed with the key when the database is created: opening the database
# with another key fails at once instead of mixing rows sealed with two keys.
KEY_CHECK_NAME = "key_check"
KEY_CHECK_PLAINTEXT = b"reference_server key check"


@dataclass(frozen=True)
class RowKey:
    associate_id: int
    type: str
    # A null or missing PublicValue is keyed as "" (SuperOffice stores no NULL strings).
    public_value_key: str

    def associated_data(self) -> bytes:
        return json.dumps([self.associate_id, self.type, self.public_value_key]).encode()


@dataclass(frozen=True)
class StoredRow:
    key: RowKey
    document: dict[str, Any]
    sealed_secrets: bytes
    saved_at: str


def json_bytes(value: Any) -> bytes:
    """A decoded request value as JSON: orjson's compact UTF-8, a tenth of json.dumps' cost.

    orjson refuses integers past 64 bits (and lone surrogates, which validation has
    already refused); those go through json.dumps, which writes them exactly. It would
    write NaN and infinities as null, but no decoder lets them in. Either text reads
    back the same with json.loads.
    """
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        return json.dumps(value).encode()


def connect(database: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        uri = f"{database.resolve().as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, isolation_level=None)
    else:
        connection = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return connection


def stored_row(columns: tuple[Any, ...]) -> StoredRow:
    associate_id, type_, public_value_key, document, sealed, saved_at = columns
    key = RowKey(associate_id, type_, public_value_key)
    return StoredRow(key, json.loads(document), sealed, saved_at)


class CredentialStore:
    """The server's handle on the database. Rows are sealed here, then committed in groups
    by one writer thread (group_commit): a save or remove returns only after its commit.
    Reads use a connection of their own, which sees every commit acknowledged so far."""

    def __init__(self, database: Path, box: SecretBox) -> None:
        self._box = box
        self._connection = connect(database)
        self._connection.execute("PRAGMA journal_mode = WAL")
        # FULL: a 204 means the row survives a crash of the machine, not only of the process.
        self._connection.execute("PRAGMA synchronous = FULL")
        self._connection.executescript(SCHEMA)
        self._check_or_record_key()
        self._writer = GroupCommitWriter(self._connection)
        self._reader = connect(database)
        # The reader is used from worker threads, one at a time.
        self._reading = threading.Lock()

    def _check_or_record_key(self) -> None:
        check_data = KEY_CHECK_NAME.encode()
        found = self._connection.execute(
            "SELECT value FROM meta WHERE name = ?", (KEY_CHECK_NAME,)
        ).fetchone()
        if found is None:
            sealed = self._box.seal(KEY_CHECK_PLAINTEXT, check_data)
            self._connection.execute(
                "INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)", (KEY_CHECK_NAME, sealed)
            )
        else:
            self._box.open(found[0], check_data)  # raises WrongKeyError

    async def save(self, key: RowKey, document: dict[str, Any], secrets: SecretPairs) -> None:
        """Return once the row is committed; raise its error if it could not be."""
        await self._writer.submit(UPSERT, self._row(key, document, secrets))

    async def remove(self, key: RowKey) -> None:
        """Return once the row is gone (or was never there) for good."""
        await self._writer.submit(DELETE, (key.associate_id, key.type, key.public_value_key))

    async def rows_of(self, associate_id: int, type_: str) -> list[StoredRow]:
        """The rows of (associate, type), by public value key: a stable order.

        In a worker thread: a read waiting on SQLite (busy_timeout) must not stop the loop.
        """
        return await asyncio.to_thread(self._rows_of, associate_id, type_)

    def _rows_of(self, associate_id: int, type_: str) -> list[StoredRow]:
        with self._reading:
            cursor = self._reader.execute(
                f"SELECT {COLUMNS} FROM credentials WHERE associate_id = ? AND type = ?"  # noqa: S608 (constant)
                " ORDER BY public_value_key",
                (associate_id, type_),
            )
            return [stored_row(columns) for columns in cursor]

    def unseal(self, row: StoredRow) -> SecretPairs:
        return unseal_secrets(self._box, row)

    def _row(self, key: RowKey, document: dict[str, Any], secrets: SecretPairs) -> Params:
        sealed = self._box.seal(json_bytes(secrets), key.associated_data())
        saved_at = datetime.now(UTC).isoformat()
        return (
            key.associate_id,
            key.type,
            key.public_value_key,
            json_bytes(document).decode(),
            sealed,
            saved_at,
        )

    def close(self) -> None:
        """Commit the writes already offered, then close the database."""
        self._writer.close()
        with self._reading:
            self._reader.close()
        self._connection.close()


def verify_key(database: Path, box: SecretBox) -> None:
    """Raise WrongKeyError unless ``box`` holds the key the database was created with."""
    with closing(connect(database, read_only=True)) as connection:
        found = connection.execute(
            "SELECT value FROM meta WHERE name = ?", (KEY_CHECK_NAME,)
        ).fetchone()
    if found is not None:
        box.open(found[0], KEY_CHECK_NAME.encode())


def read_rows(database: Path) -> Iterator[StoredRow]:
    """Every stored row, in key order, without touching the key."""
    with closing(connect(database, read_only=True)) as connection:
        cursor = connection.execute(
            f"SELECT {COLUMNS} FROM credentials"  # noqa: S608 (constant)
            " ORDER BY associate_id, type, public_value_key"
        )
        yield from map(stored_row, cursor)


def unseal_secrets(box: SecretBox, row: StoredRow) -> SecretPairs:
    secrets: SecretPairs = json.loads(box.open(row.sealed_secrets, row.key.associated_data()))
    return secrets

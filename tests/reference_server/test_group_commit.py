"""Group commit: rows offered during a commit share the next one, each acknowledged after it.

The writer is driven directly, on a table of its own. It runs each transaction as one
INSERT in autocommit mode; sqlite3's trace callback runs on the writer thread just
before each statement, and holds every INSERT at a gate until the test lets it
through, so which rows share a transaction, and what their callers know while it
runs, is decided by the test and not by timing.

Guards proven by removing them (by hand, once):
- settling the outcomes after the INSERT (moved before it):
  test_rows_offered_during_a_commit_share_the_next_one fails (acknowledged while held).
- the one-by-one retry of a failed batch (a failed batch failing all its rows):
  test_a_failing_row_fails_alone fails (the good rows get the IntegrityError).
- runs() cutting a batch where the statement changes (planted instead: one run per
  statement, all upserts first): test_writes_of_one_batch_keep_their_order fails.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from reference_server.group_commit import (
    GroupCommitWriter,
    Params,
    RowsStatement,
    WriterClosedError,
)

TABLE = "CREATE TABLE rows (n INTEGER PRIMARY KEY, value TEXT NOT NULL CHECK (value != 'bad'))"
INSERT = RowsStatement("INSERT INTO rows (n, value) VALUES", "(?, ?)")
DELETE = RowsStatement("DELETE FROM rows WHERE n IN (VALUES", "(?)", ")")
WAIT_SECONDS = 10.0
# How long a held commit stays held while the test looks for early acknowledgements.
HOLD_SECONDS = 0.2


class CommitGate:
    """Counts the transactions (INSERTs and DELETEs, each its own) and holds each until let
    through."""

    def __init__(self) -> None:
        self.commits = 0
        self._arrived = threading.Semaphore(0)
        self._passes = threading.Semaphore(0)

    def trace(self, statement: str) -> None:
        if statement.startswith(("INSERT", "DELETE")):
            self.commits += 1
            self._arrived.release()
            assert self._passes.acquire(timeout=WAIT_SECONDS)

    async def arrival(self) -> None:
        arrived = await asyncio.to_thread(self._arrived.acquire, timeout=WAIT_SECONDS)
        assert arrived, "no transaction began"

    def let_through(self, count: int = 1) -> None:
        self._passes.release(count)


def open_database(database: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute(TABLE)
    return connection


@contextmanager
def gated_writer(tmp_path: Path) -> Iterator[tuple[GroupCommitWriter, CommitGate, Path]]:
    database = tmp_path / "rows.sqlite3"
    gate = CommitGate()
    with closing(open_database(database)) as connection:
        connection.set_trace_callback(gate.trace)
        writer = GroupCommitWriter(connection)
        try:
            yield writer, gate, database
        finally:
            gate.let_through(100)  # nothing stays held if an assertion failed
            writer.close()


def committed(database: Path) -> list[Params]:
    """What another connection sees: only committed rows (WAL readers see no open write)."""
    with closing(sqlite3.connect(database)) as reader:
        return reader.execute("SELECT n, value FROM rows ORDER BY n").fetchall()


def test_rows_offered_during_a_commit_share_the_next_one(tmp_path: Path) -> None:
    async def scenario() -> None:
        with gated_writer(tmp_path) as (writer, gate, database):
            first = writer.submit(INSERT, (0, "first"))
            await gate.arrival()  # the first row's transaction is about to run (held)
            rows = [(n, f"row {n}") for n in range(1, 9)]
            later = [writer.submit(INSERT, row) for row in rows]
            await asyncio.sleep(HOLD_SECONDS)
            assert not first.done()
            gate.let_through()
            await first
            assert committed(database) == [(0, "first")]

            await gate.arrival()  # the other eight, together
            await asyncio.sleep(HOLD_SECONDS)
            assert [outcome.done() for outcome in later] == [False] * len(later)
            gate.let_through()
            await asyncio.gather(*later)
            assert committed(database) == [(0, "first"), *rows]
            assert gate.commits == 2

    asyncio.run(scenario())


def test_a_failing_row_fails_alone(tmp_path: Path) -> None:
    async def scenario() -> None:
        with gated_writer(tmp_path) as (writer, gate, database):
            first = writer.submit(INSERT, (0, "first"))
            await gate.arrival()
            batch = [
                writer.submit(INSERT, row) for row in [(1, "good"), (2, "bad"), (3, "good too")]
            ]
            gate.let_through(100)
            await first
            good, bad, good_too = await asyncio.gather(*batch, return_exceptions=True)

            assert isinstance(bad, sqlite3.IntegrityError)
            assert (good, good_too) == (None, None)
            assert committed(database) == [(0, "first"), (1, "good"), (3, "good too")]

    asyncio.run(scenario())


def test_writes_of_one_batch_keep_their_order(tmp_path: Path) -> None:
    """A delete after a save of the same key is applied after it, within one batch too."""

    async def scenario() -> None:
        with gated_writer(tmp_path) as (writer, gate, database):
            first = writer.submit(INSERT, (0, "first"))
            await gate.arrival()  # held: the rest queue behind it, and form one batch
            batch = [
                writer.submit(INSERT, (1, "saved, then removed")),
                writer.submit(DELETE, (1,)),
                writer.submit(DELETE, (2,)),
                writer.submit(INSERT, (2, "removed, then saved")),
                writer.submit(INSERT, (3, "saved")),
                writer.submit(DELETE, (0,)),
            ]
            gate.let_through(100)
            await asyncio.gather(first, *batch)

            assert committed(database) == [(2, "removed, then saved"), (3, "saved")]
            # The first row's, then one per run of a statement: I, D D, I I, D.
            assert gate.commits == 5

    asyncio.run(scenario())


def test_threads_wait_for_their_own_outcome(tmp_path: Path) -> None:
    with gated_writer(tmp_path) as (writer, gate, database):
        gate.let_through(100)
        errors: list[Exception] = []
        returned_early: list[Params] = []

        def write(row: Params) -> None:
            try:
                writer.write(INSERT, row)
            except Exception as error:
                errors.append(error)
            else:
                if row not in committed(database):
                    returned_early.append(row)

        rows = [(n, "bad" if n == 2 else "x") for n in range(4)]
        threads = [threading.Thread(target=write, args=(row,)) for row in rows]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(WAIT_SECONDS)

        assert [type(error) for error in errors] == [sqlite3.IntegrityError]
        assert returned_early == []
        assert committed(database) == [(0, "x"), (1, "x"), (3, "x")]


def test_close_commits_what_is_queued_then_refuses(tmp_path: Path) -> None:
    async def scenario() -> None:
        with gated_writer(tmp_path) as (writer, gate, database):
            first = writer.submit(INSERT, (0, "first"))
            await gate.arrival()
            queued = [writer.submit(INSERT, (n, "queued")) for n in range(1, 4)]
            closed = asyncio.create_task(asyncio.to_thread(writer.close))
            gate.let_through(100)
            await closed
            assert len(committed(database)) == 4
            await asyncio.gather(first, *queued)
            with pytest.raises(WriterClosedError):
                writer.submit(INSERT, (9, "late"))

    asyncio.run(scenario())

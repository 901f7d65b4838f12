"""One writer thread that commits queued rows together: one transaction, one fsync, per batch.

With ``synchronous = FULL`` every COMMIT costs an fsync, and one connection can commit
only one transaction at a time. Rows that arrive while a commit is in progress wait,
and the next transaction takes all of them, so the fsync is shared instead of paid
per row. Each row runs in its own SAVEPOINT: a row that fails is rolled back alone,
its error goes to its own caller, and the rest of its batch still commits. A caller
learns that its row is saved only after the COMMIT that holds the row has returned.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any

Params = tuple[Any, ...]
Outcome = asyncio.Future[None] | concurrent.futures.Future[None]


class WriterClosedError(RuntimeError):
    """A row was offered after close(): it is not written."""


@dataclass(slots=True)
class Pending:
    params: Params
    outcome: Outcome
    error: Exception | None = None


class GroupCommitWriter:
    """Owns ``connection`` from now on: only its thread uses it, until close()."""

    def __init__(self, connection: sqlite3.Connection, statement: str) -> None:
        self._connection = connection
        self._statement = statement
        self._queue: list[Pending] = []
        self._wake = threading.Condition()
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="group-commit", daemon=True)
        self._thread.start()

    def submit(self, params: Params) -> asyncio.Future[None]:
        """From a coroutine: a future of the running loop, done once the row is committed.

        Awaiting it directly spares each save a hop to a worker thread and back.
        """
        outcome: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._enqueue(Pending(params, outcome))
        return outcome

    def write(self, params: Params) -> None:
        """From a thread: return once the row is committed, or raise the row's error."""
        outcome: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._enqueue(Pending(params, outcome))
        outcome.result()

    def close(self) -> None:
        """Commit every row already offered, then stop the thread (idempotent)."""
        with self._wake:
            self._closing = True
            self._wake.notify()
        self._thread.join()

    def _enqueue(self, pending: Pending) -> None:
        with self._wake:
            if self._closing:
                raise WriterClosedError("the credential store is closed")
            self._queue.append(pending)
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._queue and not self._closing:
                    self._wake.wait()
                batch, self._queue = self._queue, []
            if not batch:
                return
            try:
                self._commit(batch)
            finally:
                settle(batch)

    def _commit(self, batch: list[Pending]) -> None:
        try:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                # Each call into SQLite gives up the GIL and must win it back from the event
                # loop, so the usual case is one call for all rows, not three per row.
                self._connection.executemany(self._statement, [row.params for row in batch])
            except Exception:
                self._connection.execute("ROLLBACK")
                self._connection.execute("BEGIN IMMEDIATE")
                for pending in batch:
                    self._write_row(pending)
            self._connection.execute("COMMIT")
        except Exception as error:
            # Nothing of the batch is committed: every row not already failed shares this error.
            if self._connection.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self._connection.execute("ROLLBACK")
            for pending in batch:
                pending.error = pending.error or error

    def _write_row(self, pending: Pending) -> None:
        self._connection.execute("SAVEPOINT row")
        try:
            self._connection.execute(self._statement, pending.params)
        except Exception as error:
            pending.error = error
            self._connection.execute("ROLLBACK TO row")
        self._connection.execute("RELEASE row")


def settle(batch: list[Pending]) -> None:
    """Tell each caller its row's outcome; one wake-up per event loop, not one per row."""
    per_loop: dict[asyncio.AbstractEventLoop, list[Pending]] = {}
    for pending in batch:
        if isinstance(pending.outcome, asyncio.Future):
            per_loop.setdefault(pending.outcome.get_loop(), []).append(pending)
        else:
            resolve([pending])
    for loop, pendings in per_loop.items():
        # A loop already closed has no one left waiting on it.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(resolve, pendings)


def resolve(pendings: list[Pending]) -> None:
    for pending in pendings:
        if pending.outcome.cancelled():  # the caller stopped waiting; the row's fate stands
            continue
        if pending.error is None:
            pending.outcome.set_result(None)
        else:
            pending.outcome.set_exception(pending.error)

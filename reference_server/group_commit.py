"""One writer thread that commits queued rows together: one transaction, one fsync, per batch.

With ``synchronous = FULL`` every commit costs an fsync, and one connection can commit
only one transaction at a time. Rows that arrive while a commit is in progress wait,
and the next transaction takes all of them, so the fsync is shared instead of paid
per row. A batch is one multi-row statement run in autocommit mode, so one transaction
and one call into SQLite: each call gives up the GIL and must win it back from the
busy event loop, which cost more than the fsync when every row was a call of its own.
If the batch fails (the statement is atomic: nothing of it is written), its rows are
written again one by one, so that a failing row fails alone and its error goes to its
own caller. A caller learns that its row is written only after the commit holding it.

Each row names its statement (an upsert, a delete). Rows are written in the order
they were offered: what the thread takes at once is cut into runs of consecutive rows
of one statement, each run one statement and one transaction, so a delete offered
after a save of the same key is applied after it, never before. Saves alone still
share one transaction per batch.

Rows submitted from an event loop are handed to the writer once per loop iteration,
so the saves of requests that arrived together share a commit even when the writer
was idle, and the writer is woken once for them, not once per row.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import queue
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

Params = tuple[Any, ...]
Outcome = asyncio.Future[None] | concurrent.futures.Future[None]
# Bounds one statement's size (SQLite allows 32,766 parameters); more make more statements.
MAX_BATCH_ROWS = 200
CLOSED = "the credential store is closed"


class WriterClosedError(RuntimeError):
    """A row was offered after close(): it is not written."""


@dataclass(frozen=True)
class RowsStatement:
    """An INSERT for any number of rows: ``head``, then ``row`` once per row, then ``tail``."""

    head: str
    row: str
    tail: str = ""

    def for_rows(self, count: int) -> str:
        return " ".join([self.head, ", ".join([self.row] * count), self.tail])


@dataclass(slots=True)
class Pending:
    statement: RowsStatement
    params: Params
    outcome: Outcome
    error: BaseException | None = None


class GroupCommitWriter:
    """Owns ``connection`` (autocommit mode: isolation_level=None) until close()."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        if connection.isolation_level is not None:
            raise ValueError("the connection must be in autocommit mode (isolation_level=None)")
        self._connection = connection
        # None, queued by close(), is the last item: the thread stops there.
        self._queue: queue.SimpleQueue[list[Pending] | None] = queue.SimpleQueue()
        # Rows submitted on a loop during its current iteration, handed over at its end.
        self._gathering: dict[asyncio.AbstractEventLoop, list[Pending]] = {}
        self._closing = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="group-commit", daemon=True)
        self._thread.start()

    def submit(self, statement: RowsStatement, params: Params) -> asyncio.Future[None]:
        """From a coroutine: a future of the running loop, done once the row is committed.

        Awaiting it directly spares each save a hop to a worker thread and back.
        """
        if self._closed:  # the hand-over checks again, under the lock
            raise WriterClosedError(CLOSED)
        loop = asyncio.get_running_loop()
        outcome: asyncio.Future[None] = loop.create_future()
        gathered = self._gathering.setdefault(loop, [])
        if not gathered:
            loop.call_soon(self._hand_over, loop)
        gathered.append(Pending(statement, params, outcome))
        return outcome

    def write(self, statement: RowsStatement, params: Params) -> None:
        """From a thread: return once the row is committed, or raise the row's error."""
        outcome: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._enqueue([Pending(statement, params, outcome)])
        outcome.result()

    def close(self) -> None:
        """Commit every row already offered, then stop the thread (idempotent)."""
        with self._closing:
            if not self._closed:
                self._closed = True
                self._queue.put(None)
        self._thread.join()

    def _hand_over(self, loop: asyncio.AbstractEventLoop) -> None:
        """Queue what ``loop`` gathered in one iteration, after its other ready callbacks.

        So no row waits longer than for work the loop was busy with anyway.
        """
        batch = self._gathering.pop(loop)
        try:
            self._enqueue(batch)
        except WriterClosedError as error:
            for pending in batch:
                pending.error = error
            resolve(batch)

    def _enqueue(self, batch: list[Pending]) -> None:
        with self._closing:  # nothing may follow close()'s None, or it would wait forever
            if self._closed:
                raise WriterClosedError(CLOSED)
            self._queue.put(batch)

    def _run(self) -> None:
        running = True
        while running:
            batch: list[Pending] = []
            item = self._queue.get()
            while item is not None:
                batch += item
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
            running = item is not None
            for part in runs(batch):
                try:
                    self._commit(part)
                except BaseException as error:
                    # Escaped from _commit: none of these rows is known to be committed.
                    for pending in part:
                        pending.error = pending.error or error
                    raise
                finally:
                    settle(part)

    def _commit(self, batch: list[Pending]) -> None:
        statement = batch[0].statement
        try:
            self._connection.execute(
                statement.for_rows(len(batch)),
                [value for pending in batch for value in pending.params],
            )
        except Exception:
            for pending in batch:
                try:
                    self._connection.execute(statement.for_rows(1), pending.params)
                except Exception as error:
                    pending.error = error


def runs(batch: list[Pending]) -> Iterator[list[Pending]]:
    """The batch in order, cut wherever the statement changes and after MAX_BATCH_ROWS rows."""
    run: list[Pending] = []
    for pending in batch:
        if run and (pending.statement is not run[0].statement or len(run) == MAX_BATCH_ROWS):
            yield run
            run = []
        run.append(pending)
    if run:
        yield run


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

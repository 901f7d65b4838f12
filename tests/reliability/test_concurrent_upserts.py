"""Concurrency: many simultaneous upserts of one (AssociateId, Type, PublicValue) leave one row.

Two server processes share one database, as two workers behind a proxy would; eight
threads per server save the same key through the generated client, each save with
its own SecretValue and Comment. Every save must be answered 204 (no 5xx, no
"database is locked"), and the database must end with exactly one row for the key,
holding one of the written saves whole (its secret and comment from the same save).
Neither server's log may show a secret or the credentials used.

Guards proven by removing them (by hand, once):
- the busy timeout (PRAGMA busy_timeout = 0): 156 of the 400 saves answered 500
  (the two processes' writes collide: "database is locked").
- the write lock in CredentialStore.save: 148 saves answered 500 (threads of one
  server interleave transactions on its one connection). The lock has since given
  way to group_commit.py's one writer thread, the only user of the connection.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack
from pathlib import Path

from tests.reference_server.live_server import BASIC_AUTHORIZATION, BASIC_PASSWORD, running_server
from tests.reliability.database_files import exported_rows, pragma
from tests.reliability.load import Save, Tally, run_writers
from tests.reliability.server_logs import leaked

SERVERS = 2
THREADS_PER_SERVER = 8
SAVES_PER_THREAD = 25
TYPE = "contended"
PUBLIC_VALUE = "imap.example.com/one-mailbox"
JOIN_SECONDS = 120.0
# How the server logs an unexpected exception (e.g. OperationalError: database is locked).
ERROR_LEVEL = " ERROR "


def plan(server: int, thread: int) -> list[Save]:
    return [
        Save(PUBLIC_VALUE, f"contended-secret-{server}-{thread}-{n}", f"save {server}/{thread}/{n}")
        for n in range(SAVES_PER_THREAD)
    ]


def test_concurrent_upserts_of_one_key_leave_one_whole_row(tmp_path: Path) -> None:
    database = tmp_path / "credentials.sqlite3"
    tally = Tally()
    with ExitStack() as stack:
        servers = [stack.enter_context(running_server(database)) for _ in range(SERVERS)]
        threads = [
            thread
            for index, server in enumerate(servers)
            for thread in run_writers(
                server,
                TYPE,
                [plan(index, number) for number in range(THREADS_PER_SERVER)],
                tally,
                threading.Event(),
            )
        ]
        for thread in threads:
            thread.join(JOIN_SECONDS)
        rows = [row for row in exported_rows(servers[0]) if row["Type"] == TYPE]
    logs = [server.running.output() for server in servers]

    written = {
        (save.secret_value, save.comment)
        for s in range(SERVERS)
        for t in range(THREADS_PER_SERVER)
        for save in plan(s, t)
    }
    assert tally.other_statuses == []
    assert tally.transport_errors == []
    assert len(tally.acknowledged) == len(written)
    assert [row["Credentials"]["PublicValue"] for row in rows] == [PUBLIC_VALUE]
    assert (rows[0]["Credentials"]["SecretValue"], rows[0]["Credentials"]["Comment"]) in written
    assert not any(ERROR_LEVEL in log for log in logs)
    sent = [secret for secret, _ in written] + [BASIC_AUTHORIZATION.split()[1], BASIC_PASSWORD]
    assert leaked(sent, *logs) == []
    assert pragma(database, "integrity_check") == [("ok",)]

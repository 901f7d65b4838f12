"""Storage: upsert, encryption at rest, persistence across restarts, export and the key.

Guards proven by removing them (by hand, once):
- SecretBox.seal replaced by the plaintext: test_secret_is_not_in_the_database_files fails.
- the associated data (row key) in seal/open replaced by b"":
  test_sealed_secrets_are_bound_to_their_row fails (the swapped secret decrypts).
- the upsert's DO UPDATE replaced by DO NOTHING: test_save_again_replaces_the_row fails.
- `or ""` in records.row_key removed: test_null_and_missing_public_value_are_one_key
  fails (three rows).
- the key check when the server opens the database removed:
  test_wrong_key_is_refused_by_export_and_server fails (the server starts).
- the 0o600 mode in create_key_file (0o644): test_key_file_is_private fails.
- the sqlite3.Error branches in cli.py removed: test_a_file_that_is_no_database_is_refused_clearly
  fails (a traceback instead of the one-line error).
"""

from __future__ import annotations

import base64
import json
import sqlite3
import stat
from pathlib import Path

import pytest

from reference_server.keys import KEY_ENV_VAR
from reference_server.launcher import ServerStartError, run_command, start_server
from tests.reference_server.live_server import IDENTITY_ARGS, Server, credential, running_server

OTHER_KEY = base64.b64encode(b"\x07" * 32).decode()


def test_save_again_replaces_the_row(server: Server) -> None:
    first = server.post_json(credential("upsert", Comment="first"))
    second = server.post_json(credential("upsert", Comment="second"))
    other_public_value = server.post_json(credential("upsert", PublicValue="another mailbox"))

    assert [first.status_code, second.status_code, other_public_value.status_code] == [204] * 3
    rows = server.exported_type("upsert")
    assert sorted(
        (row["Credentials"]["PublicValue"], row["Credentials"]["Comment"]) for row in rows
    ) == [
        ("another mailbox", "test credential"),
        ("imap.example.com/upsert", "second"),
    ]


def test_null_and_missing_public_value_are_one_key(server: Server) -> None:
    statuses = []
    for public_value in ("", None, "missing"):
        document = credential("null-public", Comment=f"public value {public_value}")
        if public_value == "missing":
            del document["Credentials"]["PublicValue"]
        else:
            document["Credentials"]["PublicValue"] = public_value
        statuses.append(server.post_json(document).status_code)

    assert statuses == [204] * 3
    [row] = server.exported_type("null-public")
    assert row["Credentials"]["Comment"] == "public value missing"


def test_export_hides_secrets_unless_revealed(server: Server) -> None:
    document = credential("export")
    assert server.post_json(document).status_code == 204

    hidden = server.export()
    revealed = server.export("--reveal-secrets")

    assert hidden.returncode == revealed.returncode == 0
    hidden_rows = [json.loads(line) for line in hidden.stdout.splitlines()]
    revealed_rows = [json.loads(line) for line in revealed.stdout.splitlines()]
    assert document in revealed_rows
    without_secret = {**document, "Credentials": dict(document["Credentials"])}
    del without_secret["Credentials"]["SecretValue"]
    assert without_secret in hidden_rows
    assert document["Credentials"]["SecretValue"] not in hidden.stdout


def test_secret_is_not_in_the_database_files(server: Server) -> None:
    document = credential("at-rest", SecretValue="SecretValue-at-rest-9d3f")
    assert server.post_json(document).status_code == 204

    files = [server.database, server.database.with_name(server.database.name + "-wal")]
    raw = b"".join(path.read_bytes() for path in files if path.exists())

    # The public value is there in clear, so these are the files that hold the row.
    assert b"imap.example.com/at-rest" in raw
    assert b"SecretValue-at-rest-9d3f" not in raw


def test_sealed_secrets_are_bound_to_their_row(database: Path) -> None:
    with running_server(database) as server:
        assert server.post_json(credential("row-a")).status_code == 204
        assert server.post_json(credential("row-b")).status_code == 204
    with sqlite3.connect(database) as connection:
        connection.execute(
            "UPDATE credentials SET sealed_secrets ="
            " (SELECT sealed_secrets FROM credentials WHERE type = 'row-a') WHERE type = 'row-b'"
        )
    connection.close()

    finished = server.export("--reveal-secrets")

    assert finished.returncode != 0
    assert "do not decrypt" in finished.stderr
    # Rows are printed as they are read: row-a, its own, then the failure on row-b.
    printed_types = [json.loads(line)["Type"] for line in finished.stdout.splitlines()]
    assert printed_types == ["row-a"]


def test_restart_keeps_the_data(database: Path) -> None:
    with running_server(database) as server:
        assert server.post_json(credential("before-restart")).status_code == 204
    with running_server(database) as server:
        assert server.post_json(credential("after-restart")).status_code == 204
        before = server.exported_type("before-restart", reveal_secrets=True)
        after = server.exported_type("after-restart", reveal_secrets=True)

    assert before == [credential("before-restart")]
    assert after == [credential("after-restart")]


def test_key_file_is_private(database: Path) -> None:
    with running_server(database):
        pass

    key_file = database.with_name(database.name + ".key")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(base64.b64decode(key_file.read_text())) == 32


def test_key_from_the_environment_writes_no_key_file(database: Path) -> None:
    with running_server(database, env={KEY_ENV_VAR: OTHER_KEY}) as server:
        assert server.post_json(credential("env-key")).status_code == 204

    assert not database.with_name(database.name + ".key").exists()
    revealed = server.export("--reveal-secrets", env={KEY_ENV_VAR: OTHER_KEY})
    assert revealed.returncode == 0
    assert "secret-of-env-key" in revealed.stdout


def test_wrong_key_is_refused_by_export_and_server(database: Path) -> None:
    with running_server(database) as server:
        assert server.post_json(credential("wrong-key")).status_code == 204

    export = server.export("--reveal-secrets", env={KEY_ENV_VAR: OTHER_KEY})
    with (
        pytest.raises(ServerStartError, match="do not decrypt with this key"),
        # Should it start after all, the with-block stops it again.
        start_server(database=database, args=IDENTITY_ARGS, env={KEY_ENV_VAR: OTHER_KEY}),
    ):
        pass

    assert export.returncode == 1
    assert export.stdout == ""
    assert export.stderr.startswith("error: stored secrets do not decrypt with this key")


def test_export_without_a_key_fails_and_creates_none(database: Path) -> None:
    with running_server(database, env={KEY_ENV_VAR: OTHER_KEY}) as server:
        assert server.post_json(credential("no-key")).status_code == 204

    finished = server.export("--reveal-secrets")

    assert finished.returncode == 1
    assert "no key file" in finished.stderr
    assert not database.with_name(database.name + ".key").exists()


def test_a_file_that_is_no_database_is_refused_clearly(database: Path) -> None:
    database.write_text("not a database\n" * 100)

    export = run_command(["export", "--database", str(database)])
    with (
        pytest.raises(ServerStartError, match="file is not a database"),
        start_server(database=database, args=IDENTITY_ARGS, env={KEY_ENV_VAR: OTHER_KEY}),
    ):
        pass

    assert (export.returncode, export.stderr) == (1, f"error: {database}: file is not a database\n")

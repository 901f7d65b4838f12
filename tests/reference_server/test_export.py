"""`export` as a newcomer runs it: a wrong key, a pipe closed early, and its --help.

Each test failed before its fix (issue 12, item 5):
- test_wrong_key_fails_at_once_without_reveal_secrets: exit 0, every row printed.
- test_export_into_a_closed_pipe_ends_quietly: a BrokenPipeError traceback, exit 1.
- test_help_says_export_never_creates_the_key_file: the help said the key file was both
  "created with mode 0600 when missing" and "never created by export".
"""

from __future__ import annotations

import asyncio
import base64
import subprocess
from pathlib import Path

from reference_server.cli import BROKEN_PIPE_EXIT
from reference_server.keys import KEY_ENV_VAR
from reference_server.launcher import MODULE_COMMAND, child_environment, run_command
from reference_server.secret_box import SecretBox
from reference_server.storage import CredentialStore, RowKey
from tests.reference_server.live_server import credential, running_server

OTHER_KEY = base64.b64encode(b"\x07" * 32).decode()
WRONG_KEY_LINE = "error: stored secrets do not decrypt with this key (wrong key, or altered data)"
# Far more than a pipe holds (64 KiB on Linux), so export is still writing when head exits.
MANY_ROWS = 2000
PIPE_SECONDS = 60.0


def saved_database(database: Path) -> None:
    with running_server(database) as server:
        assert server.post_json(credential("export")).status_code == 204


def test_wrong_key_fails_at_once_without_reveal_secrets(database: Path, tmp_path: Path) -> None:
    saved_database(database)
    other_key_file = tmp_path / "other.key"
    other_key_file.write_text(OTHER_KEY)
    database_arg = ["export", "--database", str(database)]

    from_environment = run_command(database_arg, env={KEY_ENV_VAR: OTHER_KEY})
    from_key_file = run_command([*database_arg, "--key-file", str(other_key_file)])

    for finished in (from_environment, from_key_file):
        assert (finished.returncode, finished.stdout) == (1, "")
        assert finished.stderr.splitlines() == [WRONG_KEY_LINE]


def test_without_any_key_the_public_part_is_exported(database: Path) -> None:
    with running_server(database, env={KEY_ENV_VAR: OTHER_KEY}) as server:
        assert server.post_json(credential("no key at hand")).status_code == 204

    finished = server.export()
    missing_key_file = server.export("--key-file", str(database.with_name("missing.key")))

    assert finished.returncode == 0, finished.stderr
    assert '"Type": "no key at hand"' in finished.stdout
    assert "secret-of-no key at hand" not in finished.stdout
    assert missing_key_file.returncode == 1
    assert "no key file" in missing_key_file.stderr


def many_rows(database: Path) -> None:
    async def save_all() -> None:
        store = CredentialStore(database, SecretBox(bytes(32)))
        try:
            document = credential("many")
            await asyncio.gather(
                *(
                    store.save(RowKey(42, "many", f"mailbox {n}"), document, [])
                    for n in range(MANY_ROWS)
                )
            )
        finally:
            store.close()

    asyncio.run(save_all())


def test_export_into_a_closed_pipe_ends_quietly(database: Path) -> None:
    """`export | head -3`: head exits after three lines, export must not complain."""
    many_rows(database)
    export = subprocess.Popen(
        [*MODULE_COMMAND, "export", "--database", str(database)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_environment(None),
    )
    assert export.stdout is not None
    assert export.stderr is not None
    head = subprocess.Popen(["head", "-3"], stdin=export.stdout, stdout=subprocess.PIPE)
    export.stdout.close()  # head holds the only reading end now

    shown, _ = head.communicate(timeout=PIPE_SECONDS)
    complaint = export.stderr.read()
    export.wait(PIPE_SECONDS)
    export.stderr.close()

    assert len(shown.splitlines()) == 3
    assert complaint == b""
    assert export.returncode == BROKEN_PIPE_EXIT


def words(text: str) -> str:
    return " ".join(text.split())  # argparse wraps help text at the terminal's width


def test_help_says_export_never_creates_the_key_file() -> None:
    serve_help = words(run_command(["--help"]).stdout)
    export_help = words(run_command(["export", "--help"]).stdout)

    assert "created with mode 0600 when missing" in serve_help
    assert "created with mode 0600" not in export_help
    assert "export never creates one" in export_help
    assert "a wrong key fails at once" in export_help

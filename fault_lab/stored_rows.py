"""What a reference server of these tests stores, read with its ``export`` command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reference_server.launcher import run_command

# Where serve_reference_app keeps a server's database, in the folder it is given.
DATABASE = "credentials.sqlite3"


def stored_rows(directory: Path) -> list[dict[str, Any]]:
    """Every stored credential, without secrets, as ``python -m reference_server export`` has it."""
    export = run_command(["export", "--database", str(directory / DATABASE)])
    assert export.returncode == 0, export.stderr
    # One document a line, split at "\n" only: the documents keep characters such as
    # U+2028 or \x85 unescaped, which str.splitlines takes for line ends too.
    return [json.loads(line) for line in export.stdout.split("\n") if line.strip()]

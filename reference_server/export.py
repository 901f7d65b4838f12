"""``export``: the stored credentials as JSON lines, secrets only on request and with the key."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from reference_server.keys import default_key_file, key_available, read_key
from reference_server.records import merge_secrets
from reference_server.secret_box import SecretBox
from reference_server.storage import read_rows, unseal_secrets, verify_key


def checked_box(
    database: Path, key_file: Path | None, *, reveal_secrets: bool, environ: Mapping[str, str]
) -> SecretBox | None:
    """The key, checked against the database before any row is printed.

    Revealing secrets needs it, and so does a key file named on the command line; without
    either there may be none (the public part needs no key), but a key found is checked:
    a wrong one fails at once, with or without --reveal-secrets.
    """
    source = key_file or default_key_file(database)
    if not (reveal_secrets or key_file is not None or key_available(source, environ)):
        return None
    box = SecretBox(read_key(source, environ))
    verify_key(database, box)
    return box


def export_lines(
    database: Path, key_file: Path | None, *, reveal_secrets: bool, environ: Mapping[str, str]
) -> Iterator[str]:
    """One JSON document per stored credential, as it was saved minus (unless revealed) secrets."""
    if not database.is_file():
        raise FileNotFoundError(f"{database}: no such database")
    box = checked_box(database, key_file, reveal_secrets=reveal_secrets, environ=environ)
    for row in read_rows(database):
        document = row.document
        if reveal_secrets and box is not None:
            document = merge_secrets(document, unseal_secrets(box, row))
        yield json.dumps(document, ensure_ascii=False)

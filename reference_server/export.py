"""``export``: the stored credentials as JSON lines, secrets only on request and with the key."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from reference_server.keys import default_key_file, read_key
from reference_server.records import merge_secrets
from reference_server.secret_box import SecretBox
from reference_server.storage import read_rows, unseal_secrets, verify_key


def export_lines(
    database: Path, key_file: Path | None, *, reveal_secrets: bool, environ: Mapping[str, str]
) -> Iterator[str]:
    """One JSON document per stored credential, as it was saved minus (unless revealed) secrets."""
    if not database.is_file():
        raise FileNotFoundError(f"{database}: no such database")
    box = None
    if reveal_secrets:
        box = SecretBox(read_key(key_file or default_key_file(database), environ))
        verify_key(database, box)  # one clear error up front rather than one per row
    for row in read_rows(database):
        document = row.document
        if box is not None:
            document = merge_secrets(document, unseal_secrets(box, row))
        yield json.dumps(document, ensure_ascii=False)

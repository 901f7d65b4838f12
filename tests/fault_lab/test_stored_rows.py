"""stored_rows: what a server of these tests stores, as its ``export`` command has it.

One ``python -m reference_server export`` run (a subprocess, bounded by run_command).
Seen failing by hand: ``stored_rows`` splitting with ``str.splitlines`` (a comment
holding U+2028 read as two documents); ``DATABASE`` other than the file the servers use.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import spec_loader
from fault_lab import store_access as store
from fault_lab.fault_servers import serve_reference_app
from fault_lab.intercept import Exchange, call_app
from fault_lab.read_back_faults import SECRET_FIELDS, TEXT_FIELD
from fault_lab.stored_rows import DATABASE, stored_rows
from reference_server.app import create_app
from reference_server.settings import Identity, Scheme, Settings
from spec_loader.auth import basic_authorization
from spec_loader.documents import value_at
from spec_loader.statuses import NO_CONTENT

USER = "rows-test:rows-test-password"
# Line ends for str.splitlines, not for a JSON-lines reader.
COMMENT = "first\u2028second\x85third"


def test_every_stored_credential_once_without_its_secret(tmp_path: Path) -> None:
    settings = Settings(database=tmp_path / DATABASE, identities=(Identity(Scheme.BASIC, USER),))
    carrier = {**value_at(store.SAVE_BODY, store.CARRIER_PATH), TEXT_FIELD: COMMENT}
    body = {**store.SAVE_BODY, store.CARRIER_PATH[0]: carrier}
    op = spec_loader.operation(store.SPEC, store.SAVE)
    headers = {
        "authorization": basic_authorization(USER),
        "content-type": store.REQUEST_JSON_TYPES[store.SAVE][0],
    }
    request = Exchange(op.method.upper(), op.path, "", headers, json.dumps(body).encode())
    assert asyncio.run(call_app(create_app(settings), request)).status == NO_CONTENT
    # A row is the save as stored: the key, and the carrier without its secret.
    without_secret = {name: value for name, value in carrier.items() if name not in SECRET_FIELDS}
    assert stored_rows(tmp_path) == [{**body, store.CARRIER_PATH[0]: without_secret}]


def test_the_database_is_where_the_served_apps_keep_it(tmp_path: Path) -> None:
    with serve_reference_app(lambda app: app, tmp_path, ("rows-test", "rows-test-password")):
        pass
    assert (tmp_path / DATABASE).is_file()

"""model_faults: the pure edits store text as the column they name would, and a few faults
and variations change the reference app's answers as their descriptions say, in-process
through intercept.call_app (the kill matrix is not run here).

Seen failing by hand: ``cut_to_utf16_units`` cutting at ``limit`` characters
(``value[:limit]``); the collation's ``fold`` without ``casefold``; ``remove_rest_of_group``
removing only the targeted credential (``if holds_key(item, key)`` added).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from starlette.types import ASGIApp

import spec_loader
from fault_lab import model_faults as faults
from fault_lab import store_access as store
from fault_lab.intercept import Answer, Exchange, call_app
from fault_lab.read_back_faults import DATE_FIELDS, TEXT_FIELD
from reference_server.app import create_app
from reference_server.settings import Identity, Scheme, Settings
from spec_loader.auth import basic_authorization
from spec_loader.documents import value_at
from spec_loader.media_types import XML_SYNTAX, body_syntax
from spec_loader.statuses import NO_CONTENT, OK, is_error, spec_key

USER = "model-test:model-test-password"
CARRIER = value_at(store.SAVE_BODY, store.CARRIER_PATH)
IDENTITY = faults.ITEM_IDENTITY
WRAPS = {wrapper.name: wrapper.wrap for wrapper in (*faults.MODEL_FAULTS, *faults.MODEL_VARIATIONS)}
ASTRAL = "\U0001f600"  # outside the BMP: two UTF-16 code units


def test_a_latin_1_column_keeps_latin_1_only() -> None:
    assert faults.latin_1_column("café € 😀") == "café ? ?"


def test_a_ucs_2_column_keeps_the_bmp_only() -> None:
    assert faults.ucs_2_column(f"café € {ASTRAL}") == "café € ?"


def test_a_length_in_utf16_units_cuts_the_longest_text() -> None:
    limit = faults.TEXT_LIMITS[IDENTITY]
    longest = "a" * (limit - 1) + ASTRAL
    assert len(longest) == limit
    assert faults.cut_to_utf16_units(IDENTITY, longest) == "a" * (limit - 1)
    assert faults.cut_to_utf16_units(IDENTITY, "a" * limit) == "a" * limit
    not_limited = next(name for name in CARRIER if name not in faults.TEXT_LIMITS)
    assert faults.cut_to_utf16_units(not_limited, longest * 2) == longest * 2


def test_only_the_public_value_is_lower_cased_and_trailing_spaces_go() -> None:
    assert faults.identity_lower_cased(IDENTITY, "Host.Example") == "host.example"
    assert faults.identity_lower_cased(TEXT_FIELD, "Host.Example") == "Host.Example"
    assert faults.trailing_spaces_trimmed(TEXT_FIELD, " kept  ") == " kept"
    assert faults.trailing_spaces_trimmed(TEXT_FIELD, 1) == 1


def test_an_offset_dropped_keeps_the_clock_time_as_utc() -> None:
    assert faults.offset_dropped(DATE_FIELDS[0], "2019-07-14T03:24:48+02:00") == (
        "2019-07-14T03:24:48+00:00"
    )
    assert faults.offset_dropped(DATE_FIELDS[0], "2019-07-14T03:24:48Z") == "2019-07-14T03:24:48Z"
    assert faults.offset_dropped(TEXT_FIELD, "2019-07-14T03:24:48+02:00") == (
        "2019-07-14T03:24:48+02:00"
    )


class Server:
    """The reference app in-process, wrapped as a test says; it accepts the system user."""

    def __init__(self, folder: Path, wrapper_name: str | None = None) -> None:
        folder.mkdir(exist_ok=True)
        settings = Settings(
            database=folder / "credentials.sqlite3",
            identities=(
                Identity(Scheme.BASIC, USER),
                Identity(Scheme.BASIC, ":".join(store.SYSTEM_USER), system_user=True),
            ),
        )
        app: ASGIApp = create_app(settings)
        self.app = WRAPS[wrapper_name](app) if wrapper_name else app

    def call(self, operation_id: str, body: Any, accept: str = "") -> Answer:
        op = spec_loader.operation(store.SPEC, operation_id)
        headers = {
            "authorization": basic_authorization(USER),
            "content-type": store.REQUEST_JSON_TYPES[operation_id][0],
        }
        if accept:
            headers["accept"] = accept
        request = Exchange(op.method.upper(), op.path, "", headers, json.dumps(body).encode())
        return asyncio.run(call_app(self.app, request))

    def save(self, **changes: Any) -> int:
        body = {**store.SAVE_BODY, store.CARRIER_PATH[0]: {**CARRIER, **changes}}
        return self.call(store.SAVE, body).status

    def remove(self, identity: str) -> int:
        key = {
            field: value_at(store.SAVE_BODY, path) for field, path in store.READ_BACK_FIELDS.items()
        }
        return self.call(store.REMOVE, {**key, faults.IDENTITY_FIELD: identity}).status

    def read(self, accept: str = store.ANSWER_JSON_TYPES[0]) -> Answer:
        group = {
            field: value_at(store.SAVE_BODY, path) for field, path in store.READ_BACK_FIELDS.items()
        }
        return self.call(store.GET, group, accept)

    def identities(self) -> list[str]:
        answer = self.read()
        assert answer.status == OK
        return sorted(item[IDENTITY] for item in json.loads(answer.body))


def test_outside_latin_1_reads_back_mangled(tmp_path: Path) -> None:
    server = Server(tmp_path, "outside_latin_1_mangled")
    assert server.save(**{TEXT_FIELD: "price in €"}) == NO_CONTENT
    [item] = json.loads(server.read().body)
    assert item[TEXT_FIELD] == "price in ?"


def test_a_remove_ignoring_public_value_empties_the_group(tmp_path: Path) -> None:
    plain, faulty = (
        Server(tmp_path / "plain"),
        Server(tmp_path / "faulty", "remove_ignores_public_value"),
    )
    for server in (plain, faulty):
        assert server.save() == server.save(**{IDENTITY: "another"}) == NO_CONTENT
        assert server.remove("another") == NO_CONTENT
    assert plain.identities() == [CARRIER[IDENTITY]]
    assert faulty.identities() == []


def test_the_far_future_is_refused(tmp_path: Path) -> None:
    server = Server(tmp_path, "far_future_refused")
    assert server.save() == NO_CONTENT
    assert is_error(server.save(**{DATE_FIELDS[1]: "9999-12-31T23:59:59.9999999+00:00"}))


def test_accept_ignored_answers_json_to_an_xml_accept(tmp_path: Path) -> None:
    get_200 = spec_loader.response(store.SPEC, store.GET, spec_key(OK))["content"]
    xml_type = next(media_type for media_type in get_200 if body_syntax(media_type) == XML_SYNTAX)
    plain, faulty = Server(tmp_path / "plain"), Server(tmp_path / "faulty", "accept_ignored")
    assert plain.read(xml_type).headers["content-type"].startswith(xml_type)
    assert faulty.read(xml_type).headers["content-type"].startswith(store.ANSWER_JSON_TYPES[0])


@pytest.mark.parametrize(
    ("variation", "kept"),
    [
        ("keys_as_sql_server_first_spelling", "Host.Example"),
        ("keys_ignore_case_last_spelling", "HOST.example"),
    ],
)
def test_a_collation_keeps_one_spelling_of_a_key(tmp_path: Path, variation: str, kept: str) -> None:
    server = Server(tmp_path, variation)
    assert server.save(**{IDENTITY: "Host.Example"}) == NO_CONTENT
    assert server.save(**{IDENTITY: "HOST.example"}) == NO_CONTENT
    assert server.identities() == [kept]
    assert server.remove("host.EXAMPLE") == NO_CONTENT
    assert server.identities() == []

"""create_default_variations: each variation changes CreateDefault's JSON 200 answers as it
says, stays within the spec's response schema, and leaves every other answer alone.

The answers are the reference app's own, in-process through intercept.call_app.
Seen failing by hand: ``edit_defaults`` without its status test (a 401 body edited
into a carrier); ``vendor_written`` with six fractional digits.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta
from pathlib import Path

import defusedxml.ElementTree
import jsonschema_rs
import pytest
from starlette.types import ASGIApp

import spec_loader
from fault_lab import create_default_variations as defaults
from fault_lab.intercept import Answer, Exchange, call_app
from fault_lab.planted_fault import Variation
from fault_lab.read_back_faults import FLAG_FIELD
from fault_lab.store_access import ANSWER_JSON_TYPES, SPEC
from reference_server.app import create_app
from reference_server.settings import Identity, Scheme, Settings
from spec_loader.auth import basic_authorization
from spec_loader.media_types import XML_SYNTAX, body_syntax
from spec_loader.statuses import OK, is_success, spec_key

USER = "defaults-test:defaults-test-password"
ANSWERS = spec_loader.response(SPEC, defaults.CREATE_DEFAULT, spec_key(OK))["content"]
XML_TYPE = next(media_type for media_type in ANSWERS if body_syntax(media_type) == XML_SYNTAX)
SCHEMA = spec_loader.inline_refs(SPEC, ANSWERS[ANSWER_JSON_TYPES[0]]["schema"])
VALIDATOR = jsonschema_rs.validator_for(SCHEMA, validate_formats=True)
BY_NAME = {variation.name: variation for variation in defaults.CREATE_DEFAULT_VARIATIONS}


def create_default(app: ASGIApp, accept: str = ANSWER_JSON_TYPES[0], user: str = USER) -> Answer:
    op = spec_loader.operation(SPEC, defaults.CREATE_DEFAULT)
    headers = {"accept": accept, "authorization": basic_authorization(user)}
    return asyncio.run(call_app(app, Exchange(op.method.upper(), op.path, "", headers, b"")))


@pytest.fixture
def app(tmp_path: Path) -> ASGIApp:
    settings = Settings(
        database=tmp_path / "credentials.sqlite3", identities=(Identity(Scheme.BASIC, USER),)
    )
    made: ASGIApp = create_app(settings)
    return made


@pytest.mark.parametrize("variation", defaults.CREATE_DEFAULT_VARIATIONS, ids=list(BY_NAME))
def test_each_answer_stays_within_the_spec(app: ASGIApp, variation: Variation) -> None:
    plain = create_default(app)
    varied = create_default(variation.wrap(app))
    assert plain.status == varied.status == OK
    assert varied.body != plain.body
    VALIDATOR.validate(json.loads(varied.body))


def test_a_year_from_midnight_as_the_vendor_writes_dates(app: ASGIApp) -> None:
    carrier = json.loads(create_default(BY_NAME["defaults_for_a_year_inactive"].wrap(app)).body)
    valid_from = datetime.fromisoformat(carrier[defaults.VALID_FROM])
    valid_to = datetime.fromisoformat(carrier[defaults.VALID_TO])
    assert (valid_from.hour, valid_from.minute, valid_from.second) == (0, 0, 0)
    assert valid_from.utcoffset() == timedelta(hours=2)
    assert valid_to - valid_from == timedelta(days=365)
    assert carrier[FLAG_FIELD] is False
    fraction = carrier[defaults.VALID_FROM].partition(".")[2]
    assert len(fraction.partition("+")[0]) == 7


def test_nulls_left_out_keeps_every_other_field(app: ASGIApp) -> None:
    plain = json.loads(create_default(app).body)
    varied = json.loads(create_default(BY_NAME["defaults_nulls_left_out"].wrap(app)).body)
    assert None in plain.values()
    assert varied == {name: value for name, value in plain.items() if value is not None}


@pytest.mark.parametrize("variation", defaults.CREATE_DEFAULT_VARIATIONS, ids=list(BY_NAME))
def test_other_answers_are_left_alone(app: ASGIApp, variation: Variation) -> None:
    refused = create_default(variation.wrap(app), user="defaults-test:wrong")
    assert not is_success(refused.status)
    assert refused.body == create_default(app, user="defaults-test:wrong").body
    as_xml = create_default(variation.wrap(app), accept=XML_TYPE)
    assert as_xml.headers["content-type"].startswith(XML_TYPE)
    assert xml_fields(as_xml) == xml_fields(create_default(app, accept=XML_TYPE))


def xml_fields(answer: Answer) -> dict[str, str | None]:
    """An XML carrier's fields, but the time of the call (ValidFrom, to the second)."""
    root = defusedxml.ElementTree.fromstring(answer.body)
    fields = {child.tag.rpartition("}")[2]: child.text for child in root}
    assert FLAG_FIELD in fields
    return {name: text for name, text in fields.items() if name != defaults.VALID_FROM}

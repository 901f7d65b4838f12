"""The caller's own Save, Get and Remove, and CreateDefault, through real HTTP.

The spec decides what the vendor does not say: the caller's own credentials are the
ForAssociate view of the caller's associate id (one store, two views); a caller that is
no associate gets 403 from the own operations; CreateDefault stores nothing and answers
one carrier with the defaults its description lists.

Guards proven by planting faults (by hand, once):
- the own operations keyed to another associate (pipeline._authorized writing in
  associate_id + 1): every test of one store, two views fails, the Remove ones included.
- the body's AssociateId kept instead of the caller's (with_associate returning the
  document as it is when it has one): test_own_save_ignores_an_associate_id_in_the_body
  fails.
- own_associate() answering 0 for a caller that is no associate:
  test_a_caller_that_is_no_associate_is_refused fails (204 and 200 instead of 403).
- IsActive false in the spec's example of CreateDefault's answer (which the server
  answers): test_create_default_answers_the_documented_defaults and the XML test fail.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import defusedxml.ElementTree
import jsonschema_rs
import pytest

import spec_loader
from reference_server.export import export_lines
from tests.reference_server.bodies import MEDIA_TYPES, encode
from tests.reference_server.live_server import (
    ADMIN,
    CREATE_DEFAULT,
    LIMITED,
    LIMITED_ASSOCIATE,
    OWN_GET,
    OWN_REMOVE,
    OWN_SAVE,
    REMOVE,
    SAVE,
    SPEC,
    SYSTEM_USER,
    Server,
    credential,
    linked_request,
    own,
)

SECRET = "SecretValue"
CARRIER_SCHEMA = spec_loader.response(SPEC, CREATE_DEFAULT, "200")["content"]["application/json"][
    "schema"
]
# The spec's decisions for the reference server's defaults (CreateDefault's description).
UNSET_DATE = datetime(1, 1, 1, tzinfo=UTC)
NULL_DEFAULTS = ("Comment", "SecretValue", "PublicValue", "TableRight", "FieldProperties")


def own_view(server: Server, type_: str) -> list[dict[str, Any]]:
    """What the limited identity (associate 42) reads back as its own credentials of Type."""
    response = server.post_json({"Type": type_}, LIMITED, OWN_GET)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()
    return found


def for_associate_view(server: Server, type_: str) -> list[dict[str, Any]]:
    """What a system user (who sees every secret) reads of associate 42's credentials."""
    return server.read_back(credential(type_), SYSTEM_USER)


@pytest.mark.parametrize("media_type", MEDIA_TYPES)
def test_own_save_is_the_for_associate_view(server: Server, media_type: str) -> None:
    type_ = f"own save {media_type}"
    saved = own(credential(type_))

    response = server.post(encode(saved, media_type, OWN_SAVE), media_type, LIMITED, OWN_SAVE)

    assert response.status_code == 204, response.text
    assert for_associate_view(server, type_) == [saved["Credentials"]]
    assert own_view(server, type_) == [saved["Credentials"]]
    # The administrator reads the same credential, without its secret.
    without_secret = {k: v for k, v in saved["Credentials"].items() if k != SECRET}
    assert server.read_back(credential(type_), ADMIN) == [without_secret]


def test_for_associate_save_is_the_own_view(server: Server) -> None:
    saved = credential("for associate, read as own")

    assert server.post_json(saved, ADMIN, SAVE).status_code == 204

    # The owner reads it back with its secret, although an administrator saved it.
    assert own_view(server, saved["Type"]) == [saved["Credentials"]]


def test_own_and_for_associate_saves_of_one_key_are_one_credential(server: Server) -> None:
    type_ = "one key, two views"
    first = credential(type_, Comment="saved as own")
    second = credential(type_, Comment="saved for the associate")

    statuses = [
        server.post_json(own(first), LIMITED, OWN_SAVE).status_code,
        server.post_json(second, ADMIN, SAVE).status_code,
    ]

    assert statuses == [204, 204]
    # The last write wins, in both views.
    assert own_view(server, type_) == for_associate_view(server, type_) == [second["Credentials"]]


@pytest.mark.parametrize(
    ("remove", "headers"), [(OWN_REMOVE, LIMITED), (REMOVE, ADMIN)], ids=["own", "for associate"]
)
def test_remove_through_either_view_is_seen_by_both(
    server: Server, remove: str, headers: Mapping[str, str]
) -> None:
    type_ = f"removed through {remove}"
    removed, kept = credential(type_), credential(type_, PublicValue="kept")
    for saved in (removed, kept):
        assert server.post_json(own(saved), LIMITED, OWN_SAVE).status_code == 204

    response = server.post_json(linked_request(removed, remove), headers, remove)

    assert (response.status_code, response.content) == (204, b"")
    assert own_view(server, type_) == for_associate_view(server, type_) == [kept["Credentials"]]


def test_own_remove_of_a_missing_credential_is_204(server: Server) -> None:
    missing = linked_request(credential("never saved as own"), OWN_REMOVE)

    response = server.post_json(missing, LIMITED, OWN_REMOVE)

    assert (response.status_code, response.content) == (204, b"")


def test_own_save_ignores_an_associate_id_in_the_body(server: Server) -> None:
    type_ = "own save naming another associate"
    other = LIMITED_ASSOCIATE + 1
    saved = {**own(credential(type_)), "AssociateId": other}

    assert server.post_json(saved, LIMITED, OWN_SAVE).status_code == 204

    assert server.read_back({"AssociateId": other, "Type": type_}, SYSTEM_USER) == []
    assert own_view(server, type_) == [saved["Credentials"]]
    [exported] = server.exported_type(type_)
    assert exported["AssociateId"] == LIMITED_ASSOCIATE


@pytest.mark.parametrize(
    ("operation_id", "verb"), [(OWN_SAVE, "save"), (OWN_GET, "read"), (OWN_REMOVE, "remove")]
)
@pytest.mark.parametrize("headers", [ADMIN, SYSTEM_USER], ids=["administrator", "system user"])
def test_a_caller_that_is_no_associate_is_refused(
    server: Server, operation_id: str, verb: str, headers: Mapping[str, str]
) -> None:
    type_ = f"no associate {operation_id} {headers is ADMIN}"
    document = own(credential(type_))
    if operation_id != OWN_SAVE:
        document = linked_request(document, operation_id)

    response = server.post_json(document, headers, operation_id)

    assert response.status_code == 403, response.text
    assert response.json() == {
        "Error": True,
        "ErrorType": "SoAccessDeniedException",
        "ErrorMessage": f"caller: not an associate, so it has no credentials of its own to {verb}",
        "ErrorSource": operation_id,
    }
    assert server.exported_type(type_) == []


def create_default(server: Server, headers: Mapping[str, str] = LIMITED, **kwargs: Any) -> Any:
    return server.client.post(server.url(CREATE_DEFAULT), headers=headers, **kwargs)


@pytest.mark.parametrize(
    "headers", [LIMITED, ADMIN, SYSTEM_USER], ids=["limited", "admin", "system"]
)
def test_create_default_answers_the_documented_defaults(
    server: Server, headers: Mapping[str, str]
) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    response = create_default(server, headers)
    after = datetime.now(UTC)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    defaults = response.json()
    jsonschema_rs.validator_for(CARRIER_SCHEMA, validate_formats=True).validate(defaults)
    assert before <= datetime.fromisoformat(defaults["ValidFrom"]) <= after
    assert datetime.fromisoformat(defaults["ValidTo"]) == UNSET_DATE
    assert defaults["IsActive"] is True
    assert {name: defaults[name] for name in NULL_DEFAULTS} == dict.fromkeys(NULL_DEFAULTS)
    # Vendor style: seven fractional digits and an offset.
    assert defaults["ValidTo"] == "0001-01-01T00:00:00.0000000+00:00"


def every_row(server: Server) -> list[str]:
    return list(export_lines(server.database, None, reveal_secrets=False, environ=os.environ))


def test_create_default_stores_nothing(server: Server) -> None:
    # This worker's server is used by one test at a time, so nothing else writes meanwhile.
    before = every_row(server)

    assert create_default(server).status_code == 200

    assert every_row(server) == before


def test_create_default_answers_xml_when_asked(server: Server) -> None:
    response = create_default(server, {**LIMITED, "Accept": "text/xml"})

    assert response.headers["content-type"] == "text/xml"
    root = defusedxml.ElementTree.fromstring(response.content)
    # As DataContractSerializer names the carrier, the component the answer refers to.
    assert root.tag == "UntrustedCredentials"
    assert root.findtext("IsActive") == "true"


def test_create_default_does_not_read_a_body(server: Server) -> None:
    headers = {**LIMITED, "Content-Type": "text/xml"}

    first = create_default(server, headers, content=b"<not xml")
    second = create_default(server, headers, content=b"<not xml")  # on the same connection

    assert (first.status_code, second.status_code) == (200, 200)


def test_create_default_is_filled_in_and_saved_as_own(server: Server) -> None:
    type_ = "filled-in defaults"
    defaults = create_default(server).json()
    filled = {**defaults, "PublicValue": "smtp.example.com/jdoe", SECRET: "s3cret"}

    saved = server.post_json({"Type": type_, "Credentials": filled}, LIMITED, OWN_SAVE)

    assert saved.status_code == 204, saved.text
    # The server fills in the read-only rights; a save drops them.
    stored = {name: value for name, value in filled.items() if name not in NULL_DEFAULTS[3:]}
    assert own_view(server, type_) == [stored]

"""Save, read back, remove, through real HTTP, for each kind of identity and media type.

Guards proven by removing them (by hand, once):
- sees_secrets_of() answering True for everyone: test_save_read_back_remove fails for
  every [administrator] case (the SecretValue is shown).
- sees_secrets_of() answering False for everyone: the [limited] and [system user] cases fail.
- ORDER BY public_value_key in CredentialStore._rows_of (planted: ORDER BY saved_at):
  test_read_back_is_in_a_stable_order fails (rows in the order they were saved).
- the DELETE statement given the upsert's key columns in another order (type first):
  test_save_read_back_remove fails everywhere (nothing is removed).
- the carriage-return reference in xml_writing.array_document:
  test_xml_answer_carries_what_was_saved fails (the secret reads back with "\\n").
"""

from __future__ import annotations

import json
import socket
from collections.abc import Mapping
from typing import Any, BinaryIO

import defusedxml.ElementTree
import pytest

import spec_loader
from reference_server.body_decoding import XSI_NIL, BodyFormat, body_format
from tests.reference_server.bodies import MEDIA_TYPES, encode, text_of
from tests.reference_server.live_server import (
    ADMIN,
    GET,
    LIMITED,
    REMOVE,
    SAVE,
    SPEC,
    SYSTEM_USER,
    Server,
    credential,
    linked_request,
)

# headers, and whether the identity is shown the secrets of associate 42
KINDS: dict[str, tuple[Mapping[str, str], bool]] = {
    "administrator": (ADMIN, False),
    "limited": (LIMITED, True),
    "system user": (SYSTEM_USER, True),
}
SECRET = "SecretValue"
ANSWER_TYPES = list(spec_loader.response(SPEC, GET, "200")["content"])
XML_ANSWER_TYPES = [media for media in ANSWER_TYPES if body_format(media) is BodyFormat.XML]
# As DataContractSerializer names the carrier, and as the spec's items refer to it.
XML_ITEM = "UntrustedCredentials"


def shown(saved: dict[str, Any], sees_secret: bool) -> dict[str, Any]:
    """The carrier of a saved request as Get must answer it to a caller."""
    carrier = dict(saved["Credentials"])
    if not sees_secret:
        del carrier[SECRET]
    return carrier


@pytest.mark.parametrize("media_type", MEDIA_TYPES)
@pytest.mark.parametrize("kind", KINDS)
def test_save_read_back_remove(server: Server, kind: str, media_type: str) -> None:
    headers, sees_secret = KINDS[kind]
    type_ = f"lifecycle {kind} {media_type}"
    saved = credential(type_, ValidTo="2029-07-14T03:24:48.5653818+02:00", Comment=None)
    # Stays when the other is removed; sorts first by PublicValue.
    kept = credential(type_, PublicValue="another mailbox", IsActive=False)

    def call(operation_id: str, document: dict[str, Any]) -> Any:
        body = encode(document, media_type, operation_id)
        return server.post(body, media_type, headers, operation_id)

    statuses = [call(SAVE, saved).status_code, call(SAVE, kept).status_code]
    read = call(GET, linked_request(saved, GET))
    removed = call(REMOVE, linked_request(saved, REMOVE))
    after = server.read_back(saved, headers)

    assert statuses == [204, 204]
    assert read.status_code == 200, read.text
    assert read.headers["content-type"] == "application/json"
    assert read.json() == [shown(kept, sees_secret), shown(saved, sees_secret)]
    assert (removed.status_code, removed.content) == (204, b"")
    assert after == [shown(kept, sees_secret)]
    if not sees_secret:
        assert saved["Credentials"][SECRET] not in read.text


@pytest.mark.parametrize("headers", [ADMIN, SYSTEM_USER], ids=["administrator", "system user"])
def test_administrator_and_system_user_act_for_any_associate(
    server: Server, headers: Mapping[str, str]
) -> None:
    saved = {**credential(f"any associate {headers is ADMIN}"), "AssociateId": 7}

    statuses = [
        server.post_json(saved, headers).status_code,
        server.post_json(linked_request(saved, GET), headers, GET).status_code,
        server.post_json(linked_request(saved, REMOVE), headers, REMOVE).status_code,
    ]

    assert statuses == [204, 200, 204]
    assert server.read_back(saved) == []


def test_read_back_is_in_a_stable_order(server: Server) -> None:
    saves = [credential("order", PublicValue=name) for name in ("c", "a", "b", "")]
    assert [server.post_json(saved).status_code for saved in saves] == [204] * 4

    found = [carrier["PublicValue"] for carrier in server.read_back(saves[0])]

    assert found == ["", "a", "b", "c"]


def test_read_back_of_nothing_is_an_empty_array(server: Server) -> None:
    assert server.read_back(credential("never saved")) == []


def test_remove_of_a_missing_credential_is_204(server: Server) -> None:
    missing = linked_request(credential("never saved either"), REMOVE)

    response = server.post_json(missing, operation_id=REMOVE)

    assert (response.status_code, response.content) == (204, b"")


def test_remove_with_null_public_value_removes_the_empty_key(server: Server) -> None:
    saved = credential("null key")
    del saved["Credentials"]["PublicValue"]
    assert server.post_json(saved).status_code == 204
    key = {**linked_request(saved, REMOVE), "PublicValue": None}

    response = server.post_json(key, operation_id=REMOVE)

    assert response.status_code == 204
    assert server.read_back(saved) == []


def xml_items(content: bytes) -> tuple[str, list[str], list[dict[str, str | None]]]:
    """Root name, item names, and each item's fields as text (None for xsi:nil)."""
    root = defusedxml.ElementTree.fromstring(content, forbid_dtd=True)
    fields = [
        {child.tag: None if child.get(XSI_NIL) == "true" else (child.text or "") for child in item}
        for item in root
    ]
    return root.tag, [item.tag for item in root], fields


@pytest.mark.parametrize("accept", XML_ANSWER_TYPES)
def test_xml_answer_carries_what_was_saved(server: Server, accept: str) -> None:
    saved = credential(f"xml answer {accept}", Comment=None, SecretValue="a <&>\r\nb ]]> c")
    assert server.post_json(saved).status_code == 204
    headers = {**SYSTEM_USER, "Accept": accept}

    response = server.post_json(linked_request(saved, GET), headers, GET)

    assert response.status_code == 200
    assert response.headers["content-type"] == accept
    root_name = spec_loader.response(SPEC, GET, "200")["content"][accept]["schema"]["xml"]["name"]
    expected = {
        name: None if value is None else text_of(value)
        for name, value in saved["Credentials"].items()
    }
    assert xml_items(response.content) == (root_name, [XML_ITEM], [expected])


def test_xml_answer_of_nothing_is_an_empty_root(server: Server) -> None:
    headers = {**ADMIN, "Accept": XML_ANSWER_TYPES[0]}

    response = server.post_json(linked_request(credential("no xml"), GET), headers, GET)

    assert xml_items(response.content)[1:] == ([], [])


def test_what_xml_cannot_carry_is_answered_in_json(server: Server) -> None:
    saved = credential("xml cannot", Comment="bell \x07")
    assert server.post_json(saved).status_code == 204
    headers = {**ADMIN, "Accept": XML_ANSWER_TYPES[0]}

    response = server.post_json(linked_request(saved, GET), headers, GET)

    assert response.headers["content-type"] == "application/json"
    assert response.json() == [shown(saved, sees_secret=False)]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/json"),
        ("*/*", "application/json"),
        ("application/xml", "application/xml"),
        ("Application/XML", "application/xml"),
        ("text/xml", "text/xml"),
        ("text/json", "text/json"),
        ("application/xml;q=0.5, application/json", "application/json"),
        ("application/json;q=0.5, text/xml", "text/xml"),
        ("application/xml;q=0.9, */*", "application/json"),
        ("application/xml;q=0", "application/json"),
        ("text/html", "application/json"),
    ],
)
def test_accept_chooses_the_answer_media_type(
    server: Server, accept: str | None, expected: str
) -> None:
    headers = {**ADMIN, **({"Accept": accept} if accept else {})}

    response = server.post_json(linked_request(credential("accept"), GET), headers, GET)

    assert response.status_code == 200
    assert response.headers["content-type"] == expected
    assert expected in ANSWER_TYPES


def pipelined(server: Server, requests: list[tuple[str, dict[str, Any]]]) -> list[bytes]:
    """Send the requests at once on one connection (HTTP/1.1 pipelining); their bodies."""
    host, _, port = server.running.base_url.removeprefix("http://").partition(":")
    wire = b""
    for operation_id, document in requests:
        body = json.dumps(document).encode()
        wire += (
            f"POST {spec_loader.operation(SPEC, operation_id).path} HTTP/1.1\r\nHost: {host}\r\n"
            f"Authorization: {ADMIN['Authorization']}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(wire)
        answers = connection.makefile("rb")
        return [read_answer(answers) for _ in requests]


def read_answer(answers: BinaryIO) -> bytes:
    assert answers.readline().startswith(b"HTTP/1.1 2")
    length = 0
    while (line := answers.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return answers.read(length)


def test_pipelined_save_and_remove_keep_their_order(server: Server) -> None:
    """Each write is answered after its commit, so the next one on the connection follows it."""
    saved = credential("pipelined")
    remove, get = linked_request(saved, REMOVE), linked_request(saved, GET)

    gone = pipelined(server, [(SAVE, saved), (REMOVE, remove), (GET, get)] * 20)
    back = pipelined(server, [(REMOVE, remove), (SAVE, saved), (GET, get)] * 20)

    assert all(json.loads(body) == [] for body in gone[2::3])
    assert all(json.loads(body) == [shown(saved, False)] for body in back[2::3])

"""Every error status, each with the SuperOffice error body, and no secret in any message.

Guards proven by removing them (by hand, once):
- validation.describe() replaced by jsonschema-rs's own message:
  test_invalid_field_is_named_without_its_value fails (the secret is echoed).
- declared_too_large() removed: test_declared_oversize_body_is_refused_unread fails
  (the server waits for a body that never comes; the socket times out).
- the size check in read_body() removed: test_chunked_oversize_body_is_refused fails (400).
- unencodable_text() removed: test_lone_surrogate_is_rejected fails (a 500, not a 400).
- the ValueError branch of decode_json removed: test_number_too_long_for_python_is_rejected
  fails (a 500).
- forbid_dtd=False: test_xml_dtd_is_rejected[doctype only] fails (204).
- the LookupError/ValueError branch of decode_xml removed:
  test_xml_in_an_unsupported_encoding_is_rejected fails (a 500).
- CatchAll removed from the app's middleware list: test_unexpected_error_leaks_nothing
  fails (Starlette's plain-text 500).
- send_400_response removed from ReferenceHttpProtocol:
  test_unreadable_request_has_the_error_body fails (uvicorn's plain-text 400).
"""

from __future__ import annotations

import json
import logging
import socket
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import httpx
import jsonschema_rs
import pytest

import spec_loader
from reference_server.app import create_app
from reference_server.launcher import serve_app
from reference_server.settings import Identity, Scheme, Settings
from reference_server.storage import CredentialStore
from tests.server.bodies import XML_ROOT, xml_body
from tests.server.conftest import (
    ADMIN,
    BASIC_AUTHORIZATION,
    BASIC_PASSWORD,
    BASIC_USER,
    Server,
    credential,
)

SPEC = spec_loader.load_spec()
ERROR_SCHEMA = spec_loader.component(SPEC, "schemas", "SuperOfficeError")
# The spec's own 400 example is a SecretValue over its limit.
BAD_REQUEST_EXAMPLE = spec_loader.component(SPEC, "responses", "BadRequest")["content"][
    "application/json"
]["example"]
ERROR_VALIDATOR = jsonschema_rs.Draft202012Validator(ERROR_SCHEMA)
LONG_SECRET = "never-echo-me-" + "x" * 80
VALID_XML = xml_body(credential("dtd")).decode().partition("?>")[2]  # without the declaration


def assert_error_body(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    ERROR_VALIDATOR.validate(body)
    assert isinstance(body, dict)
    return body


def test_invalid_field_is_named_without_its_value(server: Server) -> None:
    response = server.post_json(credential("too-long", SecretValue=LONG_SECRET))

    body = assert_error_body(response, 400)
    assert body == BAD_REQUEST_EXAMPLE
    assert LONG_SECRET not in response.text


@pytest.mark.parametrize(
    ("document", "message"),
    [
        pytest.param({"Type": "t", "Credentials": {}}, "AssociateId: is required", id="missing"),
        pytest.param(
            {**credential("t"), "AssociateId": "42"},
            "AssociateId: must be of type integer",
            id="wrong type",
        ),
        pytest.param(
            {**credential("t"), "AssociateId": 0}, "AssociateId: must be at least 1", id="0"
        ),
        pytest.param(
            credential("t", ValidFrom="yesterday"),
            "Credentials.ValidFrom: is not a valid date-time",
            id="format",
        ),
        pytest.param([], "body: must be of type object", id="not an object"),
    ],
)
def test_schema_violations_are_named(server: Server, document: object, message: str) -> None:
    body = assert_error_body(server.post_json(document), 400)

    assert body["ErrorMessage"] == message


def test_malformed_json_is_not_quoted(server: Server) -> None:
    response = server.post(b'{"SecretValue": "' + LONG_SECRET.encode() + b'",,}')

    body = assert_error_body(response, 400)
    assert str(body["ErrorMessage"]).startswith("body: not valid JSON")
    assert LONG_SECRET not in response.text


def test_number_too_long_for_python_is_rejected(server: Server) -> None:
    response = server.post(b'{"AssociateId": ' + b"9" * 5000 + b"}")

    body = assert_error_body(response, 400)
    assert body["ErrorMessage"] == "body: a number has too many digits"


def test_lone_surrogate_is_rejected(server: Server) -> None:
    response = server.post(json.dumps({**credential("t"), "Type": "\ud800"}).encode())

    body = assert_error_body(response, 400)
    assert body["ErrorMessage"] == "Type: is not valid Unicode text"


@pytest.mark.parametrize(
    "body",
    [
        # Valid apart from the DOCTYPE, so only the DTD ban can refuse it.
        pytest.param(f"<!DOCTYPE {XML_ROOT}>{VALID_XML}", id="doctype only"),
        pytest.param(
            f'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><{XML_ROOT}>&b;</{XML_ROOT}>',
            id="entity expansion",
        ),
    ],
)
def test_xml_dtd_is_rejected(server: Server, body: str) -> None:
    response = server.post(body.encode(), "application/xml")

    assert_error_body(response, 400)


@pytest.mark.parametrize("encoding", ["bogus", "hex", "shift_jis"])
def test_xml_in_an_unsupported_encoding_is_rejected(server: Server, encoding: str) -> None:
    body = f'<?xml version="1.0" encoding="{encoding}"?>{VALID_XML}'

    response = server.post(body.encode(), "application/xml")

    assert assert_error_body(response, 400)["ErrorMessage"] == (
        "body: the XML declaration names an unsupported encoding"
    )


def test_form_value_and_object_at_once(server: Server) -> None:
    body = urllib.parse.urlencode(
        {"AssociateId": "42", "Type": "t", "Credentials": "x", "Credentials[Comment]": "c"}
    )

    response = server.post(body.encode(), "application/x-www-form-urlencoded")

    assert assert_error_body(response, 400)["ErrorMessage"] == (
        "Credentials: given both as a value and as an object"
    )


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE", "OPTIONS"])
def test_other_methods_are_not_allowed(server: Server, method: str) -> None:
    response = server.client.request(method, server.url, headers=ADMIN)

    assert_error_body(response, 405)
    assert response.headers["Allow"] == "POST"


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/yaml"])
def test_other_media_types_are_unsupported(server: Server, content_type: str | None) -> None:
    headers = {**ADMIN, **({"Content-Type": content_type} if content_type else {})}

    response = server.client.post(server.url, content=b"{}", headers=headers)

    assert_error_body(response, 415)


def address(server: Server) -> tuple[str, int]:
    host, port = urllib.parse.urlsplit(server.running.base_url).netloc.split(":")
    return host, int(port)


def test_declared_oversize_body_is_refused_unread(server: Server) -> None:
    """Content-Length over the limit: 413 at once, although the body is never sent."""
    host, port = address(server)
    request = (
        f"POST {spec_loader.OPERATION_PATH} HTTP/1.1\r\nHost: {host}\r\n"
        f"Authorization: {BASIC_AUTHORIZATION}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {10 * 1024 * 1024}\r\n\r\n"
    )
    with socket.create_connection((host, port), timeout=5) as connection:
        connection.sendall(request.encode())
        answer = b""
        while not answer.endswith(b"}"):  # the status line and headers, then the JSON body
            answer += connection.recv(65536)
        answer_text = answer.decode()

    assert answer_text.startswith("HTTP/1.1 413 ")
    assert "RequestEntityTooLargeException" in answer_text


@pytest.mark.parametrize(
    "head",
    [
        # The long fuzz's find: uvicorn answered it with a plain-text 400 of its own.
        f"POST {spec_loader.OPERATION_PATH} HTTP/1.1\r\nTransfer-Encoding: '\r\n"
        "Content-Length: 2\r\n",
        f"POST {spec_loader.OPERATION_PATH} HTTP/1.1\r\nContent-Length: two\r\n",
        "POST /api/v1/with a space HTTP/1.1\r\n",
    ],
    ids=["bad Transfer-Encoding", "bad Content-Length", "bad request line"],
)
def test_unreadable_request_has_the_error_body(server: Server, head: str) -> None:
    host, port = address(server)
    request = f"{head}Host: {host}\r\nAuthorization: {BASIC_AUTHORIZATION}\r\n\r\n{{}}"
    with socket.create_connection((host, port), timeout=5) as connection:
        connection.sendall(request.encode())
        answer = b""
        while chunk := connection.recv(65536):  # the server closes the connection after it
            answer += chunk
    status_line, _, rest = answer.partition(b"\r\n")
    head_lines, _, body = rest.partition(b"\r\n\r\n")
    headers = dict(line.split(b": ", 1) for line in head_lines.split(b"\r\n"))

    assert status_line.startswith(b"HTTP/1.1 400 "), answer
    assert headers[b"content-type"] == b"application/json"
    ERROR_VALIDATOR.validate(json.loads(body))


def test_chunked_oversize_body_is_refused(server: Server) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(2 * 1024):
            yield b" " * 1024  # 2 MiB in all, no Content-Length

    response = server.client.post(
        server.url, content=chunks(), headers={**ADMIN, "Content-Type": "application/json"}
    )

    assert response.request.headers["Transfer-Encoding"] == "chunked"
    assert_error_body(response, 413)


def test_unknown_path_has_the_error_body(server: Server) -> None:
    response = server.client.post(server.running.base_url + "/api/v1/Nothing", headers=ADMIN)

    assert_error_body(response, 404)


def test_unexpected_error_leaks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A bug (here: storage raising with the secret in its message) gives a bare 500."""

    def broken_save(*args: object) -> None:
        raise ValueError(LONG_SECRET)

    monkeypatch.setattr(CredentialStore, "save", broken_save)
    identity = Identity(Scheme.BASIC, f"{BASIC_USER}:{BASIC_PASSWORD}")
    settings = Settings(tmp_path / "db.sqlite3", (identity,), encryption_key=bytes(32))
    caplog.set_level(logging.ERROR, logger="reference_server")
    with serve_app(create_app(settings)) as base_url:
        response = httpx.post(
            base_url + spec_loader.OPERATION_PATH,
            json=credential("bug", SecretValue=LONG_SECRET[:60]),
            headers=ADMIN,
        )

    assert_error_body(response, 500)
    assert LONG_SECRET[:60] not in response.text
    assert "unexpected ValueError at" in caplog.text
    assert LONG_SECRET[:20] not in caplog.text

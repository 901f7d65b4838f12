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
- finite_float() dropped from the stdlib JSON decoder: test_non_finite_number_is_rejected
  fails for 1e400 and -1e400 (204).
- forbid_dtd=False: test_xml_dtd_is_rejected[doctype only] fails (204).
- the LookupError/ValueError branch of decode_xml removed:
  test_xml_in_an_unsupported_encoding_is_rejected fails (a 500).
- send_400_response removed from ReferenceHttpProtocol:
  test_unreadable_request_has_the_error_body fails (uvicorn's plain-text 400).
- the looks_like_json() hint in pipeline.py: test_json_sent_as_a_form_is_named fails
  (only "AssociateId: is required; ..."; issue 12, item 5).

The refusals about the body come from the shared pipeline, so their tests run against
every operation that takes one. The refusals' order and the 415: test_pipeline.py; 404 and
405: test_app.py; the 500: test_middleware.py.
"""

from __future__ import annotations

import json
import socket
import urllib.parse
from collections.abc import Callable, Iterator

import pytest

import spec_loader
from tests.reference_server.bodies import FORM_TYPE, JSON_TYPE, XML_TYPE, xml_body, xml_root
from tests.reference_server.error_bodies import (
    ERROR_VALIDATOR,
    LONG_SECRET,
    SAVE_PATH,
    assert_error_body,
)
from tests.reference_server.live_server import (
    ADMIN,
    BASIC_AUTHORIZATION,
    BODY_OPERATION_IDS,
    OPERATION_IDS,
    SAVE,
    SPEC,
    Server,
    credential,
    valid_request,
)

# The spec's own 400 example is a SecretValue over its limit.
BAD_REQUEST_EXAMPLE = spec_loader.component(SPEC, "responses", "BadRequest")["content"][
    "application/json"
]["example"]
by_operation = pytest.mark.parametrize("operation_id", OPERATION_IDS)
by_body_operation = pytest.mark.parametrize("operation_id", BODY_OPERATION_IDS)


def valid_xml(operation_id: str) -> str:
    """A valid XML request without its XML declaration."""
    return xml_body(valid_request(operation_id, "dtd"), operation_id).decode().partition("?>")[2]


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


@by_body_operation
def test_malformed_json_is_not_quoted(server: Server, operation_id: str) -> None:
    malformed = b'{"SecretValue": "' + LONG_SECRET.encode() + b'",,}'
    response = server.post(malformed, operation_id=operation_id)

    body = assert_error_body(response, 400)
    assert str(body["ErrorMessage"]).startswith("body: not valid JSON")
    assert LONG_SECRET not in response.text


def test_number_too_long_for_python_is_rejected(server: Server) -> None:
    response = server.post(b'{"AssociateId": ' + b"9" * 5000 + b"}")

    body = assert_error_body(response, 400)
    assert body["ErrorMessage"] == "body: a number has too many digits"


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("NaN", "body: NaN is not a JSON number"),
        ("-Infinity", "body: -Infinity is not a JSON number"),
        # Python reads these as infinities; stored, a Get would answer with Infinity.
        ("1e400", "body: a number is out of range"),
        ("-1e400", "body: a number is out of range"),
    ],
)
def test_non_finite_number_is_rejected(server: Server, number: str, message: str) -> None:
    # Where the schema allows any value, so that only the decoder can refuse it.
    valid = json.dumps({**credential("non-finite"), "Extra": 0})
    assert server.post(valid.encode()).status_code == 204
    response = server.post(valid.replace('"Extra": 0', f'"Extra": {number}').encode())

    body = assert_error_body(response, 400)
    assert body["ErrorMessage"] == message


def test_lone_surrogate_is_rejected(server: Server) -> None:
    response = server.post(json.dumps({**credential("t"), "Type": "\ud800"}).encode())

    body = assert_error_body(response, 400)
    assert body["ErrorMessage"] == "Type: is not valid Unicode text"


def doctype_only(operation_id: str) -> str:
    # Valid apart from the DOCTYPE, so only the DTD ban can refuse it.
    return f"<!DOCTYPE {xml_root(operation_id)}>{valid_xml(operation_id)}"


def entity_expansion(operation_id: str) -> str:
    root = xml_root(operation_id)
    return f'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><{root}>&b;</{root}>'


@by_body_operation
@pytest.mark.parametrize("body_of", [doctype_only, entity_expansion])
def test_xml_dtd_is_rejected(
    server: Server, operation_id: str, body_of: Callable[[str], str]
) -> None:
    response = server.post(body_of(operation_id).encode(), XML_TYPE, operation_id=operation_id)

    assert_error_body(response, 400)


@pytest.mark.parametrize("encoding", ["bogus", "hex", "shift_jis"])
def test_xml_in_an_unsupported_encoding_is_rejected(server: Server, encoding: str) -> None:
    body = f'<?xml version="1.0" encoding="{encoding}"?>{valid_xml(SAVE)}'

    response = server.post(body.encode(), XML_TYPE)

    assert assert_error_body(response, 400)["ErrorMessage"] == (
        "body: the XML declaration names an unsupported encoding"
    )


@by_body_operation
@pytest.mark.parametrize("space", ["", " \n\t"])
def test_json_sent_as_a_form_is_named(server: Server, operation_id: str, space: str) -> None:
    """curl -d '{...}' sends JSON as a form, which lacks every field."""
    body = space + json.dumps(valid_request(operation_id, "curl"))

    response = server.post(body.encode(), FORM_TYPE, operation_id=operation_id)

    message = str(assert_error_body(response, 400)["ErrorMessage"])
    # The problems come sorted; every required field is missing from such a form.
    first_required = min(spec_loader.request_schema(SPEC, operation_id)["required"])
    assert message.startswith(
        f"body: looks like JSON; send it with Content-Type: {JSON_TYPE}; {first_required}:"
        " is required"
    )


def test_a_form_that_does_not_look_like_json_gets_no_hint(server: Server) -> None:
    response = server.post(b"Type=t", FORM_TYPE)

    assert assert_error_body(response, 400)["ErrorMessage"] == (
        "AssociateId: is required; Credentials: is required"
    )


def test_form_value_and_object_at_once(server: Server) -> None:
    body = urllib.parse.urlencode(
        {"AssociateId": "42", "Type": "t", "Credentials": "x", "Credentials[Comment]": "c"}
    )

    response = server.post(body.encode(), "application/x-www-form-urlencoded")

    assert assert_error_body(response, 400)["ErrorMessage"] == (
        "Credentials: given both as a value and as an object"
    )


def address(server: Server) -> tuple[str, int]:
    host, port = urllib.parse.urlsplit(server.running.base_url).netloc.split(":")
    return host, int(port)


@by_body_operation
def test_declared_oversize_body_is_refused_unread(server: Server, operation_id: str) -> None:
    """Content-Length over the limit: 413 at once, although the body is never sent."""
    host, port = address(server)
    path = spec_loader.operation(SPEC, operation_id).path
    request = (
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\n"
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
        f"POST {SAVE_PATH} HTTP/1.1\r\nTransfer-Encoding: '\r\nContent-Length: 2\r\n",
        f"POST {SAVE_PATH} HTTP/1.1\r\nContent-Length: two\r\n",
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


@by_body_operation
def test_chunked_oversize_body_is_refused(server: Server, operation_id: str) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(2 * 1024):
            yield b" " * 1024  # 2 MiB in all, no Content-Length

    response = server.client.post(
        server.url(operation_id),
        content=chunks(),
        headers={**ADMIN, "Content-Type": "application/json"},
    )

    assert response.request.headers["Transfer-Encoding"] == "chunked"
    assert_error_body(response, 413)

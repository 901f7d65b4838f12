"""The hostile input catalogue: requests built to crash, stall, exhaust or fool the server.

Each carries a known SecretValue (and the admin Authorization), so a test can also
show that neither is echoed or logged. Media types, field names and the XML root come
from the spec; the body limit is the server's default setting.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import spec_loader
from reference_server.body_decoding import BodyFormat, body_format
from reference_server.settings import ONE_MIB
from tests.server.bodies import XML_ROOT, xml_body
from tests.server.conftest import credential

SPEC = spec_loader.load_spec()
MEDIA_TYPES = spec_loader.request_media_types(SPEC)
JSON_TYPE, XML_TYPE, FORM_TYPE = (
    next(media_type for media_type in MEDIA_TYPES if body_format(media_type) is wanted)
    for wanted in (BodyFormat.JSON, BodyFormat.XML, BodyFormat.FORM)
)
INT32_MAX = spec_loader.request_schema(SPEC)["properties"]["AssociateId"]["maximum"]
SECRET = "hostile-SecretValue-5f1e2d9a"
DEPTH = 100_000
FORM_FIELDS = 100_000
# Far over the 1 MiB default: if the server buffered it, its memory would show it.
OVERSIZE_BYTES = 64 * ONE_MIB
OVERSIZE_HEADER_BYTES = ONE_MIB
CHUNK = b" " * (64 * 1024)

Body = bytes | Callable[[], Iterator[bytes]] | None


@dataclass(frozen=True)
class HostileInput:
    name: str
    status: int
    body: Body
    content_type: str | None = JSON_TYPE
    headers: dict[str, str] = field(default_factory=dict)


def valid_json(**fields: object) -> dict[str, object]:
    return {**credential("hostile", SecretValue=SECRET), **fields}


def encoded(document: object) -> bytes:
    return json.dumps(document).encode()


def chunked_oversize() -> Iterator[bytes]:
    for _ in range(OVERSIZE_BYTES // len(CHUNK)):
        yield CHUNK


def xml_with_dtd(dtd: str, type_text: str) -> bytes:
    """A valid XML request with ``dtd`` before its root and ``type_text`` as its Type.

    The request is otherwise valid, so a parser that let the DTD through would save it.
    """
    declaration, _, root = xml_body(valid_json()).partition(b"?>")
    valid_type = f"<Type>{valid_json()['Type']}</Type>".encode()
    root = root.strip().replace(valid_type, f"<Type>{type_text}</Type>".encode())
    return declaration + b"?>\n" + dtd.encode() + b"\n" + root


# Ten levels of ten references each: 10**9 "lol"s if entities were expanded.
LAUGHS = ['<!ENTITY lol0 "lol">'] + [
    f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
]
BILLION_LAUGHS = xml_with_dtd(f"<!DOCTYPE r [{''.join(LAUGHS)}]>", "&lol9;")
XXE = xml_with_dtd('<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>', "&xxe;")
# An external DTD on loopback port 9 (discard): fetching it would be a server-side request.
EXTERNAL_DTD = xml_with_dtd(f'<!DOCTYPE {XML_ROOT} SYSTEM "http://127.0.0.1:9/x.dtd">', "dtd")
VALID_JSON = encoded(valid_json())
ASSOCIATE_ID = b'"AssociateId": ' + str(valid_json()["AssociateId"]).encode()


def with_associate_id(literal: bytes) -> bytes:
    """The valid body with AssociateId written as ``literal`` (json.dumps cannot write some)."""
    return VALID_JSON.replace(ASSOCIATE_ID, b'"AssociateId": ' + literal)


# Short names and empty values: 100,000 fields that still fit under the body limit.
MANY_FIELDS = (
    "&".join(f"f{n}=" for n in range(FORM_FIELDS))
    + "&"
    + urllib.parse.urlencode({"Credentials[SecretValue]": SECRET})
)

CATALOGUE = (
    HostileInput("malformed JSON", 400, VALID_JSON.replace(b",", b",,", 1)),
    HostileInput("truncated JSON", 400, VALID_JSON[: len(VALID_JSON) // 2]),
    HostileInput("JSON arrays nested 100,000 deep", 400, b"[" * DEPTH + b"]" * DEPTH),
    HostileInput("JSON objects nested 100,000 deep", 400, b'{"a":' * DEPTH + b"1" + b"}" * DEPTH),
    HostileInput("integer of 5,000 digits", 400, with_associate_id(b"9" * 5000)),
    HostileInput("number 1e999", 400, with_associate_id(b"1e999")),
    HostileInput("int32 overflow", 400, encoded(valid_json(AssociateId=INT32_MAX + 1))),
    HostileInput("int32 underflow", 400, encoded(valid_json(AssociateId=-INT32_MAX - 2))),
    HostileInput("Credentials as a list", 400, encoded(valid_json(Credentials=[SECRET]))),
    HostileInput("Type as an object", 400, encoded(valid_json(Type={"x": SECRET}))),
    HostileInput("invalid UTF-8", 400, VALID_JSON.replace(b"hostile", b"\xff\xfe\xc3(", 1)),
    HostileInput("raw NUL byte in JSON", 400, VALID_JSON.replace(b"hostile", b"a\x00b", 1)),
    HostileInput("raw NUL byte in XML", 400, xml_with_dtd("", "a\x00b"), XML_TYPE),
    HostileInput("XML billion laughs", 400, BILLION_LAUGHS, XML_TYPE),
    HostileInput("XML external entity (XXE)", 400, XXE, XML_TYPE),
    HostileInput("XML external DTD", 400, EXTERNAL_DTD, XML_TYPE),
    HostileInput("form with 100,000 fields", 400, MANY_FIELDS.encode(), FORM_TYPE),
    HostileInput("body over the limit, Content-Length", 413, b" " * OVERSIZE_BYTES),
    HostileInput("body over the limit, chunked", 413, chunked_oversize),
    HostileInput("unknown media type", 415, VALID_JSON, "application/x-yaml"),
    HostileInput("missing Content-Type", 415, VALID_JSON, None),
    HostileInput("missing body", 400, None),
    HostileInput(
        "header over the limit", 431, VALID_JSON, headers={"X-Padding": "p" * OVERSIZE_HEADER_BYTES}
    ),
)

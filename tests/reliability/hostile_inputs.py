"""The hostile input catalogue: requests built to crash, stall, exhaust or fool the server.

There is one catalogue per operation, built from that operation's valid request, so
that every guard of the shared request pipeline is shown to hold for each. Inputs carry
a known secret wherever the request has room for one (Save's SecretValue, a Type sent
as an object, a form field), and all carry the admin Authorization, so a test can also
show that neither is echoed or logged. Media types, field names and the XML roots
come from the spec; the body limit is the server's default setting.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import spec_loader
from reference_server.settings import ONE_MIB
from spec_loader.schema_readers import schema_types
from tests.reference_server.bodies import FORM_TYPE, JSON_TYPE, XML_TYPE, xml_body, xml_root
from tests.reference_server.live_server import ASSOCIATE_ID, SPEC, valid_request

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


def encoded(document: object) -> bytes:
    return json.dumps(document).encode()


def chunked_oversize() -> Iterator[bytes]:
    for _ in range(OVERSIZE_BYTES // len(CHUNK)):
        yield CHUNK


# Ten levels of ten references each: 10**9 "lol"s if entities were expanded.
LAUGHS = ['<!ENTITY lol0 "lol">'] + [
    f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
]
# Short names and empty values: 100,000 fields that still fit under the body limit.
MANY_FIELDS = (
    "&".join(f"f{n}=" for n in range(FORM_FIELDS))
    + "&"
    + urllib.parse.urlencode({"Credentials[SecretValue]": SECRET})
).encode()


class Operation:
    """The valid request of one operation that the hostile inputs are made from."""

    def __init__(self, operation_id: str) -> None:
        self.operation_id = operation_id
        self.document = valid_request(operation_id, "hostile", SecretValue=SECRET)
        self.valid_json = encoded(self.document)
        self.schema = spec_loader.request_schema(SPEC, operation_id, JSON_TYPE)
        # None for the caller's own operations, whose request has no AssociateId (no int32).
        associate_id = self.schema["properties"].get(ASSOCIATE_ID)
        self.int32_max: int | None = associate_id["maximum"] if associate_id else None

    def with_fields(self, **fields: object) -> bytes:
        return encoded({**self.document, **fields})

    def with_associate_id(self, literal: bytes) -> bytes:
        """The valid body with AssociateId written as ``literal`` (json.dumps cannot write some).

        A request without one (the caller's own) gets it as a field the schema does not
        name: the JSON decoder must refuse the literal wherever it stands.
        """
        if ASSOCIATE_ID not in self.document:
            return b'{"AssociateId": ' + literal + b", " + self.valid_json[1:]
        written = b'"AssociateId": ' + str(self.document[ASSOCIATE_ID]).encode()
        return self.valid_json.replace(written, b'"AssociateId": ' + literal)

    def xml_with_dtd(self, dtd: str, type_text: str) -> bytes:
        """A valid XML request with ``dtd`` before its root and ``type_text`` as its Type.

        The request is otherwise valid, so a parser that let the DTD through would accept it.
        """
        declaration, _, root = xml_body(self.document, self.operation_id).partition(b"?>")
        valid_type = f"<Type>{self.document['Type']}</Type>".encode()
        root = root.strip().replace(valid_type, f"<Type>{type_text}</Type>".encode())
        return declaration + b"?>\n" + dtd.encode() + b"\n" + root

    def object_fields(self) -> list[str]:
        """The request's object-typed fields (Save's Credentials); a list there is a 400."""
        properties = self.schema.get("properties", {})
        return [name for name, node in properties.items() if "object" in schema_types(node)]


def catalogue(operation_id: str) -> list[HostileInput]:
    """The hostile inputs for one operation, each built from its own valid request."""
    op = Operation(operation_id)
    valid = op.valid_json
    root = xml_root(operation_id)
    return [
        # A colon doubled: every request has a field, not every one has two.
        HostileInput("malformed JSON", 400, valid.replace(b":", b"::", 1)),
        HostileInput("truncated JSON", 400, valid[: len(valid) // 2]),
        HostileInput("JSON arrays nested 100,000 deep", 400, b"[" * DEPTH + b"]" * DEPTH),
        HostileInput(
            "JSON objects nested 100,000 deep", 400, b'{"a":' * DEPTH + b"1" + b"}" * DEPTH
        ),
        HostileInput("integer of 5,000 digits", 400, op.with_associate_id(b"9" * 5000)),
        HostileInput("number 1e999", 400, op.with_associate_id(b"1e999")),
        *(
            [
                HostileInput("int32 overflow", 400, op.with_fields(AssociateId=op.int32_max + 1)),
                HostileInput("int32 underflow", 400, op.with_fields(AssociateId=-op.int32_max - 2)),
            ]
            if op.int32_max is not None
            else []
        ),
        *(
            HostileInput(f"{name} as a list", 400, op.with_fields(**{name: [SECRET]}))
            for name in op.object_fields()
        ),
        HostileInput("Type as an object", 400, op.with_fields(Type={"x": SECRET})),
        HostileInput("invalid UTF-8", 400, valid.replace(b"hostile", b"\xff\xfe\xc3(", 1)),
        HostileInput("raw NUL byte in JSON", 400, valid.replace(b"hostile", b"a\x00b", 1)),
        HostileInput("raw NUL byte in XML", 400, op.xml_with_dtd("", "a\x00b"), XML_TYPE),
        HostileInput(
            "XML billion laughs",
            400,
            op.xml_with_dtd(f"<!DOCTYPE r [{''.join(LAUGHS)}]>", "&lol9;"),
            XML_TYPE,
        ),
        HostileInput(
            "XML external entity (XXE)",
            400,
            op.xml_with_dtd('<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>', "&xxe;"),
            XML_TYPE,
        ),
        # An external DTD on loopback port 9 (discard): fetching it would be a server-side
        # request.
        HostileInput(
            "XML external DTD",
            400,
            op.xml_with_dtd(f'<!DOCTYPE {root} SYSTEM "http://127.0.0.1:9/x.dtd">', "dtd"),
            XML_TYPE,
        ),
        HostileInput("form with 100,000 fields", 400, MANY_FIELDS, FORM_TYPE),
        HostileInput("body over the limit, Content-Length", 413, b" " * OVERSIZE_BYTES),
        HostileInput("body over the limit, chunked", 413, chunked_oversize),
        HostileInput("unknown media type", 415, valid, "application/x-yaml"),
        HostileInput("missing Content-Type", 415, valid, None),
        HostileInput("missing body", 400, None),
        HostileInput(
            "header over the limit",
            431,
            valid,
            headers={"X-Padding": "p" * OVERSIZE_HEADER_BYTES},
        ),
    ]

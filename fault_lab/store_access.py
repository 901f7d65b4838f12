"""How a planted fault reads the credentials store and puts it back, behind the client's back.

A fault that must answer exactly as the reference server does, yet keep the store other
than a save or a remove left it, lets the server answer and then undoes the change with
calls of its own (``forward`` of intercept.around). Those calls are built from the links
of the spec's Save 204 (Save -> Get, Save -> Remove): which request fields make the key,
and where they sit in a save. They are made as a system user, who sees secrets, so what
is put back is the whole credential, secret included. fault_servers.py makes every
wrapped reference server accept that user.

Only JSON bodies are read: the JSON family is four of the seven media types and most of
what the suite sends, so a fault that leaves XML and form requests alone is still a
fault the suite must catch.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import replace
from typing import Any

import spec_loader
from fault_lab.intercept import Answer, Exchange, Forward
from spec_loader.auth import basic_authorization
from spec_loader.documents import value_at
from spec_loader.links import credential_links
from spec_loader.media_types import json_media_types
from spec_loader.statuses import NO_CONTENT, OK, spec_key

SPEC = spec_loader.load_spec()
LINKS = credential_links(SPEC)
SAVE = LINKS.save_operation_id

Document = dict[str, Any]
# A credential's key as the Remove operation takes it, by Remove request field.
Key = dict[str, Any]

GET = LINKS.read_back.operation_id
REMOVE = LINKS.remove.operation_id
# Get asks for every credential of (AssociateId, Type) ...
READ_BACK_FIELDS = LINKS.read_back.pointers
# ... and Remove names one of them by the rest of the key (PublicValue), which a save
# carries inside its credential object, where a Get answer's items carry it too.
REMOVE_FIELDS = LINKS.remove.pointers
ITEM_KEY_FIELDS = {LINKS.identity_field: LINKS.save_path(LINKS.identity_field)[-1]}
CARRIER_PATH = LINKS.carrier_path

REQUEST_JSON_TYPES = {
    op.operation_id: json_media_types(spec_loader.request_media_types(SPEC, op.operation_id))
    for op in spec_loader.operations(SPEC)
}
ANSWER_JSON_TYPES = json_media_types(spec_loader.response(SPEC, GET, spec_key(OK))["content"])


def example_body(operation_id: str) -> dict[str, Any]:
    """The spec's first example of an operation's request, in its first JSON media type."""
    content = spec_loader.operation(SPEC, operation_id).node["requestBody"]["content"]
    example = next(iter(content[REQUEST_JSON_TYPES[operation_id][0]]["examples"].values()))
    body: dict[str, Any] = spec_loader.resolve(SPEC, example)["value"]
    return body


SAVE_BODY = example_body(SAVE)
OPERATIONS_AT = {
    (op.method.upper(), op.path): op.operation_id for op in spec_loader.operations(SPEC)
}

# Made up per process: the batch serves every wrapped server from this one.
SYSTEM_USER = (f"contract-system-{secrets.token_hex(4)}", secrets.token_urlsafe(24))
SYSTEM_AUTHORIZATION = basic_authorization(":".join(SYSTEM_USER))


def operation_of(request: Exchange) -> str | None:
    return OPERATIONS_AT.get((request.method.upper(), request.path))


def json_document(request: Exchange) -> Document | None:
    """The request's body when it is a JSON object sent in a JSON media type, else None."""
    operation_id = operation_of(request)
    if operation_id is None or request.content_type not in REQUEST_JSON_TYPES[operation_id]:
        return None
    try:
        body = json.loads(request.body)
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def answered_items(answer: Answer) -> list[Document] | None:
    """A Get answer's credentials, when it answered them as JSON; else None."""
    media_type = answer.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if answer.status != OK or media_type not in ANSWER_JSON_TYPES:
        return None
    items = json.loads(answer.body)
    return items if isinstance(items, list) else None


def set_value_at(document: Document, path: tuple[str, ...], value: Any) -> None:
    *parents, leaf = path
    for name in parents:
        document = document.setdefault(name, {})
    document[leaf] = value


def key_of(request: Exchange) -> Key | None:
    """The key of a JSON Save or Remove: the Remove fields as the request gives them."""
    body = json_document(request)
    if body is None:
        return None
    paths = REMOVE_FIELDS if operation_of(request) == SAVE else {f: (f,) for f in REMOVE_FIELDS}
    return {field: value_at(body, path) for field, path in paths.items()}


def read_back_body(key: Key) -> Document:
    return {field: key[field] for field in READ_BACK_FIELDS}


def holds_key(item: Document, key: Key) -> bool:
    # A null or missing PublicValue is the same key as the empty string (the spec's Save).
    return all(
        (item.get(name) or "") == (key[field] or "") for field, name in ITEM_KEY_FIELDS.items()
    )


def own_call(
    request: Exchange, operation_id: str, body: Document, authorization: str | None = None
) -> Exchange:
    """A JSON call of ``operation_id``, on the connection and with the headers of ``request``;
    with ``authorization`` instead of the caller's when it is given."""
    op = spec_loader.operation(SPEC, operation_id)
    headers = {
        **request.headers,
        "content-type": REQUEST_JSON_TYPES[operation_id][0],
        "accept": ANSWER_JSON_TYPES[0],
    }
    if authorization is not None:
        headers["authorization"] = authorization
    return replace(
        request,
        method=op.method.upper(),
        path=op.path,
        query="",
        headers=headers,
        body=json.dumps(body).encode(),
    )


def as_system_user(request: Exchange) -> Exchange:
    return replace(request, headers={**request.headers, "authorization": SYSTEM_AUTHORIZATION})


async def checked(forward: Forward, call: Exchange, expected: int) -> Answer:
    answer = await forward(call)
    if answer.status != expected:
        # The fault would no longer be the one it claims to be: say so loudly.
        raise RuntimeError(f"a planted fault's own {call.path} call was answered {answer.status}")
    return answer


async def stored(forward: Forward, request: Exchange, key: Key) -> Document | None:
    """The credential stored under ``key``, secret included, or None when there is none."""
    call = own_call(request, GET, read_back_body(key), SYSTEM_AUTHORIZATION)
    answer = await forward(call)
    items = answered_items(answer) or []
    return next((item for item in items if holds_key(item, key)), None)


async def put_back(
    forward: Forward, request: Exchange, key: Key, previous: Document | None
) -> None:
    """Make the store hold ``previous`` under ``key`` again, or nothing when it is None."""
    if previous is None:
        call = own_call(request, REMOVE, key, SYSTEM_AUTHORIZATION)
    else:
        body: Document = {}
        for field, path in READ_BACK_FIELDS.items():
            set_value_at(body, path, key[field])
        set_value_at(body, CARRIER_PATH, previous)
        call = own_call(request, SAVE, body, SYSTEM_AUTHORIZATION)
    await checked(forward, call, NO_CONTENT)

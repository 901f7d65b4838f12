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

import base64
import json
import secrets
from dataclasses import replace
from typing import Any

import spec_loader
from contract_tests.facts.contract import NO_CONTENT
from tests.contract.intercept import Answer, Exchange, Forward

SAVE = "SaveUntrustedCredentialsForAssociate"
SPEC = spec_loader.load_spec()
LINKS = spec_loader.response(SPEC, SAVE, NO_CONTENT)["links"]
REQUEST_BODY = "$request.body#"
OK = 200

Document = dict[str, Any]
# A credential's key as the Remove operation takes it, by Remove request field.
Key = dict[str, Any]


def link_fields(operation_id: str) -> dict[str, tuple[str, ...]]:
    """The request fields that the Save 204's link to ``operation_id`` fills, and where
    in the save each one is read from (``$request.body#/Credentials/PublicValue``)."""
    link = next(link for link in LINKS.values() if link["operationId"] == operation_id)
    return {
        field: tuple(
            part.replace("~1", "/").replace("~0", "~")
            for part in expression.removeprefix(REQUEST_BODY).split("/")[1:]
        )
        for field, expression in link["requestBody"].items()
    }


GET = "GetUntrustedCredentialsForAssociate"
REMOVE = "RemoveUntrustedCredentialsForAssociate"
# Get asks for every credential of (AssociateId, Type) ...
READ_BACK_FIELDS = link_fields(GET)
# ... and Remove names one of them by the rest of the key (PublicValue), which a save
# carries inside its credential object, where a Get answer's items carry it too.
REMOVE_FIELDS = link_fields(REMOVE)
ITEM_KEY_FIELDS = {
    field: path[-1] for field, path in REMOVE_FIELDS.items() if field not in READ_BACK_FIELDS
}
CARRIER_PATH = next(path[:-1] for field, path in REMOVE_FIELDS.items() if field in ITEM_KEY_FIELDS)


def json_types(media_types: list[str]) -> list[str]:
    return [media_type for media_type in media_types if media_type.endswith("json")]


REQUEST_JSON_TYPES = {
    op.operation_id: json_types(spec_loader.request_media_types(SPEC, op.operation_id))
    for op in spec_loader.operations(SPEC)
}
ANSWER_JSON_TYPES = json_types(list(spec_loader.response(SPEC, GET, str(OK))["content"]))
OPERATIONS_AT = {
    (op.method.upper(), op.path): op.operation_id for op in spec_loader.operations(SPEC)
}

# Made up per process: the batch serves every wrapped server from this one.
SYSTEM_USER = (f"contract-system-{secrets.token_hex(4)}", secrets.token_urlsafe(24))
SYSTEM_AUTHORIZATION = "Basic " + base64.b64encode(":".join(SYSTEM_USER).encode()).decode()


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


def value_at(document: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        document = document.get(name) if isinstance(document, dict) else None
    return document


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
    await checked(forward, call, int(NO_CONTENT))

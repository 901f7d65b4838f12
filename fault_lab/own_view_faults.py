"""Planted faults of the caller's own view, which the model's comparison across views catches.

The spec says the caller's own Save, Get and Remove act on the caller's associate, in
the same store as the ForAssociate operations. Each fault keeps the own view consistent
with itself, so a test that only saves and reads back through it passes; what breaks
is the promise that both views are one store:

- own operations keyed to another associate (an off-by-one, or the id of the user's
  contact person instead of the associate's);
- an own Remove that removes from a per-view cache only: the own view no longer shows
  the credential, the store still holds it;
- an own Get served from a per-view cache that only the own writes refresh;
- an own Save that takes the associate from a stray ``AssociateId`` in the body, a
  field its schema does not name, instead of from the caller (this one loses the
  credential from the own view too: the own read-back catches it).

The model harness (model_harness.py) runs the model with an identity whose associate is
``OWNER_ASSOCIATE``; these faults act on it as a server would on its caller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from starlette.types import ASGIApp

import spec_loader
from contract_tests.model.judge import CROSS_VIEW
from contract_tests.model.judge import SAVED as SAVED_CHECK
from contract_tests.model.own_view import own_facts
from fault_lab.intercept import Answer, Exchange, Forward, around
from fault_lab.planted_fault import MODEL_PHASE, Fault
from fault_lab.store_access import (
    GET,
    READ_BACK_FIELDS,
    REMOVE,
    SAVE,
    SPEC,
    SYSTEM_AUTHORIZATION,
    Document,
    operation_of,
    own_call,
    set_value_at,
)
from fault_lab.wire import document, edit_get_answer
from spec_loader.links import credential_links
from spec_loader.statuses import NO_CONTENT, OK

# The associate of the model harness's caller.
OWNER_ASSOCIATE = 42
_OWN = own_facts()
assert _OWN is not None, "the spec has no own view"
OWN_SAVE, OWN_GET, OWN_REMOVE = _OWN.save_id, _OWN.read_back.operation_id, _OWN.remove.operation_id
# Each own operation and its ForAssociate sibling.
SIBLING = {OWN_SAVE: SAVE, OWN_GET: GET, OWN_REMOVE: REMOVE}
_LINKS = credential_links(SPEC)
ASSOCIATE_FIELD, KIND_FIELD, IDENTITY_FIELD = (
    _LINKS.associate_field,
    _LINKS.type_field,
    _LINKS.identity_field,
)


def for_associate(request: Exchange, body: Document, associate: Any) -> Exchange:
    """An own call, made as its ForAssociate sibling for ``associate`` (as a system user)."""
    sibling = SIBLING[str(operation_of(request))]
    placed = dict(body)
    path = READ_BACK_FIELDS[ASSOCIATE_FIELD] if sibling == SAVE else (ASSOCIATE_FIELD,)
    set_value_at(placed, path, associate)
    made = own_call(request, sibling, placed, SYSTEM_AUTHORIZATION)
    # The answer as the caller asked for it: only the associate is wrong.
    accept = {"accept": request.headers["accept"]} if "accept" in request.headers else {}
    return replace(made, headers={**made.headers, **accept})


def keyed_to(associate_of: Callable[[Document], Any]) -> Callable[[ASGIApp], ASGIApp]:
    """Every own call acts on ``associate_of(its body)`` instead of on the caller's."""

    async def handle(request: Exchange, forward: Forward) -> Answer:
        body = document(request) if operation_of(request) in SIBLING else None
        if body is None:
            return await forward(request)
        return await forward(for_associate(request, body, associate_of(body)))

    return around(handle)


def own_associate(body: Document) -> int:
    return OWNER_ASSOCIATE


# The own operations answered by the ForAssociate ones for the caller's associate, as the
# spec says they are: around a ForAssociate fault or variation, it acts on both views.
through_siblings = keyed_to(own_associate)


def next_associate(body: Document) -> int:
    return OWNER_ASSOCIATE + 1


def body_associate(body: Document) -> Any:
    """The associate a stray field of the body names, else the caller's."""
    return body.get(ASSOCIATE_FIELD) or OWNER_ASSOCIATE


def own_key(body: Document) -> tuple[str, str]:
    return (str(body.get(KIND_FIELD)), str(body.get(IDENTITY_FIELD) or ""))


def remove_from_own_cache(app: ASGIApp) -> ASGIApp:
    """An own Remove drops the credential from the own view's cache only; an own Save of the
    key brings it back."""
    removed: set[tuple[str, str]] = set()

    def hide(request: Exchange, items: list[Document]) -> list[Document]:
        kind = str((document(request) or {}).get(KIND_FIELD))
        name = _LINKS.save_path(IDENTITY_FIELD)[-1]
        return [item for item in items if (kind, str(item.get(name) or "")) not in removed]

    edit = edit_get_answer(hide)

    async def handle(request: Exchange, forward: Forward) -> Answer:
        operation = operation_of(request)
        body = document(request) if operation in SIBLING else None
        if body is not None and operation == OWN_REMOVE:
            removed.add(own_key(body))
            return Answer(int(NO_CONTENT))
        if body is not None and operation == OWN_SAVE:
            saved = body.get(_LINKS.carrier_path[0]) or {}
            removed.discard((str(body.get(KIND_FIELD)), str(saved.get(IDENTITY_FIELD) or "")))
        answer = await forward(request)
        if operation == OWN_GET:
            # edit_get_answer edits the ForAssociate Get's answers: this one is the same list.
            return edit(replace(request, path=_path_of(GET)), answer)
        return answer

    return around(handle)(app)


def own_get_cached(app: ASGIApp) -> ASGIApp:
    """An own Get answered from a cache per request that only the own writes clear."""
    cached: dict[tuple[str, bytes], Answer] = {}

    async def handle(request: Exchange, forward: Forward) -> Answer:
        operation = operation_of(request)
        if operation in (OWN_SAVE, OWN_REMOVE):
            cached.clear()
        if operation != OWN_GET:
            return await forward(request)
        key = (request.headers.get("accept", ""), request.body)
        if key not in cached:
            answer = await forward(request)
            if answer.status != OK:
                return answer
            cached[key] = answer
        return cached[key]

    return around(handle)(app)


def _path_of(operation_id: str) -> str:
    return str(spec_loader.operation(SPEC, operation_id).path)


OWN_VIEW_FAULTS = (
    Fault(
        "own_keyed_to_next_associate",
        "the caller's own operations act on the associate after the caller's",
        CROSS_VIEW,
        keyed_to(next_associate),
        only=MODEL_PHASE,
    ),
    Fault(
        "own_remove_from_view_cache",
        "an own Remove removes from the own view's cache only, not from the store",
        CROSS_VIEW,
        remove_from_own_cache,
        only=MODEL_PHASE,
    ),
    Fault(
        "own_get_from_stale_cache",
        "an own Get is served from a cache that only the own writes clear",
        CROSS_VIEW,
        own_get_cached,
        only=MODEL_PHASE,
    ),
    Fault(
        "own_save_takes_body_associate",
        f"an own Save stores under the {ASSOCIATE_FIELD} of its body, a field it must ignore",
        SAVED_CHECK,
        keyed_to(body_associate),
        only=MODEL_PHASE,
    ),
)

"""The credential links: the spec's machine-readable form of a credential's key.

A save's success answer links to the operation that reads it back (``ReadBack``) and to
the one that removes it (``Remove``). Each link maps the target's body fields to the
save's own request body (``PublicValue: $request.body#/Credentials/PublicValue``). So the
links say which fields make a credential's key and where each sits in a save, in a Get
and in a Remove: the server stores by that key, the suite reads back and removes by it,
and the run's clean-up removes by it.
"""

from __future__ import annotations

from dataclasses import dataclass

import spec_loader
from spec_loader.statuses import is_success

READ_BACK_LINK = "ReadBack"
REMOVE_LINK = "Remove"
# The only kind of link expression a save's answer can resolve: a 204 has no body.
REQUEST_BODY_EXPRESSION = "$request.body#"
# The schema component of an associate's id, which every body field naming one refers to.
ASSOCIATE_SCHEMA = "AssociateId"

Path = tuple[str, ...]


@dataclass(frozen=True)
class Link:
    """One link of a response: the operation it calls, and where each body field comes from."""

    operation_id: str
    # Target body field -> the runtime expression, as the spec writes it.
    expressions: dict[str, str]

    @property
    def pointers(self) -> dict[str, Path]:
        """Target body field -> path of its value in the linking request's body."""
        return {field: request_body_path(text) for field, text in self.expressions.items()}


@dataclass(frozen=True)
class ResponseLink:
    """A link, and the response it belongs to."""

    operation_id: str  # the operation whose response links
    status: str  # as the spec writes it
    name: str
    link: Link


def request_body_path(expression: str) -> Path:
    """``$request.body#/Credentials/PublicValue`` -> ``("Credentials", "PublicValue")``."""
    if not expression.startswith(f"{REQUEST_BODY_EXPRESSION}/"):
        raise ValueError(f"a save's link can only map from its request body, not {expression!r}")
    parts = expression.removeprefix(f"{REQUEST_BODY_EXPRESSION}/").split("/")
    return tuple(part.replace("~1", "/").replace("~0", "~") for part in parts)


def response_links(spec: spec_loader.JsonObject) -> list[ResponseLink]:
    """Every link of every documented response, in the spec's order."""
    found = []
    for op in spec_loader.operations(spec):
        for status in spec_loader.response_statuses(spec, op.operation_id):
            answer = spec_loader.response(spec, op.operation_id, status)
            for name, link in answer.get("links", {}).items():
                expressions = dict(link.get("requestBody", {}))
                found.append(
                    ResponseLink(
                        op.operation_id, status, name, Link(link["operationId"], expressions)
                    )
                )
    return found


@dataclass(frozen=True)
class CredentialLinks:
    """The save, its read-back and its removal, and the key fields they share."""

    save_operation_id: str
    save_status: str
    read_back: Link
    remove: Link
    # Key fields by their name in the Get and Remove bodies:
    associate_field: str  # the associate the credential belongs to
    type_field: str  # the rest of what a Get asks for
    identity_field: str  # what tells the credentials of one Get apart

    @property
    def carrier_path(self) -> Path:
        """Where a save holds the credential a Get answers with: the identity field's parent."""
        return self.remove.pointers[self.identity_field][:-1]

    def save_path(self, field: str) -> Path:
        """Where a save holds the key field ``field``."""
        return self.remove.pointers[field]


def associate_fields(spec: spec_loader.JsonObject) -> dict[str, tuple[str, ...]]:
    """operationId -> the top-level body properties that hold an associate id."""
    reference = f"#/components/schemas/{ASSOCIATE_SCHEMA}"
    found: dict[str, tuple[str, ...]] = {}
    for op in spec_loader.operations(spec):
        body = op.node.get("requestBody")
        if body is None:
            continue
        names: set[str] = set()
        for content in body["content"].values():
            schema = spec_loader.resolve(spec, content["schema"])
            names.update(
                name
                for name, child in schema.get("properties", {}).items()
                if child.get("$ref") == reference
            )
        found[op.operation_id] = tuple(sorted(names))
    return found


def credential_links(spec: spec_loader.JsonObject) -> CredentialLinks:
    """The links of the one success answer that links to both a read-back and a removal of
    credentials named by their associate: the ForAssociate save's.

    The caller's own save links the same way to the caller's own Get and Remove, which
    name no associate; their requests hold the key as these do, but for the associate,
    which is the caller's (the server writes it in where these requests have it).
    """
    by_answer: dict[tuple[str, str], dict[str, Link]] = {}
    for found in response_links(spec):
        if is_success(found.status):
            by_answer.setdefault((found.operation_id, found.status), {})[found.name] = found.link
    naming_associates = {name for name, fields in associate_fields(spec).items() if fields}
    saves = [
        (answer, links)
        for answer, links in by_answer.items()
        if READ_BACK_LINK in links
        and REMOVE_LINK in links
        and links[READ_BACK_LINK].operation_id in naming_associates
    ]
    if len(saves) != 1:
        raise ValueError(
            f"{len(saves)} success answers link to a {READ_BACK_LINK} and a {REMOVE_LINK}"
            " of credentials named by their associate"
        )
    ((save_id, status), links) = saves[0]
    read_back, remove = links[READ_BACK_LINK], links[REMOVE_LINK]
    if not set(read_back.expressions) < set(remove.expressions):
        raise ValueError(f"the {REMOVE_LINK} link must name every field {READ_BACK_LINK} does")
    (identity,) = (name for name in remove.expressions if name not in read_back.expressions)
    (associate,) = associate_fields(spec)[read_back.operation_id]
    (type_field,) = (name for name in read_back.expressions if name != associate)
    return CredentialLinks(save_id, status, read_back, remove, associate, type_field, identity)

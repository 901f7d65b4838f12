"""What every operation's handler is given, and what it declares."""

from __future__ import annotations

import abc
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from starlette.responses import Response

import spec_loader
from reference_server.records import KeyForm, KeyPaths, Path, key_paths
from reference_server.settings import Identity
from reference_server.storage import CredentialStore
from spec_loader.links import credential_links


@dataclass(frozen=True)
class Call:
    """A request that passed the pipeline: authenticated, decoded, valid, authorised."""

    identity: Identity
    # Out of the repr: the document may hold a SecretValue, the headers Authorization.
    # It names the associate the call acts on, for the caller's own operations too
    # (the pipeline writes the caller's in); empty when the operation takes no body.
    document: dict[str, Any] = field(repr=False)
    # Where the document may hold secrets (the schema's format: password fields).
    secret_paths: list[Path] = field(repr=False)
    headers: Mapping[str, str] = field(repr=False)


class Handler(abc.ABC):
    """One operation's own step. Built once at start-up, with the spec read."""

    # What a limited identity is refused (403) for another associate: "save", "read", ...
    verb: ClassVar[str]
    # Where the operation's request holds the credential key (checked at start-up);
    # None: it touches no stored credential (CreateDefault), so no associate is checked.
    key: KeyPaths | None = None

    def __init__(
        self, spec: spec_loader.JsonObject, operation_id: str, store: CredentialStore
    ) -> None:
        self._store = store

    @abc.abstractmethod
    async def answer(self, call: Call) -> Response:
        """The answer to a call; any refusal has come earlier, from the pipeline."""


class CredentialHandler(Handler):
    """An operation on stored credentials, keyed as the spec's credential links say."""

    # How the operation's request holds the credential key.
    key_form: ClassVar[KeyForm]
    key: KeyPaths

    def __init__(
        self, spec: spec_loader.JsonObject, operation_id: str, store: CredentialStore
    ) -> None:
        super().__init__(spec, operation_id, store)
        self._links = credential_links(spec)
        self.key = key_paths(self._links, self.key_form)

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
    document: dict[str, Any] = field(repr=False)
    # Where the document may hold secrets (the schema's format: password fields).
    secret_paths: list[Path] = field(repr=False)
    headers: Mapping[str, str] = field(repr=False)


class Handler(abc.ABC):
    """One operation's own step. Built once at start-up, with the spec read."""

    # What a limited identity is refused (403) for another associate: "save", "read", ...
    verb: ClassVar[str]
    # How the operation's request holds the credential key.
    key_form: ClassVar[KeyForm]

    def __init__(
        self, spec: spec_loader.JsonObject, operation_id: str, store: CredentialStore
    ) -> None:
        self._store = store
        self._links = credential_links(spec)
        # Where the operation's request holds the credential key (checked at start-up).
        self.key: KeyPaths = key_paths(self._links, self.key_form)

    @abc.abstractmethod
    async def answer(self, call: Call) -> Response:
        """The answer to a call; any refusal has come earlier, from the pipeline."""

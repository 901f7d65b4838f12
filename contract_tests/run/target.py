"""The server under test: the one the user names, or the embedded reference server."""

from __future__ import annotations

import secrets
import shlex
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import spec_loader
from contract_tests.facts.contract import contract_facts
from contract_tests.run.options import FILTERED, ContractOptions
from spec_loader.auth import basic_authorization
from spec_loader.links import ASSOCIATE_SCHEMA


@dataclass(frozen=True)
class Target:
    base_url: str
    # Sent on every request: the credentials, as the user gave them or as made up for
    # the embedded server.
    headers: dict[str, str]
    embedded: bool
    # The same, of a second identity that may see every secret (a system user): known
    # only for the embedded server, so that read-backs check secrets both ways.
    secret_reader_headers: dict[str, str] | None = field(default=None, repr=False)
    # The same, of an administrator who is no associate: it may act for every associate
    # but sees no secret. Known only for the embedded server, whose model phase writes
    # the canary associate's credentials as it.
    administrator_headers: dict[str, str] | None = field(default=None, repr=False)
    # The associate of the run's identity, whose credentials the caller's own operations
    # touch; known only for the embedded server (docs/suite.md, "The caller's own view").
    own_associate: int | None = None

    def __repr__(self) -> str:
        # pytest prints fixture values in tracebacks: the header names, never their values.
        masked = {name: FILTERED for name in self.headers}
        return f"Target(base_url={self.base_url!r}, headers={masked!r}, embedded={self.embedded})"


@contextmanager
def open_target(options: ContractOptions) -> Iterator[Target]:
    if options.target_url:
        headers = auth_headers(options, options.authorization)
        yield Target(options.target_url.rstrip("/"), headers, embedded=False)
        return
    associate = options.associate_id or default_associate()
    with embedded_reference_server(associate) as (base_url, owner, administrator, system_user):
        yield Target(
            base_url,
            auth_headers(options, owner),
            embedded=True,
            secret_reader_headers=auth_headers(options, system_user),
            administrator_headers=auth_headers(options, administrator),
            own_associate=associate,
        )


def default_associate() -> int:
    """The associate the embedded run is: the spec's example of an associate id."""
    spec = spec_loader.load_spec()
    example: int = spec_loader.component(spec, "schemas", ASSOCIATE_SCHEMA)["example"]
    return example


def auth_headers(options: ContractOptions, authorization: str | None) -> dict[str, str]:
    facts = contract_facts()
    headers: dict[str, str] = {}
    if authorization:
        headers["Authorization"] = authorization
    if options.app_token:
        headers[facts.app_token_header] = options.app_token
    if options.xsrf_token:
        # The browser-session scheme needs both halves: the header must equal the cookie.
        headers[facts.xsrf_header] = options.xsrf_token
        headers["Cookie"] = f"{facts.xsrf_cookie}={options.xsrf_token}"
    return headers


@contextmanager
def embedded_reference_server(associate: int) -> Iterator[tuple[str, str, str, str]]:
    """Start the reference server on a free loopback port with made-up Basic credentials.

    Yields its base URL and the Authorization header values of the three identities it
    accepts: associate ``associate`` itself (the run's identity: it has credentials of
    its own, and sees their secrets), an administrator, who may act for any associate
    but sees no secret, and a system user, who sees them all. The credentials exist
    only for this run, so nothing real can leak into a report.
    """
    # Imported here: a run against a named server does not need the server's extras.
    from reference_server.credential_sources import CREDENTIALS_ENV_VAR
    from reference_server.identities import SYSTEM_SUFFIX
    from reference_server.launcher import start_server

    owner, administrator, system_user = (made_up_basic_credentials() for _ in range(3))
    # By environment variable, not as flags: a command line shows in every process list.
    identities = shlex.join(
        [
            *("--basic", f"{owner}@{associate}"),
            *("--basic", administrator),
            *("--basic", f"{system_user}@{SYSTEM_SUFFIX}"),
        ]
    )
    with (
        tempfile.TemporaryDirectory(prefix="contract-server-") as directory,
        start_server(
            database=Path(directory) / "credentials.sqlite3",
            env={CREDENTIALS_ENV_VAR: identities},
        ) as server,
    ):
        yield (
            server.base_url,
            basic_authorization(owner),
            basic_authorization(administrator),
            basic_authorization(system_user),
        )


def made_up_basic_credentials() -> str:
    return f"contract-{secrets.token_hex(4)}:{secrets.token_urlsafe(24)}"

"""The secrets one request carried, for the check that no response repeats them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from requests import PreparedRequest

from contract_tests.facts.contract import contract_facts
from contract_tests.http_parts import AnyCase, operation_id, request_header
from spec_loader.documents import value_at

# Shorter values turn up in answers by chance ("true", "Error", "0000"); each match
# costs a control request (see echoes.py), and a real password or token is longer.
MIN_SECRET_LENGTH = 8


@dataclass(frozen=True)
class SentSecret:
    label: str  # what it is, for the failure message
    value: str
    # Where the request carried it: a path in the body, or a header.
    body_path: tuple[str, ...] | None = None
    header: str | None = None


def secrets_sent(case: AnyCase, request: PreparedRequest) -> list[SentSecret]:
    """Each secret the request carried that is long enough to look for."""
    facts = contract_facts()
    found: list[SentSecret] = []
    body = case.body if isinstance(case.body, Mapping) else {}
    for path in facts.of(operation_id(case)).secret_paths:
        value = value_at(body, path)
        if isinstance(value, str):
            found.append(SentSecret(".".join(path), value, body_path=path))
    authorization = request_header(request, "Authorization")
    # Only the credentials: the scheme name ("Basic") is public and appears in WWW-Authenticate.
    found.append(
        SentSecret(
            "Authorization credentials", authorization.partition(" ")[2], header="Authorization"
        )
    )
    for header in (facts.xsrf_header, facts.app_token_header):
        found.append(SentSecret(header, request_header(request, header), header=header))
    return [secret for secret in found if len(secret.value) >= MIN_SECRET_LENGTH]

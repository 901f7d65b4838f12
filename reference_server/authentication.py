"""Who is calling: match the request's credentials against the configured identities.

Every comparison is between SHA-256 digests with hmac.compare_digest, and every
configured identity is compared on every request with no early exit, so neither the
time taken nor its variation tells which user name, ticket or token exists.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass

from reference_server.settings import Identity, Scheme
from spec_loader import JsonObject
from spec_loader.auth import auth_names

REALM = "SuperOffice"


def digest(value: str | bytes) -> bytes:
    return hashlib.sha256(value.encode() if isinstance(value, str) else value).digest()


@dataclass(frozen=True)
class AuthNames:
    """The header, cookie and scheme names that the spec declares for authentication."""

    # Authorization scheme word, lower-cased (RFC 9110: case-insensitive) -> our scheme
    authorization_schemes: dict[str, Scheme]
    challenge: str  # the WWW-Authenticate value
    xsrf_header: str
    xsrf_cookie: str
    app_token_header: str

    @classmethod
    def from_spec(cls, spec: JsonObject) -> AuthNames:
        declared = auth_names(spec)
        words = {
            scheme: declared.http_schemes[scheme.value]
            for scheme in (Scheme.BASIC, Scheme.TICKET, Scheme.BEARER)
        }
        return cls(
            authorization_schemes={word.lower(): scheme for scheme, word in words.items()},
            challenge=", ".join(
                f'{word[0].upper()}{word[1:]} realm="{REALM}"' for word in words.values()
            ),
            xsrf_header=declared.xsrf_header,
            xsrf_cookie=declared.xsrf_cookie,
            app_token_header=declared.app_token_header,
        )


class Authenticator:
    def __init__(
        self, names: AuthNames, identities: tuple[Identity, ...], app_token: str | None
    ) -> None:
        self.names = names
        self._identities = [(identity, digest(identity.secret)) for identity in identities]
        self._app_token_digest = digest(app_token) if app_token is not None else None

    def authenticate(
        self, headers: Mapping[str, str], cookies: Mapping[str, str]
    ) -> Identity | None:
        """The matching identity, or None (answer 401)."""
        presented = self._presented(headers, cookies)
        if presented is None:
            return None
        identity = self._match(*presented)
        if identity is None or not self._app_token_ok(headers):
            return None
        return identity

    def _presented(
        self, headers: Mapping[str, str], cookies: Mapping[str, str]
    ) -> tuple[Scheme, bytes] | None:
        authorization = headers.get("authorization")
        if authorization is not None:
            word, _, credentials = authorization.strip().partition(" ")
            scheme = self.names.authorization_schemes.get(word.lower())
            if scheme is None:
                return None
            credentials = credentials.strip()
            if scheme is Scheme.BASIC:
                try:
                    return scheme, base64.b64decode(credentials, validate=True)
                except (binascii.Error, ValueError):
                    return None
            return scheme, credentials.encode()
        header = headers.get(self.names.xsrf_header)
        cookie = cookies.get(self.names.xsrf_cookie)
        if header is None or cookie is None:
            return None
        if not hmac.compare_digest(digest(header), digest(cookie)):
            return None
        return Scheme.XSRF, header.encode()

    def _match(self, scheme: Scheme, credentials: bytes) -> Identity | None:
        presented = digest(credentials)
        found = None
        for identity, expected in self._identities:
            # Evaluate the digest comparison for every identity: no short-circuit.
            equal = hmac.compare_digest(presented, expected)
            if equal and identity.scheme is scheme and found is None:
                found = identity
        return found

    def _app_token_ok(self, headers: Mapping[str, str]) -> bool:
        if self._app_token_digest is None:
            return True  # Onsite behaviour: accepted and not checked
        given = headers.get(self.names.app_token_header, "")
        return hmac.compare_digest(digest(given), self._app_token_digest)

"""Authentication tells a caller nothing about which identities exist.

- Structurally (a spy, not a stopwatch): every configured identity is compared with
  hmac.compare_digest on every request, on fixed-length digests, whether the user
  name exists, the password is wrong or the first identity matches.
- On the wire: an unknown user, a wrong password and every other refused credential
  get the same 401, byte for byte (apart from Date), with WWW-Authenticate.

Guards proven by removing them (by hand, once):
- no early exit in Authenticator._match (a `break` on the first match):
  [first identity] and [ticket] compare fewer identities.
- hmac.compare_digest in _match (replaced by ==): every case of
  test_every_identity_is_compared_in_constant_time.
- a user-name lookup before the comparison (planted: unknown Basic users refused at
  once): [unknown user] and test_unknown_user_and_wrong_password_take_the_same_path.
- one 401 for every refusal (planted: another message when an Authorization header
  was sent): test_every_refusal_is_the_same_401.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable

import httpx
import pytest

import spec_loader
from reference_server import authentication
from reference_server.authentication import Authenticator, AuthNames
from reference_server.settings import Identity, Scheme
from spec_loader.auth import basic_authorization
from tests.reference_server.live_server import (
    BASIC_PASSWORD,
    BASIC_USER,
    TICKET,
    Server,
    credential,
)

NAMES = AuthNames.from_spec(spec_loader.load_spec())
IDENTITIES = (
    Identity(Scheme.BASIC, "alice:alice-password"),
    Identity(Scheme.BASIC, "bob:bob-password"),
    Identity(Scheme.TICKET, "7T:ticket"),
    Identity(Scheme.BEARER, "8A:Cust12345.token"),
    Identity(Scheme.XSRF, "xsrf-token"),
    Identity(Scheme.BASIC, "carol:carol-password"),
)
DIGEST_BYTES = 32  # SHA-256


def basic(user_password: str) -> dict[str, str]:
    return {"authorization": basic_authorization(user_password)}


PRESENTED = {
    "first identity": basic("alice:alice-password"),
    "last identity": basic("carol:carol-password"),
    "wrong password": basic("alice:wrong-password"),
    "unknown user": basic("mallory:alice-password"),
    "ticket": {"authorization": "SOTicket 7T:ticket"},
    "wrong ticket": {"authorization": "SOTicket 7T:made-up"},
}


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, bytes]]:
    """Every pair that authentication hands to hmac.compare_digest, in order."""
    calls: list[tuple[bytes, bytes]] = []
    real: Callable[[bytes, bytes], bool] = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    # authentication looks the function up on the hmac module at each call.
    monkeypatch.setattr(hmac, "compare_digest", spy)
    return calls


@pytest.mark.parametrize("presented", PRESENTED, ids=list(PRESENTED))
def test_every_identity_is_compared_in_constant_time(
    compared: list[tuple[bytes, bytes]], presented: str
) -> None:
    authenticator = Authenticator(NAMES, IDENTITIES, None)

    authenticator.authenticate(PRESENTED[presented], {})

    expected = [authentication.digest(identity.secret) for identity in IDENTITIES]
    assert [stored for _, stored in compared] == expected
    assert {len(given) for given, _ in compared} == {DIGEST_BYTES}


def test_unknown_user_and_wrong_password_take_the_same_path(
    compared: list[tuple[bytes, bytes]],
) -> None:
    authenticator = Authenticator(NAMES, IDENTITIES, None)
    paths = []
    for presented in ("wrong password", "unknown user"):
        compared.clear()
        assert authenticator.authenticate(PRESENTED[presented], {}) is None
        paths.append([stored for _, stored in compared])

    assert paths[0] == paths[1]


def comparable(response: httpx.Response) -> tuple[int, bytes, list[tuple[str, str]]]:
    headers = sorted((name, value) for name, value in response.headers.items() if name != "date")
    return response.status_code, response.content, headers


REFUSED = {
    "unknown user": basic(f"nobody:{BASIC_PASSWORD}"),
    "wrong password": basic(f"{BASIC_USER}:wrong-password"),
    "user name only": basic(f"{BASIC_USER}:"),
    "wrong ticket": {"Authorization": "SOTicket 7T:made-up"},
    "ticket with a wrong tail": {"Authorization": f"SOTicket {TICKET}x"},
    "no credentials": {},
}


def test_every_refusal_is_the_same_401(server: Server) -> None:
    answers = {
        name: comparable(server.post_json(credential("refused"), headers=headers))
        for name, headers in REFUSED.items()
    }

    first = answers["unknown user"]
    assert first[0] == 401
    assert ("www-authenticate", NAMES.challenge) in first[2]
    assert {name: answer for name, answer in answers.items() if answer != first} == {}

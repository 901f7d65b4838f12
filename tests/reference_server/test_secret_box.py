"""reference_server/secret_box.py: secrets sealed with AES-GCM, bound to their row.

Seen failing by hand: a fixed nonce in `seal` (test_each_seal_has_a_fresh_nonce), the
associated data left out of `open` (test_a_secret_opens_only_with_its_row_and_key), and
InvalidTag let through unwrapped (the same test: the error is not WrongKeyError).
"""

from __future__ import annotations

import secrets

import pytest

from reference_server.keys import KEY_BYTES
from reference_server.secret_box import NONCE_BYTES, SecretBox, WrongKeyError

PLAINTEXT = b"SecretValue-of-the-test"
ROW = b"row-a"


@pytest.fixture
def box() -> SecretBox:
    return SecretBox(secrets.token_bytes(KEY_BYTES))


def test_a_sealed_secret_opens_to_itself_and_hides_it(box: SecretBox) -> None:
    sealed = box.seal(PLAINTEXT, ROW)
    assert PLAINTEXT not in sealed
    assert box.open(sealed, ROW) == PLAINTEXT


def test_each_seal_has_a_fresh_nonce(box: SecretBox) -> None:
    first, second = box.seal(PLAINTEXT, ROW), box.seal(PLAINTEXT, ROW)
    assert first[:NONCE_BYTES] != second[:NONCE_BYTES]


def test_a_secret_opens_only_with_its_row_and_key(box: SecretBox) -> None:
    sealed = box.seal(PLAINTEXT, ROW)
    other_box = SecretBox(secrets.token_bytes(KEY_BYTES))
    altered = sealed[:-1] + bytes([sealed[-1] ^ 1])
    attempts = [(sealed, b"row-b", box), (sealed, ROW, other_box), (altered, ROW, box)]
    for sealed_value, row, opener in attempts:
        with pytest.raises(WrongKeyError, match="do not decrypt") as raised:
            opener.open(sealed_value, row)
        assert raised.value.__suppress_context__  # the cryptography error is not chained

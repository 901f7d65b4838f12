"""AES-GCM encryption of the stored secret values, bound to the row they belong to."""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12  # the size AES-GCM is specified for


class WrongKeyError(Exception):
    """A value does not decrypt: not the key it was sealed with, or the row was altered."""


class SecretBox:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, plaintext: bytes, associated_data: bytes) -> bytes:
        """Nonce + ciphertext. A fresh random nonce every time, never reused with this key."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plaintext, associated_data)

    def open(self, sealed: bytes, associated_data: bytes) -> bytes:
        nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
        try:
            return self._aead.decrypt(nonce, ciphertext, associated_data)
        except InvalidTag:
            raise WrongKeyError(
                "stored secrets do not decrypt with this key (wrong key, or altered data)"
            ) from None

"""Where the 32-byte encryption key comes from: an argument, the environment, or a key file."""

from __future__ import annotations

import base64
import binascii
import os
import secrets
import sys
from collections.abc import Mapping
from pathlib import Path

KEY_ENV_VAR = "REFERENCE_SERVER_KEY"
KEY_BYTES = 32  # AES-256


class KeySourceError(Exception):
    """The key is missing or malformed; the message says which source and why."""


def default_key_file(database: Path) -> Path:
    return database.with_name(database.name + ".key")


def decode_key(text: str, source: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise KeySourceError(f"{source}: not valid base64") from None
    if len(key) != KEY_BYTES:
        raise KeySourceError(f"{source}: must be base64 of {KEY_BYTES} bytes, got {len(key)} bytes")
    return key


def key_available(key_file: Path, environ: Mapping[str, str]) -> bool:
    """Whether `read_key` has a key to read (which may still turn out malformed)."""
    return bool(environ.get(KEY_ENV_VAR)) or key_file.exists()


def read_key(key_file: Path, environ: Mapping[str, str]) -> bytes:
    """The key from the environment variable or the key file, without creating anything."""
    if text := environ.get(KEY_ENV_VAR):
        return decode_key(text, KEY_ENV_VAR)
    try:
        text = key_file.read_text(encoding="ascii")
    except FileNotFoundError:
        raise KeySourceError(f"{key_file}: no key file (and {KEY_ENV_VAR} is not set)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise KeySourceError(
            f"{key_file}: cannot read the key file ({type(error).__name__})"
        ) from None
    return decode_key(text, str(key_file))


def load_or_create_key(key_file: Path, environ: Mapping[str, str]) -> bytes:
    """The key as `read_key` finds it; a missing key file is created (mode 0600) first."""
    if not key_available(key_file, environ):
        create_key_file(key_file)
    if key_file.exists() and key_file.stat().st_mode & 0o077:
        print(f"warning: {key_file} is readable by other users; chmod 600 it", file=sys.stderr)
    return read_key(key_file, environ)


def create_key_file(key_file: Path) -> None:
    text = base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode("ascii") + "\n"
    # O_EXCL: two servers starting at once must not overwrite each other's key; the
    # mode is given at creation so the key is never readable by others, even briefly.
    try:
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(text)

"""Identity command-line values: ``SECRET[@ASSOCIATE_ID|@system]``, and the development identity."""

from __future__ import annotations

import re
import secrets

from reference_server.settings import Identity, Scheme

SYSTEM_SUFFIX = "system"
# A trailing @digits or @system always names the kind of identity, so a secret cannot
# itself end in either.
SUFFIXED = re.compile(
    rf"(?P<secret>.+)@(?:(?P<associate_id>[0-9]+)|(?P<system>{re.escape(SYSTEM_SUFFIX)}))"
)
# SuperOffice tickets start with "7T:"; the development one looks the part.
DEVELOPMENT_TICKET_PREFIX = "7T:"


def parse_identity(scheme: Scheme, text: str) -> Identity:
    """``7T:abc@42``: limited to associate 42; ``7T:abc@system``: a system user;
    ``7T:abc``: an administrator. ValueError if malformed."""
    match = SUFFIXED.fullmatch(text)
    secret = match["secret"] if match else text
    if not secret:
        raise ValueError("the credential is empty")
    if scheme is Scheme.BASIC and ":" not in secret:
        raise ValueError("expected USER:PASSWORD")
    associate_id = int(match["associate_id"]) if match and match["associate_id"] else None
    return Identity(scheme, secret, associate_id, system_user=bool(match and match["system"]))


def development_identity() -> Identity:
    return Identity(Scheme.TICKET, DEVELOPMENT_TICKET_PREFIX + secrets.token_urlsafe(24))

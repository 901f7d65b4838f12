"""Identity command-line values: ``SECRET[@ASSOCIATE_ID]``, and the development identity."""

from __future__ import annotations

import re
import secrets

from reference_server.settings import Identity, Scheme

# A trailing @digits always limits the identity, so a secret cannot itself end in @digits.
LIMITED = re.compile(r"(?P<secret>.+)@(?P<associate_id>[0-9]+)")
# SuperOffice tickets start with "7T:"; the development one looks the part.
DEVELOPMENT_TICKET_PREFIX = "7T:"


def parse_identity(scheme: Scheme, text: str) -> Identity:
    """``7T:abc@42`` -> an identity limited to associate 42. ValueError if malformed."""
    match = LIMITED.fullmatch(text)
    secret, associate_id = (match["secret"], int(match["associate_id"])) if match else (text, None)
    if not secret:
        raise ValueError("the credential is empty")
    if scheme is Scheme.BASIC and ":" not in secret:
        raise ValueError("expected USER:PASSWORD")
    return Identity(scheme, secret, associate_id)


def development_identity() -> Identity:
    return Identity(Scheme.TICKET, DEVELOPMENT_TICKET_PREFIX + secrets.token_urlsafe(24))

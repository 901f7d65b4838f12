"""What a reference server instance is configured with; the CLI and tests build one."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

ONE_MIB = 1024 * 1024


class Scheme(enum.Enum):
    """The ways a caller can authenticate. Values are the spec's security scheme names."""

    BASIC = "Basic"
    TICKET = "SOTicket"
    BEARER = "Bearer"
    # The browser session: the header and the cookie must both carry the token.
    XSRF = "XsrfHeader"


@dataclass(frozen=True)
class Identity:
    """One accepted credential, and what kind of caller presents it.

    ``secret`` is what the caller presents: ``user:password`` for Basic, the ticket,
    the bearer token or the XSRF token. ``associate_id`` limits the identity to that one
    associate (it is that associate, and sees its secrets); ``system_user`` marks a
    system user. Neither makes an administrator. What each kind may do: access.py.
    """

    scheme: Scheme
    secret: str
    associate_id: int | None = None
    system_user: bool = False

    def __post_init__(self) -> None:
        if self.system_user and self.associate_id is not None:
            raise ValueError("a system user is not limited to one associate")

    def __repr__(self) -> str:
        # Keeps the secret out of tracebacks, logs and test failure output.
        return (
            f"Identity(scheme={self.scheme.name}, associate_id={self.associate_id},"
            f" system_user={self.system_user})"
        )


@dataclass(frozen=True)
class Settings:
    """Everything one server instance needs.

    The encryption key is taken from ``encryption_key`` when given, else from the
    ``REFERENCE_SERVER_KEY`` environment variable, else from ``key_file`` (default:
    ``<database>.key`` beside the database), which is created when missing.
    """

    database: Path
    identities: tuple[Identity, ...] = ()
    encryption_key: bytes | None = None
    key_file: Path | None = None
    max_body_bytes: int = ONE_MIB
    # None: SO-AppToken is accepted and ignored (Onsite); a value: it must match (Online).
    require_app_token: str | None = None

    def __repr__(self) -> str:
        return (
            f"Settings(database={self.database!r}, identities={self.identities!r},"
            f" key_file={self.key_file!r}, max_body_bytes={self.max_body_bytes},"
            f" require_app_token={'set' if self.require_app_token else None})"
        )

"""Who the model reads with, and what each may see of a secret.

The vendor's Get returns SecretValue "only to the authenticated user and system users":
which of the two an identity is, the suite knows only for the embedded server. Against
a named server the user says it with ``--expect-secrets``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

RUN_IDENTITY = "the run's identity"
EXPECT_SECRETS_ENV_VAR = "CONTRACT_EXPECT_SECRETS"


class SecretRule(enum.Enum):
    """What a Get must do with SecretValue for one identity."""

    SHOWN = "shown"  # the secret saved comes back unchanged
    HIDDEN = "hidden"  # no secret comes back (null or left out)


@dataclass(frozen=True)
class Reader:
    """An identity the model reads with."""

    label: str
    rule: SecretRule | None  # None: not known; a secret returned must still be the one saved
    # Replace the run's credential headers; empty for the run's own identity.
    headers: dict[str, str] = field(default_factory=dict, repr=False)

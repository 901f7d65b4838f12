"""reference_server/identities.py: identity flag values, no suffix, @ASSOCIATE_ID and
@system, for every identity flag. What each kind may do: test_access.py.

Guards proven by removing them (by hand, once): the system alternative of SUFFIXED
(planted: only @digits recognised): test_suffix_names_the_kind fails for every
@system case (the secret keeps its suffix, and the identity is an administrator).
"""

from __future__ import annotations

import pytest

from reference_server.cli import IDENTITY_FLAGS
from reference_server.identities import parse_identity
from reference_server.settings import Identity, Scheme

SCHEMES = [scheme for scheme, _ in IDENTITY_FLAGS.values()]


@pytest.mark.parametrize("scheme", SCHEMES, ids=[scheme.name for scheme in SCHEMES])
@pytest.mark.parametrize(
    ("suffix", "associate_id", "system_user"),
    [("", None, False), ("@42", 42, False), ("@system", None, True)],
    ids=["administrator", "limited", "system user"],
)
def test_suffix_names_the_kind(
    scheme: Scheme, suffix: str, associate_id: int | None, system_user: bool
) -> None:
    identity = parse_identity(scheme, "user:secret" + suffix)

    assert identity == Identity(scheme, "user:secret", associate_id, system_user)


def test_the_repr_holds_no_secret() -> None:
    assert "user:secret" not in repr(parse_identity(Scheme.BASIC, "user:secret@system"))

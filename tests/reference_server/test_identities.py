"""Identity flag values: no suffix, @ASSOCIATE_ID and @system, for every identity flag.

Guards proven by removing them (by hand, once): the system alternative of SUFFIXED
(planted: only @digits recognised): test_suffix_names_the_kind fails for every
@system case (the secret keeps its suffix, and the identity is an administrator).
"""

from __future__ import annotations

import pytest

from reference_server.access import may_act_for, sees_secrets_of
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


@pytest.mark.parametrize(
    ("identity", "acts_for_43", "sees_42", "sees_43"),
    [
        (Identity(Scheme.TICKET, "t"), True, False, False),
        (Identity(Scheme.TICKET, "t", associate_id=42), False, True, False),
        (Identity(Scheme.TICKET, "t", system_user=True), True, True, True),
    ],
    ids=["administrator", "limited to 42", "system user"],
)
def test_what_each_kind_may_do(
    identity: Identity, acts_for_43: bool, sees_42: bool, sees_43: bool
) -> None:
    assert may_act_for(identity, 42) is True  # every kind, for associate 42
    assert may_act_for(identity, 43) is acts_for_43
    assert (sees_secrets_of(identity, 42), sees_secrets_of(identity, 43)) == (sees_42, sees_43)


def test_a_system_user_is_not_limited() -> None:
    with pytest.raises(ValueError, match="not limited"):
        Identity(Scheme.TICKET, "t", associate_id=42, system_user=True)


def test_the_repr_holds_no_secret() -> None:
    assert "user:secret" not in repr(parse_identity(Scheme.BASIC, "user:secret@system"))

"""reference_server/access.py: what each kind of identity may do for an associate.

Seen failing by hand: sees_secrets_of() answering True for everyone (the administrator
case fails), and own_associate() giving a system user an associate.
"""

from __future__ import annotations

import pytest

from reference_server.access import may_act_for, own_associate, sees_secrets_of
from reference_server.settings import Identity, Scheme


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


def test_only_a_limited_identity_has_credentials_of_its_own() -> None:
    assert own_associate(Identity(Scheme.BASIC, "u:p", associate_id=7)) == 7
    assert own_associate(Identity(Scheme.BASIC, "u:p")) is None
    assert own_associate(Identity(Scheme.BASIC, "u:p", system_user=True)) is None

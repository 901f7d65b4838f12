"""What each kind of identity may do with the credentials of an associate.

- A system user may save, read and remove for any associate, and sees secrets.
- An administrator (an identity with no suffix) may do the same, but never sees secrets.
- A limited identity (``@ASSOCIATE_ID``) is that associate: it may act only on its own
  credentials, and sees their secrets.

The caller's own operations act on the caller's associate: only a limited identity has
one. A system user or an administrator is no associate, and has no credentials of its
own (the spec: 403).

The spec's Get description says: SecretValue is only populated for the authenticated
user and for system users.
"""

from __future__ import annotations

from reference_server.settings import Identity


def may_act_for(identity: Identity, associate_id: int) -> bool:
    return identity.associate_id is None or identity.associate_id == associate_id


def sees_secrets_of(identity: Identity, associate_id: int) -> bool:
    return identity.system_user or identity.associate_id == associate_id


def own_associate(identity: Identity) -> int | None:
    """The associate whose credentials are the caller's own; None: it is no associate."""
    return identity.associate_id

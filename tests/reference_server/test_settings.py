"""reference_server/settings.py: the schemes, an identity, and a server's settings.

Seen failing by hand: the check in Identity.__post_init__ removed
(test_a_system_user_is_not_limited), the secret in Identity's repr, and the app token
or the encryption key in Settings' repr (test_reprs_hold_no_secret).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import spec_loader
from reference_server.settings import Identity, Scheme, Settings


def test_every_scheme_is_a_security_scheme_of_the_spec() -> None:
    declared = spec_loader.security_schemes(spec_loader.load_spec())
    assert {scheme.value for scheme in Scheme} <= set(declared)


def test_a_system_user_is_not_limited() -> None:
    with pytest.raises(ValueError, match="not limited"):
        Identity(Scheme.TICKET, "t", associate_id=42, system_user=True)


def test_reprs_hold_no_secret(tmp_path: Path) -> None:
    identity = Identity(Scheme.BASIC, "user:identity-secret", associate_id=5)
    settings = Settings(
        database=tmp_path / "db.sqlite3",
        identities=(identity,),
        encryption_key=b"encryption-key-bytes-0123456789ab",
        require_app_token="app-token-secret",
    )
    shown = repr(settings)
    for secret in ("identity-secret", "encryption-key-bytes", "app-token-secret"):
        assert secret not in shown
    assert "associate_id=5" in repr(identity)
    assert "require_app_token=set" in shown
    assert "require_app_token=None" in repr(Settings(database=tmp_path / "db.sqlite3"))

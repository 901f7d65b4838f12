"""Who the suite reads back with, and what each may see of a secret."""

from __future__ import annotations

from contract_tests.cases.one_associate import associate_fields
from contract_tests.effects.read_back import RUN_IDENTITY, EffectSettings, Reader, SecretRule
from contract_tests.run.options import ContractOptions
from contract_tests.run.target import Target


def effect_settings(options: ContractOptions, target: Target) -> EffectSettings:
    """The run's identity, by --expect-secrets; against the embedded server its two identities."""
    given = SecretRule(options.expect_secrets) if options.expect_secrets else None
    if target.secret_reader_headers is None:
        readers: tuple[Reader, ...] = (Reader(RUN_IDENTITY, given),)
    else:
        # The embedded server's run identity is an administrator: it may save for anyone
        # but never sees a secret; its system user sees them all.
        readers = (
            Reader("the administrator", given or SecretRule.HIDDEN),
            Reader("the system user", SecretRule.SHOWN, target.secret_reader_headers),
        )
    # One associate means no neighbour under another one.
    fixed: frozenset[str] = frozenset()
    if options.associate_id is not None:
        fixed = frozenset(name for names in associate_fields().values() for name in names)
    return EffectSettings(readers, fixed_key_fields=fixed, remove_after=not options.keep_data)

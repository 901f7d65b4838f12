"""Who the model-based phase reads with: the run's identity, and on the embedded server its
system user too."""

from __future__ import annotations

from contract_tests.model.readers import RUN_IDENTITY, Reader, SecretRule
from contract_tests.run.options import ContractOptions
from contract_tests.run.target import Target


def run_readers(options: ContractOptions, target: Target) -> tuple[Reader, ...]:
    """The run's identity first (by --expect-secrets); against the embedded server its two."""
    given = SecretRule(options.expect_secrets) if options.expect_secrets else None
    if target.secret_reader_headers is None:
        return (Reader(RUN_IDENTITY, given),)
    # The embedded server's run identity is an administrator: it may save for anyone
    # but never sees a secret; its system user sees them all.
    return (
        Reader("the administrator", given or SecretRule.HIDDEN),
        Reader("the system user", SecretRule.SHOWN, target.secret_reader_headers),
    )

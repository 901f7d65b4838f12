"""Who the model-based phase reads and writes with: the run's identity; on the embedded
server its administrator and system user, and the run's identity as the caller of the own
operations."""

from __future__ import annotations

from contract_tests.model.readers import RUN_IDENTITY, Reader, SecretRule
from contract_tests.run.options import ContractOptions
from contract_tests.run.target import Target


def run_readers(options: ContractOptions, target: Target) -> tuple[Reader, ...]:
    """The run's identity first (by --expect-secrets); against the embedded server its two."""
    given = SecretRule(options.expect_secrets) if options.expect_secrets else None
    if target.secret_reader_headers is None or target.administrator_headers is None:
        return (Reader(RUN_IDENTITY, given),)
    # The embedded server's administrator may save for anyone (the canary associate too)
    # but never sees a secret; its system user sees them all.
    return (
        Reader("the administrator", SecretRule.HIDDEN, target.administrator_headers),
        Reader("the system user", SecretRule.SHOWN, target.secret_reader_headers),
    )


def model_headers(target: Target) -> dict[str, str]:
    """Whom the model's ForAssociate calls go as: on the embedded server its administrator,
    who may write the canary associate's credentials; else the run's identity."""
    return target.administrator_headers or target.headers


def own_caller(target: Target) -> Reader | None:
    """The caller of the own operations, where the run knows its associate: the embedded
    run's identity, associate ``target.own_associate`` itself, who sees its own secrets."""
    if target.own_associate is None:
        return None
    return Reader(f"associate {target.own_associate} itself", SecretRule.SHOWN, target.headers)

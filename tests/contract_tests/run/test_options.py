"""options: credentials never show in the repr pytest prints for fixtures, nor in the
command line copied into schemathesis' HTML report."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from contract_tests.run.options import FILTERED, ContractOptions, masked_arguments
from contract_tests.run.rate_limit import parse_rate

SECRET = "Basic c2VjcmV0LXVzZXI6c2VjcmV0LXBhc3N3b3Jk"


def test_options_repr_masks_every_credential() -> None:
    options = ContractOptions(
        target_url="https://crm.example.com/SuperOffice",
        authorization=SECRET,
        app_token=f"{SECRET}-app",
        xsrf_token=f"{SECRET}-xsrf",
        associate_id=42,
        canary_associate_id=43,
        rate_limit=parse_rate("10/s"),
        keep_data=False,
        seed=1,
        max_examples=1,
        reports_dir=Path("reports"),
        keep_reports=20,
        thorough=False,
        unsanitized=False,
        expect_secrets="hidden",
    )
    shown = repr(options)
    assert SECRET not in shown
    assert shown.count(FILTERED) == 3
    # Everything else is still there to debug with.
    for field in fields(options):
        assert f"{field.name}=" in shown
    assert "crm.example.com" in shown


def test_credential_flags_are_masked_in_the_command_line() -> None:
    arguments = ["--authorization", SECRET, f"--app-token={SECRET}", "--seed", "7"]
    masked = masked_arguments(arguments)
    assert SECRET not in " ".join(masked)
    assert masked[-2:] == ["--seed", "7"]

"""Credentials never show in the reprs pytest prints for fixtures, nor in the command line
copied into schemathesis' HTML report; and old report folders do not pile up."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from contract_tests.run.options import FILTERED, REPORTS_PREFIX, ContractOptions, masked_arguments
from contract_tests.run.rate_limit import parse_rate
from contract_tests.run.report_folders import prune_reports
from contract_tests.run.target import Target

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


def test_target_repr_names_the_headers_but_not_their_values() -> None:
    target = Target("http://127.0.0.1:1", {"Authorization": SECRET}, embedded=False)
    assert SECRET not in repr(target)
    assert "Authorization" in repr(target)


def test_credential_flags_are_masked_in_the_command_line() -> None:
    arguments = ["--authorization", SECRET, f"--app-token={SECRET}", "--seed", "7"]
    masked = masked_arguments(arguments)
    assert SECRET not in " ".join(masked)
    assert masked[-2:] == ["--seed", "7"]


def test_only_the_newest_report_folders_are_kept(tmp_path: Path) -> None:
    names = [f"{REPORTS_PREFIX}20261203T0800{second:02d}000000Z" for second in range(25)]
    for name in names:
        (tmp_path / name).mkdir()
    (tmp_path / "st-run").mkdir()  # not a run's folder of the suite
    deleted = prune_reports(tmp_path, REPORTS_PREFIX, keep=20)
    assert [path.name for path in deleted] == names[:5]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([*names[5:], "st-run"])

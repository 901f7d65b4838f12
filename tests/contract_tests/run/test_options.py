"""options: credentials never show in the repr pytest prints for fixtures, nor in the
command line copied into schemathesis' HTML report; a flag wins over its variable, the
variable over the credentials file; a value the suite cannot use is refused by name.

Seen failing by hand: ``given_values`` reading the variable before the flag.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from contract_tests.run.options import (
    FILTERED,
    NAMED_TARGET_RATE,
    NO_RATE_LIMIT,
    ContractOptions,
    masked_arguments,
    option_named,
    options_from,
)
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


URL = "https://crm.example.com/SuperOffice"


def env_var(dest: str) -> str:
    return option_named(dest).env_var


def test_a_flag_wins_over_its_variable_and_the_variable_over_the_file(tmp_path: Path) -> None:
    credentials = tmp_path / "credentials.env"
    credentials.write_text(
        f"# made up\n{env_var('authorization')}='from file'\n{env_var('app_token')}=\"app\"\n",
        encoding="utf-8",
    )
    environ = {env_var("authorization"): "from variable", env_var("seed"): "5"}
    given = {"target_url": URL, "credentials_file": str(credentials), "seed": "9"}
    options = options_from(given, environ)
    assert options.authorization == "from variable"
    assert options.app_token == "app"
    assert options.seed == 9
    assert options.named("app_token") == f"{env_var('app_token')} in {credentials}"
    assert options_from({**given, "authorization": "from flag"}, environ).authorization == (
        "from flag"
    )


def test_a_bad_credentials_line_is_named_but_not_shown(tmp_path: Path) -> None:
    credentials = tmp_path / "credentials.env"
    credentials.write_text(f"{env_var('app_token')}=ok\nBasic {SECRET}\n", encoding="utf-8")
    with pytest.raises(pytest.UsageError, match="line 2") as refused:
        options_from({"target_url": URL, "credentials_file": str(credentials)}, {})
    assert SECRET not in str(refused.value)


def test_a_named_target_gets_the_vendor_rate_and_the_embedded_one_none() -> None:
    assert str(options_from({"target_url": URL}, {}).rate_limit) == NAMED_TARGET_RATE
    assert options_from({}, {}).rate_limit is None
    assert options_from({"target_url": URL, "rate_limit": NO_RATE_LIMIT}, {}).rate_limit is None


@pytest.mark.parametrize(
    ("given", "named"),
    [
        ({"target_url": "https://user:pw@crm.example.com"}, "--target-url"),
        ({"target_url": "ftp://crm.example.com"}, "--target-url"),
        ({"authorization": SECRET}, "--authorization"),
        ({"associate_id": "5", "canary_associate_id": "5"}, "--canary-associate-id"),
        ({"associate_id": "0"}, "--associate-id"),
        ({"keep_reports": "0"}, "--keep-reports"),
        ({"rate_limit": "fast"}, "--rate-limit"),
        ({"seed": "x"}, "--seed"),
        ({"expect_secrets": "sometimes"}, "--expect-secrets"),
        ({"baseline_update": True}, "--baseline"),
    ],
)
def test_a_value_the_suite_cannot_use_is_refused_by_name(
    given: dict[str, object], named: str
) -> None:
    with pytest.raises(pytest.UsageError, match=named) as refused:
        options_from(given, {})
    assert SECRET not in str(refused.value)

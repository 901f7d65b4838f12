"""The suite's options: each one a pytest flag and an environment variable.

A flag given on the command line wins over its environment variable. Credentials are
better given by environment variable: a command line shows up in process lists and
shell history.
"""

from __future__ import annotations

import datetime
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import pytest

from contract_tests.effects import EXPECT_SECRETS_ENV_VAR, SecretRule

# Enough for the fuzzing phase to try every media type many times and stay near a minute.
DEFAULT_MAX_EXAMPLES = 300
REPORTS_ROOT = Path("reports")
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
SECRET_CHOICES = tuple(rule.value for rule in SecretRule)


@dataclass(frozen=True)
class Option:
    flag: str
    env_var: str
    help: str
    is_switch: bool = False

    @property
    def dest(self) -> str:
        return self.flag.removeprefix("--").replace("-", "_")


OPTIONS = (
    Option(
        "--target-url",
        "CONTRACT_TARGET_URL",
        "Base URL in front of /api/v1/..., e.g. https://crm.example.com/SuperOffice."
        " Default: start the embedded reference server with fresh credentials.",
    ),
    Option(
        "--authorization",
        "CONTRACT_AUTHORIZATION",
        "The whole Authorization header value, any scheme:"
        " 'Basic ...', 'SOTicket 7T:...', 'Bearer 8A:...'.",
    ),
    Option("--app-token", "CONTRACT_APP_TOKEN", "Sent as the SO-AppToken header on every request."),
    Option(
        "--xsrf-token",
        "CONTRACT_XSRF_TOKEN",
        "Browser-session auth: sent as the X-XSRF-TOKEN header and the XSRF-TOKEN cookie.",
    ),
    Option("--seed", "CONTRACT_SEED", "Seed for data generation (default: random, printed)."),
    Option(
        "--max-examples",
        "CONTRACT_MAX_EXAMPLES",
        f"Cases of the fuzzing phase (default {DEFAULT_MAX_EXAMPLES}).",
    ),
    Option(
        "--reports-dir",
        "CONTRACT_REPORTS_DIR",
        f"Where the JUnit XML and HAR files go (default {REPORTS_ROOT}/contract-<timestamp>).",
    ),
    Option(
        "--expect-secrets",
        EXPECT_SECRETS_ENV_VAR,
        "What a read-back by the run's identity does with SecretValue: 'shown' (the one"
        " saved comes back) or 'hidden' (none comes back). Default: a returned one must be"
        " the one saved; against the embedded server both ways are checked.",
    ),
    Option(
        "--unsanitized",
        "CONTRACT_UNSANITIZED",
        "Show reproductions and write reports without masking credentials and secrets.",
        is_switch=True,
    ),
)


@dataclass(frozen=True)
class ContractOptions:
    target_url: str | None
    authorization: str | None
    app_token: str | None
    xsrf_token: str | None
    seed: int
    max_examples: int
    reports_dir: Path
    unsanitized: bool
    expect_secrets: str | None


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("contract", "SuperOffice contract suite")
    for option in OPTIONS:
        help_text = f"{option.help} [env {option.env_var}]"
        if option.is_switch:
            group.addoption(option.flag, action="store_true", default=None, help=help_text)
        else:
            group.addoption(option.flag, default=None, help=help_text)


def read_options(config: pytest.Config) -> ContractOptions:
    values: dict[str, str | None] = {}
    for option in OPTIONS:
        given = config.getoption(option.dest)
        values[option.dest] = str(given) if given is not None else os.environ.get(option.env_var)
    if values["authorization"] and not values["target_url"]:
        raise pytest.UsageError(
            "--authorization (CONTRACT_AUTHORIZATION) is for a server named with --target-url;"
            " the embedded reference server gets fresh credentials of its own"
        )
    reports_dir = values["reports_dir"]
    return ContractOptions(
        target_url=values["target_url"] or None,
        authorization=values["authorization"] or None,
        app_token=values["app_token"] or None,
        xsrf_token=values["xsrf_token"] or None,
        seed=_integer(values["seed"], "--seed") or secrets.randbelow(2**32),
        max_examples=_integer(values["max_examples"], "--max-examples") or DEFAULT_MAX_EXAMPLES,
        reports_dir=Path(reports_dir) if reports_dir else _timestamped_reports_dir(),
        unsanitized=_switch(values["unsanitized"]),
        expect_secrets=_choice(values["expect_secrets"], "--expect-secrets", SECRET_CHOICES),
    )


def _choice(value: str | None, flag: str, choices: tuple[str, ...]) -> str | None:
    if not value:
        return None
    if value.strip().lower() not in choices:
        raise pytest.UsageError(f"{flag} takes one of {', '.join(choices)}, got {value!r}")
    return value.strip().lower()


def _switch(value: str | None) -> bool:
    return (value or "").strip().lower() in TRUE_WORDS


def _integer(value: str | None, flag: str) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise pytest.UsageError(f"{flag} takes a whole number, got {value!r}") from None


def _timestamped_reports_dir() -> Path:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return REPORTS_ROOT / f"contract-{stamp}"

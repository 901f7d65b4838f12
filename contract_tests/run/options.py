"""The suite's options: each one a pytest flag and an environment variable.

A flag given on the command line wins over its environment variable. Credentials are
better given by environment variable: a command line shows up in process lists and
shell history.
"""

from __future__ import annotations

import datetime
import os
import secrets
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import spec_loader
from contract_tests.cases.budget import THOROUGH_ENV_VAR, switched_on
from contract_tests.cases.one_associate import is_valid_associate
from contract_tests.model.readers import EXPECT_SECRETS_ENV_VAR, SecretRule
from contract_tests.run.rate_limit import Rate, parse_rate

# Enough for the fuzzing phase to try every media type many times and stay near a minute.
DEFAULT_MAX_EXAMPLES = 300
# In the budget mode (without --thorough): at 10 requests a second each fuzzing case
# costs a tenth of a second, so the phase gets a total, shared by the spec's operations:
# the more operations, the fewer cases each, and a default run stays within P6's 1,500
# requests. Never fewer than the kill matrix's 30 per operation, with which it catches
# its whole catalogue.
BUDGET_FUZZING_CASES = 210
MIN_MAX_EXAMPLES = 30


def budget_max_examples() -> int:
    """Fuzzing cases per operation in the budget mode: the total over the spec's operations."""
    count = len(spec_loader.operations(spec_loader.load_spec()))
    return max(MIN_MAX_EXAMPLES, BUDGET_FUZZING_CASES // max(count, 1))


REPORTS_ROOT = Path("reports")
# Each run's folder under REPORTS_ROOT: the prefix and its UTC start time.
REPORTS_PREFIX = "contract-"
# Report folders of earlier runs kept under REPORTS_ROOT; older ones are deleted.
DEFAULT_KEEP_REPORTS = 20
# The vendor's partner checklist: "No more than 10 API calls per second".
NAMED_TARGET_RATE = "10/s"
NO_RATE_LIMIT = "none"
URL_SCHEMES = ("http", "https")
# Shown instead of a credential in reprs, as schemathesis masks it in reports.
FILTERED = "[Filtered]"
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
    Option(
        "--associate-id",
        "CONTRACT_ASSOCIATE_ID",
        "Every case that could be accepted saves, reads and removes credentials of this"
        " associate only (default: any associate the generator makes).",
    ),
    Option(
        "--canary-associate-id",
        "CONTRACT_CANARY_ASSOCIATE_ID",
        "A second associate the model-based phase may save and remove credentials of: it"
        " varies AssociateId between the two and checks that what a step did not target"
        " stays unchanged (default: the next associate against the embedded server; none"
        " against --target-url, and the summary says what could not be checked).",
    ),
    Option(
        "--rate-limit",
        "CONTRACT_RATE_LIMIT",
        "At most this many requests, e.g. 10/s or 600/m, or 'none'. Default:"
        f" {NAMED_TARGET_RATE} against --target-url, none against the embedded server.",
    ),
    Option(
        "--keep-data",
        "CONTRACT_KEEP_DATA",
        "Leave the credentials the run saved on the server (default: remove them at the end).",
        is_switch=True,
    ),
    Option("--seed", "CONTRACT_SEED", "Seed for data generation (default: random, printed)."),
    Option(
        "--max-examples",
        "CONTRACT_MAX_EXAMPLES",
        f"Cases of the fuzzing phase per operation (default {BUDGET_FUZZING_CASES} over"
        f" the spec's operations, at least {MIN_MAX_EXAMPLES}; with --thorough"
        f" {DEFAULT_MAX_EXAMPLES}).",
    ),
    Option(
        "--reports-dir",
        "CONTRACT_REPORTS_DIR",
        f"Where the reports go (default {REPORTS_ROOT}/contract-<timestamp>).",
    ),
    Option(
        "--keep-reports",
        "CONTRACT_KEEP_REPORTS",
        f"Report folders kept under {REPORTS_ROOT}/, this run's included; older ones are"
        f" deleted (default {DEFAULT_KEEP_REPORTS}).",
    ),
    Option(
        "--thorough",
        THOROUGH_ENV_VAR,
        "Send everything the default budget mode leaves out: coverage cases that repeat a"
        " request in another media type, fuzzing beyond its budget's share per operation"
        f" ({DEFAULT_MAX_EXAMPLES} cases instead), and a longer model phase.",
        is_switch=True,
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


# Fields of ContractOptions that hold credentials.
SECRET_OPTIONS = frozenset({"authorization", "app_token", "xsrf_token"})


@dataclass(frozen=True, repr=False)
class ContractOptions:
    target_url: str | None
    authorization: str | None
    app_token: str | None
    xsrf_token: str | None
    associate_id: int | None
    canary_associate_id: int | None
    # None: no limit.
    rate_limit: Rate | None
    keep_data: bool
    seed: int
    max_examples: int
    reports_dir: Path
    keep_reports: int
    thorough: bool
    unsanitized: bool
    expect_secrets: str | None

    def __repr__(self) -> str:
        # pytest prints fixture values in tracebacks: never the credentials themselves.
        shown = []
        for field in fields(self):
            value = getattr(self, field.name)
            if field.name in SECRET_OPTIONS and value is not None:
                value = FILTERED
            shown.append(f"{field.name}={value!r}")
        return f"ContractOptions({', '.join(shown)})"


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
    target_url = values["target_url"] or None
    if target_url:
        _check_url(target_url)
    reports_dir = values["reports_dir"]
    keep_reports = _integer(values["keep_reports"], "--keep-reports")
    thorough = switched_on(values["thorough"])
    associate_id = _associate(values["associate_id"], "--associate-id")
    canary = _associate(values["canary_associate_id"], "--canary-associate-id")
    if canary is not None and canary == associate_id:
        raise pytest.UsageError(
            "--canary-associate-id must name another associate than --associate-id"
        )
    if keep_reports is not None and keep_reports < 1:
        raise pytest.UsageError("--keep-reports counts this run's folder too: at least 1")
    return ContractOptions(
        target_url=target_url,
        authorization=values["authorization"] or None,
        app_token=values["app_token"] or None,
        xsrf_token=values["xsrf_token"] or None,
        associate_id=associate_id,
        canary_associate_id=canary,
        rate_limit=_rate(values["rate_limit"] or (NAMED_TARGET_RATE if target_url else None)),
        keep_data=switched_on(values["keep_data"]),
        seed=_integer(values["seed"], "--seed") or secrets.randbelow(2**32),
        max_examples=_integer(values["max_examples"], "--max-examples")
        or (DEFAULT_MAX_EXAMPLES if thorough else budget_max_examples()),
        reports_dir=Path(reports_dir) if reports_dir else _timestamped_reports_dir(),
        keep_reports=DEFAULT_KEEP_REPORTS if keep_reports is None else keep_reports,
        thorough=thorough,
        unsanitized=switched_on(values["unsanitized"]),
        expect_secrets=_choice(values["expect_secrets"], "--expect-secrets", SECRET_CHOICES),
    )


def _check_url(url: str) -> None:
    if "@" in url:
        # A user name or password would be printed with the URL, in this message and in
        # every report; credentials go in --authorization.
        raise pytest.UsageError(
            "--target-url holds an '@' (a user name or password?); give credentials with"
            " --authorization (CONTRACT_AUTHORIZATION) instead"
        )
    parts = urlsplit(url)
    if parts.scheme not in URL_SCHEMES or not parts.hostname:
        raise pytest.UsageError(
            f"--target-url {url!r} is not an http:// or https:// URL with a host,"
            " e.g. https://crm.example.com/SuperOffice"
        )


def _associate(value: str | None, flag: str) -> int | None:
    associate_id = _integer(value, flag)
    if associate_id is not None and not is_valid_associate(associate_id):
        raise pytest.UsageError(f"{flag} {associate_id} is not an associate id the spec allows")
    return associate_id


def _rate(value: str | None) -> Rate | None:
    if value is None or value.strip().lower() == NO_RATE_LIMIT:
        return None
    try:
        return parse_rate(value.strip())
    except ValueError:
        raise pytest.UsageError(
            f"--rate-limit takes a rate such as 10/s or 600/m, or {NO_RATE_LIMIT!r}; got {value!r}"
        ) from None


def masked_arguments(arguments: list[str]) -> list[str]:
    """``arguments`` with the values of the credential flags replaced by FILTERED.

    schemathesis writes the command line into its HTML report and masks only the
    flags of its own CLI.
    """
    flags = {option.flag for option in OPTIONS if option.dest in SECRET_OPTIONS}
    masked: list[str] = []
    for argument in arguments:
        flag, equals, _ = argument.partition("=")
        if masked and masked[-1] in flags:
            masked.append(FILTERED)
        elif equals and flag in flags:
            masked.append(f"{flag}={FILTERED}")
        else:
            masked.append(argument)
    return masked


def _choice(value: str | None, flag: str, choices: tuple[str, ...]) -> str | None:
    if not value:
        return None
    if value.strip().lower() not in choices:
        raise pytest.UsageError(f"{flag} takes one of {', '.join(choices)}, got {value!r}")
    return value.strip().lower()


def _integer(value: str | None, flag: str) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise pytest.UsageError(f"{flag} takes a whole number, got {value!r}") from None


def _timestamped_reports_dir() -> Path:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return REPORTS_ROOT / f"{REPORTS_PREFIX}{stamp}"

"""The suite's options: each one a flag (of ``superoffice-contract`` and of ``pytest
contract_tests``) and an environment variable.

A flag given on the command line wins over its environment variable, and the variable
over ``--credentials-file``. Credentials are better given by environment variable or
that file: a command line shows up in process lists and shell history, and a tool that
runs the suite (nox) prints it.
"""

from __future__ import annotations

import datetime
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import spec_loader
from contract_tests.baseline.ledger import BaselineFileError, BaselineSettings, load
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
# How --help groups the options (cli/command.py titles them).
TARGET_GROUP = "target"
SENDING_GROUP = "sending"
BASELINE_GROUP = "baseline"
REPORTS_GROUP = "reports"
# A line of --credentials-file: NAME=VALUE, NAME one of the credential variables below.
ASSIGNMENT_SEPARATOR = "="
QUOTES = ("'", '"')


@dataclass(frozen=True)
class Option:
    flag: str
    env_var: str
    help: str
    is_switch: bool = False
    group: str = SENDING_GROUP
    metavar: str | None = None

    @property
    def dest(self) -> str:
        return self.flag.removeprefix("--").replace("-", "_")


OPTIONS = (
    Option(
        "--target-url",
        "CONTRACT_TARGET_URL",
        "Base URL in front of /api/v1/..., e.g. https://crm.example.com/SuperOffice"
        " (default: the embedded reference server, with fresh credentials).",
        group=TARGET_GROUP,
        metavar="URL",
    ),
    Option(
        "--authorization",
        "CONTRACT_AUTHORIZATION",
        "The Authorization header: 'Basic ...', 'SOTicket 7T:...', 'Bearer ...'.",
        group=TARGET_GROUP,
        metavar="VALUE",
    ),
    Option(
        "--app-token",
        "CONTRACT_APP_TOKEN",
        "Sent as SO-AppToken on every request.",
        group=TARGET_GROUP,
        metavar="TOKEN",
    ),
    Option(
        "--xsrf-token",
        "CONTRACT_XSRF_TOKEN",
        "Sent as X-XSRF-TOKEN and as the XSRF-TOKEN cookie (a browser session).",
        group=TARGET_GROUP,
        metavar="TOKEN",
    ),
    Option(
        "--credentials-file",
        "CONTRACT_CREDENTIALS_FILE",
        "NAME=VALUE lines setting the three variables above; those set themselves win.",
        group=TARGET_GROUP,
        metavar="FILE",
    ),
    Option(
        "--associate-id",
        "CONTRACT_ASSOCIATE_ID",
        "Save, read and remove the credentials of this associate only (default: any).",
        group=TARGET_GROUP,
        metavar="N",
    ),
    Option(
        "--canary-associate-id",
        "CONTRACT_CANARY_ASSOCIATE_ID",
        "A second associate the model phase may save for, to check that what a step did"
        " not target stays as it was (default: none against --target-url).",
        group=TARGET_GROUP,
        metavar="N",
    ),
    Option(
        "--expect-secrets",
        EXPECT_SECRETS_ENV_VAR,
        "What reading back shows of SecretValue: shown or hidden (default: either).",
        group=TARGET_GROUP,
        metavar="RULE",
    ),
    Option(
        "--rate-limit",
        "CONTRACT_RATE_LIMIT",
        f"At most this many requests: 10/s, 600/m or {NO_RATE_LIMIT} (default"
        f" {NAMED_TARGET_RATE}; {NO_RATE_LIMIT} against the embedded server).",
        metavar="RATE",
    ),
    Option(
        "--seed",
        "CONTRACT_SEED",
        "Seed of the generated data (default: random, printed).",
        metavar="N",
    ),
    Option(
        "--max-examples",
        "CONTRACT_MAX_EXAMPLES",
        f"Fuzzing cases per operation (default {BUDGET_FUZZING_CASES} over the spec's"
        f" operations, at least {MIN_MAX_EXAMPLES}; {DEFAULT_MAX_EXAMPLES} with --thorough).",
        metavar="N",
    ),
    Option(
        "--thorough",
        THOROUGH_ENV_VAR,
        "Also send what the budget mode leaves out, and run a longer model phase"
        " (docs/suite.md): for a nightly run.",
        is_switch=True,
    ),
    Option(
        "--keep-data",
        "CONTRACT_KEEP_DATA",
        "Leave the credentials the run saved on the server (default: remove them).",
        is_switch=True,
    ),
    Option(
        "--baseline",
        "CONTRACT_BASELINE",
        "Fail only on violations this baseline file (schemathesis' own) does not accept.",
        group=BASELINE_GROUP,
        metavar="FILE",
    ),
    Option(
        "--baseline-update",
        "CONTRACT_BASELINE_UPDATE",
        "Record this run's new violations in it (creating it if missing).",
        is_switch=True,
        group=BASELINE_GROUP,
    ),
    Option(
        "--baseline-prune",
        "CONTRACT_BASELINE_PRUNE",
        "Drop its entries that this run reached and did not reproduce.",
        is_switch=True,
        group=BASELINE_GROUP,
    ),
    Option(
        "--baseline-reason",
        "CONTRACT_BASELINE_REASON",
        "The reason --baseline-update stores with each entry it records.",
        group=BASELINE_GROUP,
        metavar="TEXT",
    ),
    Option(
        "--reports-dir",
        "CONTRACT_REPORTS_DIR",
        f"Where the reports go (default: {REPORTS_ROOT}/{REPORTS_PREFIX}<time> here).",
        group=REPORTS_GROUP,
        metavar="DIR",
    ),
    Option(
        "--keep-reports",
        "CONTRACT_KEEP_REPORTS",
        f"Report folders kept in {REPORTS_ROOT}/, this run's too (default {DEFAULT_KEEP_REPORTS}).",
        group=REPORTS_GROUP,
        metavar="N",
    ),
    Option(
        "--unsanitized",
        "CONTRACT_UNSANITIZED",
        "Mask no credential or secret in the output and the reports.",
        is_switch=True,
        group=REPORTS_GROUP,
    ),
)


# Fields of ContractOptions that hold credentials: the ones --credentials-file may set.
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
    baseline: BaselineSettings | None = None
    # How each option given was given: its flag, its variable, or the credentials file.
    sources: dict[str, str] = field(default_factory=dict)

    def named(self, dest: str) -> str:
        """The option as the user gave it (``CONTRACT_AUTHORIZATION``), for messages."""
        if dest in self.sources:
            return self.sources[dest]
        option = option_named(dest)
        return f"{option.flag} ({option.env_var})"

    def __repr__(self) -> str:
        # pytest prints fixture values in tracebacks: never the credentials themselves.
        shown = []
        for each in fields(self):
            value = getattr(self, each.name)
            if each.name in SECRET_OPTIONS and value is not None:
                value = FILTERED
            shown.append(f"{each.name}={value!r}")
        return f"ContractOptions({', '.join(shown)})"


def option_named(dest: str) -> Option:
    return next(option for option in OPTIONS if option.dest == dest)


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("contract", "SuperOffice contract suite")
    for option in OPTIONS:
        help_text = f"{option.help} [env {option.env_var}]"
        if option.is_switch:
            group.addoption(option.flag, action="store_true", default=None, help=help_text)
        else:
            group.addoption(option.flag, default=None, metavar=option.metavar, help=help_text)


def read_options(config: pytest.Config) -> ContractOptions:
    """The options of ``pytest contract_tests``: its flags, then the environment."""
    return options_from({option.dest: config.getoption(option.dest) for option in OPTIONS})


def given_values(
    given: Mapping[str, object], environ: Mapping[str, str]
) -> tuple[dict[str, str | None], dict[str, str]]:
    """Each option's value as text (or None), and how each was given: flag, variable, file."""
    values: dict[str, str | None] = {}
    sources: dict[str, str] = {}
    for option in OPTIONS:
        flag_value = given.get(option.dest)
        if flag_value is not None:
            values[option.dest], sources[option.dest] = str(flag_value), option.flag
        elif environ.get(option.env_var):
            values[option.dest], sources[option.dest] = environ[option.env_var], option.env_var
        else:
            values[option.dest] = None
    credentials_file = values["credentials_file"]
    if credentials_file:
        from_file = credentials_from_file(Path(credentials_file))
        for dest, value in from_file.items():
            if values[dest] is None:
                values[dest] = value
                sources[dest] = f"{option_named(dest).env_var} in {credentials_file}"
    return values, sources


def credentials_from_file(path: Path) -> dict[str, str]:
    """``path``'s NAME=VALUE lines, by option; pytest.UsageError naming a line, never its text."""
    by_variable = {option_named(dest).env_var: dest for dest in SECRET_OPTIONS}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise pytest.UsageError(
            f"--credentials-file {path}: cannot read it ({type(error).__name__})"
        ) from None
    found: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        name, separator, value = text.partition(ASSIGNMENT_SEPARATOR)
        if not separator or name.strip() not in by_variable:
            raise pytest.UsageError(
                f"--credentials-file {path}, line {number}: expected NAME=VALUE with NAME one"
                f" of {', '.join(sorted(by_variable))}"
            )
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in QUOTES:
            value = value[1:-1]
        found[by_variable[name.strip()]] = value
    return found


def options_from(
    given: Mapping[str, object], environ: Mapping[str, str] = os.environ
) -> ContractOptions:
    """The run's options from the flags ``given`` (by dest; None: not given) and ``environ``.

    pytest.UsageError for a value the suite cannot use; nothing has been sent yet.
    """
    values, sources = given_values(given, environ)

    def named(dest: str) -> str:
        return sources.get(dest, option_named(dest).flag)

    if values["authorization"] and not values["target_url"]:
        raise pytest.UsageError(
            f"{sources['authorization']} is for a server named with --target-url"
            " (CONTRACT_TARGET_URL); the embedded reference server gets fresh credentials of"
            " its own"
        )
    target_url = values["target_url"] or None
    if target_url:
        _check_url(target_url, sources["target_url"])
    reports_dir = values["reports_dir"]
    keep_reports = _integer(values["keep_reports"], named("keep_reports"))
    thorough = switched_on(values["thorough"])
    if keep_reports is not None and keep_reports < 1:
        raise pytest.UsageError(f"{named('keep_reports')} counts this run's folder too: at least 1")
    associate_id = _associate(values["associate_id"], named("associate_id"))
    canary = _associate(values["canary_associate_id"], named("canary_associate_id"))
    if canary is not None and canary == associate_id:
        raise pytest.UsageError(
            f"{named('canary_associate_id')} must name another associate than"
            f" {named('associate_id')}"
        )
    return ContractOptions(
        target_url=target_url,
        authorization=values["authorization"] or None,
        app_token=values["app_token"] or None,
        xsrf_token=values["xsrf_token"] or None,
        associate_id=associate_id,
        canary_associate_id=canary,
        rate_limit=_rate(
            values["rate_limit"] or (NAMED_TARGET_RATE if target_url else None),
            named("rate_limit"),
        ),
        keep_data=switched_on(values["keep_data"]),
        seed=_integer(values["seed"], named("seed")) or secrets.randbelow(2**32),
        max_examples=_integer(values["max_examples"], named("max_examples"))
        or (DEFAULT_MAX_EXAMPLES if thorough else budget_max_examples()),
        reports_dir=Path(reports_dir) if reports_dir else _timestamped_reports_dir(),
        keep_reports=DEFAULT_KEEP_REPORTS if keep_reports is None else keep_reports,
        thorough=thorough,
        unsanitized=switched_on(values["unsanitized"]),
        expect_secrets=_choice(values["expect_secrets"], named("expect_secrets"), SECRET_CHOICES),
        baseline=_baseline(values),
        sources=sources,
    )


def _baseline(values: Mapping[str, str | None]) -> BaselineSettings | None:
    update = switched_on(values["baseline_update"])
    prune = switched_on(values["baseline_prune"])
    reason = values["baseline_reason"] or None
    path = values["baseline"]
    if not path:
        if update or prune or reason:
            raise pytest.UsageError(
                "--baseline-update, --baseline-prune and --baseline-reason work on the file"
                " named by --baseline (CONTRACT_BASELINE)"
            )
        return None
    settings = BaselineSettings(Path(path), update=update, prune=prune, reason=reason)
    if Path(path).exists() or not update:
        try:
            load(settings.path)
        except BaselineFileError as error:
            raise pytest.UsageError(str(error)) from None
    return settings


def _check_url(url: str, given_as: str) -> None:
    if "@" in url:
        # A user name or password would be printed with the URL, in this message and in
        # every report; credentials go in --authorization.
        raise pytest.UsageError(
            f"{given_as} holds an '@' (a user name or password?); give credentials with"
            " CONTRACT_AUTHORIZATION or --credentials-file instead"
        )
    parts = urlsplit(url)
    if parts.scheme not in URL_SCHEMES or not parts.hostname:
        raise pytest.UsageError(
            f"{given_as} {url!r} is not an http:// or https:// URL with a host,"
            " e.g. https://crm.example.com/SuperOffice"
        )


def _associate(value: str | None, given_as: str) -> int | None:
    associate_id = _integer(value, given_as)
    if associate_id is not None and not is_valid_associate(associate_id):
        raise pytest.UsageError(f"{given_as} {associate_id} is not an associate id the spec allows")
    return associate_id


def _rate(value: str | None, given_as: str) -> Rate | None:
    if value is None or value.strip().lower() == NO_RATE_LIMIT:
        return None
    try:
        return parse_rate(value.strip())
    except ValueError:
        raise pytest.UsageError(
            f"{given_as} takes a rate such as 10/s or 600/m, or {NO_RATE_LIMIT!r}; got {value!r}"
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

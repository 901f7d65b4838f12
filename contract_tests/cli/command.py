"""``superoffice-contract``: run the contract suite, with the suite's options only and honest
exit codes.

The suite is a pytest run (schemathesis' pytest plugin makes and judges the cases); this
command is its front door. It reads the suite's options itself, so a bad one is a usage
error (exit 2) before anything is sent, and ``--help`` lists only them, grouped, each
with its environment variable, and the exit codes. pytest's own options go after ``--``
(``superoffice-contract -- -x``), and ``--pytest-help`` lists them. The options reach
the run through a plugin object, never through a command line that a tool might echo.
The exit code is the run's verdict (report/verdict.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from contract_tests.report.run_report import OPTIONS_KEY, RUN_KEY
from contract_tests.report.verdict import SuiteExit, Verdict
from contract_tests.run.options import (
    BASELINE_GROUP,
    OPTIONS,
    REPORTS_GROUP,
    SENDING_GROUP,
    TARGET_GROUP,
    ContractOptions,
    options_from,
)

PROG = "superoffice-contract"
SUITE_DIR = Path(__file__).resolve().parent.parent
PYTEST_SEPARATOR = "--"
GROUP_TITLES = {
    TARGET_GROUP: "the server and its credentials",
    SENDING_GROUP: "what is sent, and how fast",
    BASELINE_GROUP: "accepted deviations (a schemathesis baseline file)",
    REPORTS_GROUP: "reports",
}
DESCRIPTION = """\
Check a server against the spec of SuperOffice's untrusted-credentials operations
(the embedded reference server without --target-url). Each option may be given by
its environment variable; a flag wins. Give credentials by variable or by
--credentials-file: a command line shows in process lists."""
# Wide enough for the longest flag and its value on the help's first line.
HELP_POSITION = 30
# pytest's settings for every run: this file and no other (it says why); conftest.py
# files are looked for from the suite's folder down, where pytest would start at the
# file's folder.
PYTEST_ARGUMENTS = (
    *("-c", str(Path(__file__).with_name("pytest.ini"))),
    *("--rootdir", str(SUITE_DIR), "--confcutdir", str(SUITE_DIR)),
)
# What a pytest exit code means when the run never reached a verdict.
WITHOUT_VERDICT: dict[int, SuiteExit] = {
    pytest.ExitCode.OK: SuiteExit.KEPT,  # nothing to judge, e.g. -- --collect-only
    pytest.ExitCode.USAGE_ERROR: SuiteExit.USAGE,
    pytest.ExitCode.NO_TESTS_COLLECTED: SuiteExit.USAGE,
    pytest.ExitCode.INTERRUPTED: SuiteExit.INTERRUPTED,
}


def exit_codes_text() -> str:
    lines = ["exit codes:"]
    lines += [f"  {int(code):>3}  {code.meaning}" for code in SuiteExit]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage=f"{PROG} [OPTION ...] [{PYTEST_SEPARATOR} PYTEST_ARGUMENT ...]",
        description=DESCRIPTION,
        epilog=exit_codes_text(),
        formatter_class=lambda prog: argparse.RawDescriptionHelpFormatter(
            prog, max_help_position=HELP_POSITION
        ),
        add_help=False,
        allow_abbrev=False,
    )
    groups = {name: parser.add_argument_group(title) for name, title in GROUP_TITLES.items()}
    for option in OPTIONS:
        group = groups[option.group]
        help_text = f"{option.help} [env {option.env_var}]"
        if option.is_switch:
            group.add_argument(option.flag, action="store_true", default=None, help=help_text)
        else:
            group.add_argument(option.flag, metavar=option.metavar, help=help_text)
    other = parser.add_argument_group("other")
    other.add_argument("-h", "--help", action="help", help="show this help and exit")
    other.add_argument(
        "--pytest-help",
        action="store_true",
        help=f"list pytest's own options, which go after {PYTEST_SEPARATOR}",
    )
    return parser


def split_arguments(arguments: Sequence[str]) -> tuple[list[str], list[str]]:
    """The suite's arguments, and pytest's (those after the first ``--``)."""
    arguments = list(arguments)
    if PYTEST_SEPARATOR not in arguments:
        return arguments, []
    at = arguments.index(PYTEST_SEPARATOR)
    return arguments[:at], arguments[at + 1 :]


class Handoff:
    """A pytest plugin: gives the run its options, and takes its verdict back."""

    def __init__(self, options: ContractOptions) -> None:
        self.options = options
        self.verdict: Verdict | None = None

    @pytest.hookimpl(tryfirst=True)
    def pytest_configure(self, config: pytest.Config) -> None:
        given_to_pytest = [
            option.flag for option in OPTIONS if config.getoption(option.dest) is not None
        ]
        if given_to_pytest:
            raise pytest.UsageError(
                f"{', '.join(given_to_pytest)}: the suite's options go before"
                f" {PYTEST_SEPARATOR}, pytest's after it"
            )
        config.stash[OPTIONS_KEY] = self.options

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        run = config.stash.get(RUN_KEY, None)
        self.verdict = run.verdict if run is not None else None


def run_suite(options: ContractOptions, pytest_arguments: Sequence[str]) -> int:
    handoff = Handoff(options)
    status = pytest.main(
        [str(SUITE_DIR), *PYTEST_ARGUMENTS, *pytest_arguments],
        plugins=[handoff],
    )
    if handoff.verdict is not None:
        return int(handoff.verdict.exit)
    return int(WITHOUT_VERDICT.get(status, SuiteExit.BROKEN))


def main(arguments: Sequence[str] | None = None) -> int:
    suite_arguments, pytest_arguments = split_arguments(
        sys.argv[1:] if arguments is None else arguments
    )
    parser = build_parser()
    given = vars(parser.parse_args(suite_arguments))  # exits 2 on a bad option, 0 on --help
    if given.pop("pytest_help"):
        return int(pytest.main([str(SUITE_DIR), *PYTEST_ARGUMENTS, "--help"]))
    try:
        options = options_from(given, os.environ)
    except pytest.UsageError as error:
        parser.error(str(error))  # exits 2
    return run_suite(options, pytest_arguments)

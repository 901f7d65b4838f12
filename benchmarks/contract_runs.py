"""What P2 and P5 share: how the suite is started, made-up credentials, pytest's exit codes."""

from __future__ import annotations

import re
import secrets
from collections import Counter

import pytest

from tests.contract.conftest import Credentials

PASSED = pytest.ExitCode.OK
FAILED = pytest.ExitCode.TESTS_FAILED
# As `nox -s contract` runs the suite: without pytest rewriting the asserts of every
# plugin module, which costs seconds at each start.
SUITE_OPTIONS = ("--assert=plain",)

# The suite's summary line of its cases and the responses it checked, every phase's,
# e.g. "cases:       817 (responses checked: 859; ...".
SUMMARY_RESPONSES = re.compile(r"^cases:\s+\d+ \(responses checked: (?P<count>\d+)", re.MULTILINE)
# The lines of the suite's summary that give its responses checked by phase and by
# operation, e.g. "  by phase:      coverage 1000, fuzzing 900, examples 84".
SUMMARY_LINE = r"^\s*by {}:\s+(?P<counts>.+)$"
SUMMARY_ITEM = re.compile(r"(?P<name>\S+) (?P<count>\d+)")


def fresh_credentials() -> Credentials:
    """Basic credentials that exist only for one benchmark, so none can leak anywhere real."""
    return Credentials(f"bench-{secrets.token_hex(4)}", secrets.token_urlsafe(24))


def require_exit(code: int, expected: int, output: str) -> None:
    if code != expected:
        raise RuntimeError(f"the contract suite exited {code}, expected {expected}:\n{output}")


def summary_counts(output: str, label: str) -> Counter[str]:
    """The counts of one ``by <label>:`` line of the suite's summary."""
    match = re.search(SUMMARY_LINE.format(label), output, re.MULTILINE)
    if match is None:
        raise RuntimeError(f"the suite's summary has no 'by {label}' line:\n{output[-3000:]}")
    return Counter(
        {item["name"]: int(item["count"]) for item in SUMMARY_ITEM.finditer(match["counts"])}
    )


def summary_responses_checked(output: str) -> int:
    """How many responses the suite's summary says the run checked, in all its phases."""
    match = SUMMARY_RESPONSES.search(output)
    if match is None:
        raise RuntimeError(f"the suite's summary has no 'cases:' line:\n{output[-3000:]}")
    return int(match["count"])

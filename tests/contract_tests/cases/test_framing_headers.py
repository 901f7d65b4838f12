"""The case filter keeps the HTTP layer's own headers out of generated cases, and only those."""

from __future__ import annotations

import subprocess
import sys

import pytest

import spec_loader
from contract_tests.cases.framing_headers import filter_case, sends_framing_header

SPEC = spec_loader.load_spec()
ROOT = spec_loader.spec_path().parents[1]


@pytest.mark.parametrize("name", ["Transfer-Encoding", "content-length", " HOST", "Connection"])
def test_a_framing_header_is_left_out(name: str) -> None:
    assert sends_framing_header(["X-Extra", name])


def test_the_specs_own_headers_are_kept() -> None:
    parameters = [
        spec_loader.resolve(SPEC, parameter)
        for op in spec_loader.operations(SPEC)
        for parameter in op.node["parameters"]
    ]
    names = [parameter["name"] for parameter in parameters if parameter["in"] == "header"]

    assert names
    assert not sends_framing_header([*names, "X-Extra", "Content-Type", "Authorization"])


def test_plain_st_run_and_the_suite_apply_the_filter() -> None:
    # Both load contract_tests.hooks (schemathesis.toml names it); in a fresh interpreter,
    # importing it alone must register this filter.
    program = (
        "import contract_tests.hooks\n"
        "from schemathesis.hooks import GLOBAL_HOOK_DISPATCHER as hooks\n"
        "print(*(hook.__module__ for hook in hooks.get_all_by_name('filter_case')))"
    )
    registered = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()

    assert filter_case.__module__ in registered

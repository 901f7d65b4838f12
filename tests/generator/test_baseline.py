"""The committed client and spec that the report and the gate measure from (generator/baseline.py).

A `committed` that read the working tree instead of the revision would give the
current version and every operation, not the first client's "v1" and its one operation.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import spec_loader
from generator.baseline import REPO, committed, gate_ref, has_uncommitted_sources
from generator.client_api import client_version

# The commit that added the first generated client: version "v1", Save only.
FIRST_CLIENT = "c657a7b"


def test_a_revision_gives_its_own_client_and_spec(tmp_path: Path) -> None:
    baseline = committed(FIRST_CLIENT, tmp_path)
    assert baseline is not None
    assert client_version(baseline.client_dir) == "v1"
    assert [op.operation_id for op in spec_loader.operations(baseline.spec)] == [
        "SaveUntrustedCredentialsForAssociate"
    ]


def test_head_is_the_committed_client(tmp_path: Path) -> None:
    baseline = committed("HEAD", tmp_path)
    assert baseline is not None
    shown = subprocess.run(
        ["git", "-C", str(REPO), "show", "HEAD:generated_client/pyproject.toml"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert (baseline.client_dir / "pyproject.toml").read_text() == shown.stdout


def test_an_unknown_revision_gives_nothing(tmp_path: Path) -> None:
    assert committed("no-such-revision-3f2a", tmp_path) is None
    assert not list(tmp_path.iterdir())


def test_the_gate_compares_with_head_only_while_sources_are_uncommitted() -> None:
    assert gate_ref() == ("HEAD" if has_uncommitted_sources() else "HEAD~1")

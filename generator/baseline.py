"""The client and the spec as committed at a git revision: what a change is measured from.

`nox -s generate` measures against ``HEAD``, the committed client. The version gate
measures the change a commit makes: against ``HEAD`` while the spec, generator/ or
generated_client/ have changes not committed yet, and otherwise against ``HEAD~1``,
the commit before (the first parent of a merge: what the merged branch brought).
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from generator.build import CLIENT_DIR, GENERATOR_DIR
from spec_loader import DEFAULT_SPEC_PATH, JsonObject, load_spec

REPO = GENERATOR_DIR.parent
# What makes the client: a change to any of them may change it.
SOURCES = (DEFAULT_SPEC_PATH, GENERATOR_DIR, CLIENT_DIR)


@dataclass(frozen=True)
class Baseline:
    """A committed client tree and the spec it was made from."""

    client_dir: Path
    spec: JsonObject


def _git(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, check=False)  # noqa: S603, S607


def has_revision(ref: str) -> bool:
    return _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode == 0


def has_uncommitted_sources() -> bool:
    """Whether the spec, generator/ or generated_client/ differ from HEAD (or git is absent)."""
    paths = [str(path.relative_to(REPO)) for path in SOURCES]
    status = _git("status", "--porcelain", "--", *paths)
    return status.returncode != 0 or bool(status.stdout.strip())


def gate_ref() -> str:
    """What the version gate compares with: HEAD while sources are uncommitted, else HEAD~1."""
    return "HEAD" if has_uncommitted_sources() else "HEAD~1"


def committed(ref: str, into: Path) -> Baseline | None:
    """The client and spec at ``ref``, extracted under ``into``; None if ``ref`` has no client.

    None too when there is no such revision (outside a git checkout, a shallow clone).
    """
    if not has_revision(ref):
        return None
    paths = [str(CLIENT_DIR.relative_to(REPO)), str(DEFAULT_SPEC_PATH.relative_to(REPO))]
    archive = _git("archive", "--format=tar", ref, "--", *paths)
    if archive.returncode != 0:
        return None
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    client_dir = into / CLIENT_DIR.relative_to(REPO)
    spec_file = into / DEFAULT_SPEC_PATH.relative_to(REPO)
    if not (client_dir / "pyproject.toml").exists() or not spec_file.exists():
        return None
    return Baseline(client_dir, load_spec(spec_file))

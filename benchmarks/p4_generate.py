"""P4: ``nox -s generate`` with its virtualenv reused, against the bare generator.

Both run in a scratch copy of the checkout, so that regenerating never touches the
generated_client/ that others work with. The copy's ``nox -s generate`` runs once
before timing: that creates its virtualenv, which every timed run then reuses (the
noxfile sets reuse_existing_virtualenvs). The baseline is
``openapi-python-client generate`` of the same spec, with the same pinned tools
(its default post-hooks run ruff, as ours do).

nox runs as the README has it: with uv (requirements/bootstrap.txt) making and
checking the session's virtualenv. Without uv, nox falls back to virtualenv and pip,
whose check of the locked tree alone takes longer than the generation; that would
measure pip, not the session, so P4 refuses to run instead.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.commands import MissingToolError, timed_run
from benchmarks.ratios import interleave
from benchmarks.report import Result, Target, paired_figures
from reference_server.launcher import PROJECT_ROOT

ID = "P4"
MEASURE = "`nox -s generate` with the venv reused ÷ bare `openapi-python-client generate`"
TARGET = Target("<=", 2.0)
# Tool state, reports and virtualenvs: none of it is an input of the generator.
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", ".nox", "node_modules", "reports", "__pycache__", ".*_cache", ".hypothesis"
)
TOOLS = Path(sys.executable).parent
# The first run installs the whole locked tree; later runs only check it.
SETUP_TIMEOUT_SECONDS = 900.0
RUN_TIMEOUT_SECONDS = 300.0


@dataclass(frozen=True)
class Counts:
    rounds: int = 5


def path_with_tools() -> str:
    """PATH with this virtualenv's tools first, if uv is on it; MissingToolError if not."""
    path = f"{TOOLS}{os.pathsep}{os.environ.get('PATH', '')}"
    if shutil.which("uv", path=path) is None:
        raise MissingToolError(
            "P4 times `nox -s generate` as the README runs it, with uv, and there is no uv"
            " on PATH: install requirements/bootstrap.txt (nox and uv) and run again"
        )
    return path


def run(counts: Counts) -> Result:
    path = path_with_tools()
    with tempfile.TemporaryDirectory(prefix="bench-p4-") as scratch:
        checkout = Path(scratch) / "checkout"
        shutil.copytree(PROJECT_ROOT, checkout, ignore=NOT_COPIED)
        # The bare tool's post-hooks call `ruff` from PATH: make it the pinned one.
        env = {**os.environ, "PATH": path}
        nox_generate = [sys.executable, "-m", "nox", "-f", str(checkout / "noxfile.py")]
        # Forced, so that a uv nox cannot find (say, one too old) is an error, not pip.
        nox_generate += ["--force-venv-backend", "uv", "-s", "generate"]
        timed_run(nox_generate, cwd=checkout, env=env, timeout=SETUP_TIMEOUT_SECONDS)

        def seconds(command: list[str]) -> float:
            return timed_run(command, cwd=checkout, env=env, timeout=RUN_TIMEOUT_SECONDS).seconds

        def bare(index: int) -> float:
            command = [str(TOOLS / "openapi-python-client"), "generate"]
            command += ["--path", str(checkout / "openapi" / "openapi.yaml"), "--meta", "uv"]
            return seconds([*command, "--output-path", str(Path(scratch) / f"bare-{index}")])

        pairs = interleave(bare, lambda _index: seconds(nox_generate), counts.rounds)
    return Result(
        ID,
        MEASURE,
        counts.rounds,
        paired_figures(
            pairs,
            ratio=("nox generate ÷ bare time", TARGET),
            subject=("nox generate (s)", None),
            baseline="bare generate (s)",
        ),
        asdict(counts),
    )

"""Every task of the project, one nox session each.

`nox` with no arguments runs the default sessions: the whole test command that
CI runs. Virtualenvs are made with uv when it is installed, with virtualenv
otherwise, and always from the locked requirements/dev.txt.
"""

from __future__ import annotations

import datetime
import os
import secrets
import sys
from pathlib import Path

import nox
import nox.command

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True
# Not `spec`: its tests (tests/openapi) run within `tests`. Not `kill_matrix` either: it
# takes as long as all the rest, so `nox` stays a few minutes; CI runs it after `nox`.
nox.options.sessions = ["lint", "tests", "check_generated", "version_gate"]
# uv, unlike pip, installs without compiling bytecode, and where PYTHONDONTWRITEBYTECODE
# is set (as on the CI machines) no import writes it either: every run of every tool in
# a session would compile its modules from source again (0.7 s of `nox -s generate`).
os.environ.setdefault("UV_COMPILE_BYTECODE", "1")

ROOT = Path(__file__).parent
PYTHON = "3.11"
DEV_LOCK = "requirements/dev.txt"
BOOTSTRAP_LOCK = "requirements/bootstrap.txt"
HAND_WRITTEN = [
    "noxfile.py",
    "spec_loader",
    "tests",
    "contract_tests",
    "fault_lab",
    "generator",
    "reference_server",
    "benchmarks",
]
# Generator output: excluded from ruff and the mypy run above, type-checked on its own.
GENERATED_CLIENT = "generated_client"


def install_project(session: nox.Session) -> None:
    """The locked dev tree, then this project itself without touching the lock."""
    session.install("-r", DEV_LOCK)
    session.install("--no-deps", "-e", ".")
    session.install("--no-deps", "-e", GENERATED_CLIENT)


def install_node_tools(session: nox.Session) -> None:
    """The npm-registry tools the tests call (Redocly CLI), exactly as locked.

    `npm ci` deletes node_modules and installs it again every time (seconds): skipped
    while npm's own record of what it installed is newer than the lock, as for a
    virtualenv that nox reuses.
    """
    installed = ROOT / "node_modules" / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        session.log(f"node_modules is as {lock.name} says: not installed again")
        return
    session.run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error", external=True)


@nox.session(python=PYTHON)
def lock(session: nox.Session) -> None:
    """Re-resolve requirements/*.txt from pyproject.toml and requirements/bootstrap.in."""
    session.install("uv")
    common = ["--python-version", PYTHON, "--generate-hashes", "--quiet"]
    common += ["--custom-compile-command", "nox -s lock"]
    session.run(
        "uv", "pip", "compile", "pyproject.toml", "--extra", "server", "--extra", "contract",
        "--group", "pyproject.toml:dev", "-o", DEV_LOCK, *common,
    )  # fmt: skip
    session.run("uv", "pip", "compile", "requirements/bootstrap.in", "-o", BOOTSTRAP_LOCK, *common)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check, ruff format --check and mypy --strict on the hand-written code."""
    install_project(session)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy", *HAND_WRITTEN)
    with session.chdir(GENERATED_CLIENT):
        session.run("mypy", "--strict", "superoffice_webapi_client")


DEV_VENV = ".venv"


@nox.session(python=PYTHON, venv_backend="none")
def dev(session: nox.Session) -> None:
    """Make .venv: the locked tools, this project (server and suite) and the client, by hand.

    Not a default session. Activate it with `. .venv/bin/activate`; then
    `python -m reference_server`, the client and `pytest contract_tests` all import.
    """
    session.run("uv", "venv", "--quiet", "--allow-existing", "--python", PYTHON, DEV_VENV)
    python = ["--python", f"{DEV_VENV}/bin/python"]
    session.run("uv", "pip", "install", "--quiet", *python, "-r", DEV_LOCK)
    session.run("uv", "pip", "install", "--quiet", *python, "--no-deps", "-e", ".")
    session.run("uv", "pip", "install", "--quiet", *python, "--no-deps", "-e", GENERATED_CLIENT)
    session.log(f"Ready: activate it with `. {DEV_VENV}/bin/activate`")


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate generated_client/ from the spec, then report the changes for callers.

    The report compares with the committed client (`-- --against REF` for another
    revision); when the version in generator/config.yaml is new, it writes that
    version's entry of generated_client/CHANGELOG.md.
    """
    # Only the locked tools: `python -m generator` imports generator/ and spec_loader/
    # from the checkout, and rebuilding this project's editable install on every run
    # cost 1.2 s, about half of the session's overhead over a bare generation (P4).
    session.install("-r", DEV_LOCK)
    session.run("python", "-m", "generator", *session.posargs)


@nox.session(python=PYTHON)
def check_generated(session: nox.Session) -> None:
    """Regenerate into a temporary folder; fail with a diff, committed -> fresh, if it differs."""
    install_project(session)
    session.run("python", "-m", "generator", "--check")


@nox.session(python=PYTHON)
def version_gate(session: nox.Session) -> None:
    """Fail on a change for callers without its version bump or CHANGELOG.md entry.

    Compares with HEAD while the spec, generator/ or generated_client/ have uncommitted
    changes, else with HEAD~1; `-- --against REF` names another revision.
    """
    session.install("-r", DEV_LOCK)
    session.run("python", "-m", "generator", "--gate", *session.posargs)


@nox.session(python=PYTHON)
def spec(session: nox.Session) -> None:
    """Validate openapi/openapi.yaml: openapi-spec-validator, Redocly, and the vendor facts."""
    install_project(session)
    install_node_tools(session)
    session.run("pytest", "tests/openapi", *session.posargs)


def xdist_workers() -> int:
    """One pytest-xdist worker per core, and one more. Many tests wait part of their time
    (rate-limited runs, servers starting, the suite's processes) and leave a core idle,
    which the extra worker fills: on two cores `nox -s tests` took 188 s with two
    workers, 164 s with three, 160 s with four for more CPU time."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 1


# Tests run in parallel (pytest-xdist); tests that share a module-scoped fixture stay on
# one worker (tests/conftest.py groups them).
PARALLEL_TESTS = ("--numprocesses", str(xdist_workers()), "--dist", "loadgroup")
# Where PYTHONDONTWRITEBYTECODE is set (as on the CI machines), each xdist worker and each
# server the tests start compiled the project's modules from source, and pytest rewrote
# the asserts of every test module and plugin again, on every run: let them keep bytecode.
KEEP_BYTECODE = {"PYTHONDONTWRITEBYTECODE": None}


# The tests that read the kill matrix's batch of contract-suite runs (marked by
# tests/contract_tests/conftest.py): some 60 runs, as much CPU time as all other tests.
BATCH_MARKER = "batch"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The tests but the kill matrix's, or only what is given: `nox -s tests -- tests/client`.

    Without arguments pytest runs its testpaths (pyproject.toml), all of tests/, less the
    tests of the batch, which `nox -s kill_matrix` runs. Given arguments, it runs them as
    they are: `nox -s tests -- tests/contract_tests/test_kill_matrix.py` runs that file.
    """
    install_project(session)
    install_node_tools(session)
    selection = session.posargs or ["-m", f"not {BATCH_MARKER}"]
    session.run("pytest", *PARALLEL_TESTS, *selection, env=KEEP_BYTECODE)


@nox.session(python=PYTHON)
def kill_matrix(session: nox.Session) -> None:
    """The kill matrix, and the other tests that read its batch of contract-suite runs.

    Every planted fault must be caught by its check, every conformant server passed; the
    matrix is printed at the end. Not a default session (minutes); CI runs it after `nox`.
    Arguments go to pytest.
    """
    install_project(session)
    session.run(
        "pytest", *PARALLEL_TESTS, "-m", BATCH_MARKER, "tests/contract_tests", *session.posargs,
        env=KEEP_BYTECODE,
    )  # fmt: skip


# The exit codes of `superoffice-contract` other than 0 (contract_tests/report/verdict.py):
# 1 violations, 2 usage error, 3 the suite failed, 4 not tested, 130 interrupted.
SUITE_EXIT_CODES = frozenset({1, 2, 3, 4, 130})


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """The contract suite: `nox -s contract -- --target-url URL` (default: the reference server).

    Arguments go to `superoffice-contract`, whose exit code this session ends with. nox
    prints the command line: give credentials by environment variable or file, not here.
    """
    install_project(session)
    try:
        session.run("superoffice-contract", *session.posargs)
    except nox.command.CommandFailed as failed:
        if failed.return_code not in SUITE_EXIT_CODES:
            raise
        # nox ends every failed session with 1; CI must tell "not tested" from "violations".
        # SystemExit is not an Exception, so nox lets it through with the suite's code.
        session.log(f"superoffice-contract exited with {failed.return_code}")
        sys.exit(failed.return_code)


# Seeds of `nox -s seeds`: fixed, so that a failure found once is found again.
CONTRACT_SEEDS = range(1, 21)


@nox.session(python=PYTHON)
def seeds(session: nox.Session) -> None:
    """The contract suite against the embedded reference server once per seed, 20 seeds.

    Not a default session: it takes minutes. Options go to every run
    (`nox -s seeds -- --max-examples 100`); the first failing seed stops it.
    """
    install_project(session)
    for seed in CONTRACT_SEEDS:
        session.log(f"seed {seed} of {len(CONTRACT_SEEDS)}")
        session.run(
            "pytest", "contract_tests", "--assert=plain", "--seed", str(seed), *session.posargs
        )
    session.log(f"{len(CONTRACT_SEEDS)} seeds, 0 failures")


LONG_FUZZ_TEST = "tests/reliability/test_fuzz.py::test_fuzz_finds_no_5xx_and_no_leak"
# Cases per operation in the fuzzing phase: with seven operations, some 15,000 cases in
# all, nearly 10,000 of them distinct.
LONG_FUZZ_MAX_EXAMPLES = 2000


@nox.session(python=PYTHON)
def fuzz(session: nox.Session) -> None:
    """The long fuzz: tests/reliability/test_fuzz.py, some 10,000 distinct cases, a random seed.

    `nox -s fuzz -- --fuzz-max-examples N --fuzz-seed S` chooses them. The contract suite
    runs once under pytest-xdist; reports go to reports/fuzz-<timestamp>/. Not a default
    session: it takes minutes. The default test run has a short one.
    """
    install_project(session)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    session.run(
        "pytest", LONG_FUZZ_TEST, "-p", "no:cacheprovider",
        f"--fuzz-max-examples={LONG_FUZZ_MAX_EXAMPLES}",
        f"--fuzz-seed={secrets.randbelow(2**31)}",
        f"--fuzz-reports-dir=reports/fuzz-{stamp}",
        *session.posargs,
    )  # fmt: skip


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks P1-P6 as ratios against baselines run alongside: a table and a JSON file.

    Not a default session: it takes minutes. `nox -s bench -- --help` lists the counts.
    """
    install_project(session)
    session.run("python", "-m", "benchmarks", *session.posargs)

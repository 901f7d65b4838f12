"""The test tree mirrors the code (CONTRIBUTING.md, "The tests"): the tests of
`<part>/<module>.py` are in `tests/<part>/test_<module>.py`, and those of a package's own
code (`<part>/<package>/__init__.py`) in `tests/<part>/<package>/test_<package>.py`.

A module with nothing of its own to test (a docstring only) needs no test file; the few
others without one are listed below, each with its reason. Seen to fail with a test file
renamed away from its module's name, and with a new module left without a test.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
# The hand-written code. generated_client/ is generator output: its tests
# (tests/generated_client/) are of the generated behaviour, not of its files.
PARTS = (
    "spec_loader",
    "reference_server",
    "contract_tests",
    "fault_lab",
    "generator",
    "benchmarks",
)
# Modules without a test file of their own name, and why.
EXEMPT = {
    # Entry points: one call of a main() whose test has that main's module's name.
    "benchmarks/__main__.py": "calls benchmarks.cli.main",
    "contract_tests/__main__.py": "calls contract_tests.cli.command.main",
    "generator/__main__.py": "calls generator.build.main",
    "reference_server/__main__.py": "calls reference_server.cli.main",
    # The suite's own pytest files: they run, whole, in every run of the suite.
    "contract_tests/conftest.py": "the suite's wiring, run by every suite run",
    # Run by the tests of what it runs: the model phase's checks against planted faults.
    "fault_lab/model_harness.py": "tests/contract_tests/model/test_planted_faults.py",
    # Data only: classes without behaviour, used by the tests of their users.
    "contract_tests/model/readers.py": "an enum and a frozen dataclass",
    "fault_lab/planted_fault.py": "the Fault and Variation dataclasses",
}


def code_modules() -> list[Path]:
    return sorted(
        path.relative_to(ROOT)
        for part in PARTS
        for path in (ROOT / part).rglob("*.py")
        if not path.name.startswith("test_")
    )


def has_code(path: Path) -> bool:
    """Anything besides a docstring and ``from __future__`` imports."""
    body = ast.parse((ROOT / path).read_text(encoding="utf-8")).body
    return any(
        not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
        and not (isinstance(node, ast.ImportFrom) and node.module == "__future__")
        for node in body
    )


def mirrored_test(module: Path) -> Path:
    if module.name == "__init__.py":
        return TESTS / module.parent / f"test_{module.parent.name}.py"
    return TESTS / module.parent / f"test_{module.stem}.py"


def test_every_module_with_code_has_a_test_of_its_name() -> None:
    missing = [
        f"{module} -> {mirrored_test(module).relative_to(ROOT)}"
        for module in code_modules()
        if has_code(module) and str(module) not in EXEMPT and not mirrored_test(module).is_file()
    ]
    assert not missing, "modules without a test of their name:\n" + "\n".join(missing)


def test_every_exemption_is_of_a_module_that_exists_and_has_no_test() -> None:
    stale = [
        name
        for name in EXEMPT
        if not (ROOT / name).is_file() or mirrored_test(Path(name)).is_file()
    ]
    assert not stale


def test_no_test_file_takes_the_name_of_a_module_elsewhere() -> None:
    """Behaviour tests keep names of what they check; one named after a module of another
    folder reads as that module's test and misleads the next reader."""
    mirrored = {mirrored_test(module) for module in code_modules()}
    module_names = {mirrored_test(module).name for module in code_modules()}
    misleading = [
        path.relative_to(ROOT)
        for part in PARTS
        for path in (TESTS / part).rglob("test_*.py")
        if path.name in module_names and path not in mirrored
    ]
    assert not misleading, misleading

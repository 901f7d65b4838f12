"""What ``st run`` loads (schemathesis.toml: ``hooks = "contract_tests.hooks"``) imports no pytest,
and loads every module that registers something with schemathesis.

Plain ``st run`` has no pytest to offer: a hook module that pulled in the suite's pytest
options (contract_tests.run) would make every ``st run`` of the project fail to start in
an environment without pytest, and tie the checks to one runner.

Every module of the suite that registers a check, a hook or a deserializer with
schemathesis is loaded, under ``st run`` and under pytest.

A registration happens only when its module is imported. One that nothing imports is
skipped without a word: schemathesis 4.32.5 left every XML answer unjudged while
``contract_tests/checks/xml_answers.py``, which registers their reader, sat unimported.
Both runners load the project's extensions from schemathesis.toml's ``hooks``: ``st run``
from the file it finds in the working directory, the pytest suite from the file its
schema is configured by (run/schemathesis_schema.py). Each is loaded here in a fresh
interpreter, and every registering module must then be in it.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import contract_tests
from contract_tests.run.schemathesis_schema import CONFIG_PATH

ROOT = Path(__file__).resolve().parents[2]
HOOKS_MODULE = tomllib.loads((ROOT / "schemathesis.toml").read_text())["hooks"]
# The pytest run's own parts: allowed to import pytest, so never loaded by the hooks.
PYTEST_ONLY_PACKAGES = ("contract_tests.run", "contract_tests.report")


def modules_loaded_by(module: str) -> set[str]:
    """The modules a fresh interpreter holds after importing ``module`` alone."""
    program = f"import json, sys\nimport {module}\nprint(json.dumps(sorted(sys.modules)))"
    completed = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(json.loads(completed.stdout))


def test_the_hooks_st_run_loads_import_no_pytest() -> None:
    loaded = modules_loaded_by(HOOKS_MODULE)

    assert HOOKS_MODULE in loaded
    assert not {"pytest", "_pytest"} & loaded
    pytest_run = [
        name
        for name in loaded
        for package in PYTEST_ONLY_PACKAGES
        if name == package or name.startswith(f"{package}.")
    ]
    assert not pytest_run, "contract_tests.hooks imports a module of the pytest run"


def test_the_pytest_run_does_import_pytest() -> None:
    # The check above can fail: the options module, which the hooks must not reach,
    # does bring pytest in.
    assert "pytest" in modules_loaded_by("contract_tests.run.options")


PACKAGE = Path(contract_tests.__file__).parent
# The decorators by which a module registers with schemathesis for every run.
REGISTRATIONS = frozenset({"check", "hook", "deserializer"})


def registers(source: str) -> bool:
    """Whether a module registers with ``@schemathesis.check``, ``.hook`` or ``.deserializer``
    (called with arguments or not)."""
    for node in ast.walk(ast.parse(source)):
        for decorator in getattr(node, "decorator_list", []):
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "schemathesis"
                and target.attr in REGISTRATIONS
            ):
                return True
    return False


def registering_modules(package: Path = PACKAGE) -> set[str]:
    found = set()
    for path in package.rglob("*.py"):
        if registers(path.read_text(encoding="utf-8")):
            relative = path.relative_to(package.parent).with_suffix("")
            found.add(".".join(relative.parts))
    return found


def modules_loaded_by_config(config_path: Path, cwd: Path = ROOT) -> set[str]:
    """The modules a fresh interpreter holds once schemathesis has read ``config_path``."""
    program = (
        "import json, sys\n"
        "import schemathesis\n"
        f"schemathesis.Config.from_path({str(config_path)!r})\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=cwd
    )
    return set(json.loads(completed.stdout))


def test_the_suite_has_registering_modules() -> None:
    # Without them the tests below would pass on an empty set.
    assert {"contract_tests.checks.responses", "contract_tests.checks.xml_answers"} <= (
        registering_modules()
    )


def test_st_run_loads_every_registering_module() -> None:
    loaded = modules_loaded_by_config(ROOT / "schemathesis.toml")
    assert registering_modules() <= loaded, sorted(registering_modules() - loaded)


def test_the_pytest_run_loads_every_registering_module() -> None:
    loaded = modules_loaded_by_config(CONFIG_PATH)
    assert registering_modules() <= loaded, sorted(registering_modules() - loaded)


def test_a_registering_module_left_unloaded_is_found(tmp_path: Path) -> None:
    """The check above can fail: hooks that leave the XML answer reader out miss it."""
    hooks = tmp_path / "partial_hooks.py"
    hooks.write_text("from contract_tests.checks import responses\n", encoding="utf-8")
    config = tmp_path / "schemathesis.toml"
    config.write_text(f'hooks = "{hooks}"\n', encoding="utf-8")
    loaded = modules_loaded_by_config(config, cwd=tmp_path)
    assert "contract_tests.checks.responses" in loaded
    assert "contract_tests.checks.xml_answers" in registering_modules() - loaded

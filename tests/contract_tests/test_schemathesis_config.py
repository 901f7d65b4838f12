"""schemathesis.toml loads with no CONTRACT_* variable set, as plain `st run` needs."""

from __future__ import annotations

import os
import tomllib

import pytest
import schemathesis

from contract_tests.cases.lossy_encodings import strings_in
from contract_tests.run.schemathesis_schema import CONFIG_PATH


def test_config_has_no_environment_placeholders() -> None:
    # schemathesis 4.32.5 fails every run when a ${VAR} in the file is unset.
    settings = tomllib.loads(CONFIG_PATH.read_text(encoding="utf-8"))
    assert not [text for text in strings_in(settings) if "${" in text]


def test_config_loads_without_any_contract_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [name for name in os.environ if name.startswith("CONTRACT_")]:
        monkeypatch.delenv(name)
    config = schemathesis.Config.from_path(CONFIG_PATH)
    checks = config.projects.default.checks
    assert checks.ignored_auth.enabled
    assert checks.negative_data_rejection.enabled

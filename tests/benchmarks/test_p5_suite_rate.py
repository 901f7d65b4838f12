"""P5 compares the suite with plain ``st run`` on equal terms: neither is rate-limited."""

from __future__ import annotations

import tomllib
from pathlib import Path

from benchmarks.p5_suite_rate import RATE_LIMIT_KEY, config_without_rate_limit
from contract_tests.run.schemathesis_schema import CONFIG_PATH


def test_st_run_gets_the_suite_config_without_its_rate_limit(tmp_path: Path) -> None:
    original = tomllib.loads(CONFIG_PATH.read_text(encoding="utf-8"))
    copy = tomllib.loads(config_without_rate_limit(tmp_path).read_text(encoding="utf-8"))
    assert RATE_LIMIT_KEY in original
    assert RATE_LIMIT_KEY not in copy
    assert copy == {key: value for key, value in original.items() if key != RATE_LIMIT_KEY}

"""schemathesis_schema: the spec's schema configured for one run: its seed, examples,
target, reports, no rate limit of its own, and without the st run-only clean-up check.

Seen failing by hand: ``contract_schema`` without the exclusion of ST_RUN_ONLY_CHECKS.
"""

from __future__ import annotations

from pathlib import Path

from schemathesis.config import ReportFormat
from schemathesis.reporting.html.build import enabled_checks

from contract_tests.checks.nothing_left_behind import NothingLeftBehind
from contract_tests.run.options import options_from
from contract_tests.run.report_folders import REPORT_NAMES
from contract_tests.run.schemathesis_schema import CONFIG_PATH, contract_schema
from contract_tests.run.target import Target

TARGET = Target("http://127.0.0.1:9", {}, embedded=False)


def test_the_run_configures_its_schema(tmp_path: Path) -> None:
    options = options_from(
        {"reports_dir": str(tmp_path), "seed": "1234", "max_examples": "7", "rate_limit": "5/s"},
        {},
    )
    schema = contract_schema(options, TARGET)
    assert CONFIG_PATH.is_file()
    assert schema.config.seed == 1234
    assert schema.get_base_url() == TARGET.base_url
    assert schema.config.generation.max_examples == 7
    assert schema.config.rate_limit is None  # the suite's own session holds --rate-limit
    checks = enabled_checks(schema.config.checks_config_for())
    assert NothingLeftBehind.__name__ not in checks
    assert "not_a_server_error" in checks
    har = schema.config.reports.get(ReportFormat.HAR)
    assert har.enabled
    assert har.path == tmp_path / REPORT_NAMES[ReportFormat.HAR]

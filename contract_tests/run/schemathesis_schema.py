"""The schemathesis schema of the spec, configured for one run of the suite."""

from __future__ import annotations

from pathlib import Path

import schemathesis
from schemathesis import BaseSchema

import spec_loader
from contract_tests.run.options import ContractOptions
from contract_tests.run.report_folders import enable_reports
from contract_tests.run.target import Target

# Loaded by path, so the suite runs the same checks from any working directory.
CONFIG_PATH = Path(__file__).resolve().parents[2] / "schemathesis.toml"


def contract_schema(options: ContractOptions, target: Target) -> BaseSchema:
    config = schemathesis.Config.from_path(CONFIG_PATH)
    config.update(seed=options.seed, max_failures=None)
    config.output.sanitization.update(enabled=not options.unsanitized)
    enable_reports(config.reports, options.reports_dir)
    schema = schemathesis.openapi.from_path(spec_loader.spec_path(), config=config)
    schema.config.update(base_url=target.base_url)
    schema.config.generation.update(max_examples=options.max_examples)
    return schema

"""The schemathesis schema of the spec, configured for one run of the suite."""

from __future__ import annotations

from pathlib import Path

import schemathesis
from schemathesis import BaseSchema

import spec_loader
from contract_tests.checks.nothing_left_behind import NothingLeftBehind
from contract_tests.run.options import ContractOptions
from contract_tests.run.report_folders import enable_reports
from contract_tests.run.target import Target

# Loaded by path, so the suite runs the same checks from any working directory: the
# checkout's, else the copy an installed wheel carries in the package (pyproject.toml).
CONFIG_NAME = "schemathesis.toml"
CHECKOUT_CONFIG_PATH = Path(__file__).resolve().parents[2] / CONFIG_NAME
PACKAGED_CONFIG_PATH = Path(__file__).resolve().parents[1] / CONFIG_NAME
CONFIG_PATH = CHECKOUT_CONFIG_PATH if CHECKOUT_CONFIG_PATH.is_file() else PACKAGED_CONFIG_PATH
# This project's checks that only plain st run uses: the suite does their work itself.
ST_RUN_ONLY_CHECKS = frozenset({NothingLeftBehind.__name__})


def contract_schema(options: ContractOptions, target: Target) -> BaseSchema:
    config = schemathesis.Config.from_path(CONFIG_PATH)
    config.update(seed=options.seed, max_failures=None)
    config.output.sanitization.update(enabled=not options.unsanitized)
    enable_reports(config.reports, options.reports_dir)
    schema = schemathesis.openapi.from_path(spec_loader.spec_path(), config=config)
    schema.config.update(base_url=target.base_url)
    schema.config.generation.update(max_examples=options.max_examples)
    # The file's rate limit is plain st run's default; the suite keeps --rate-limit in its
    # own session (connection.py), for every request it sends, not only the cases.
    schema.config.rate_limit = None
    # The suite removes what it saved itself, also after a failure or Ctrl-C.
    schema.config.checks.update(excluded_check_names=list(ST_RUN_ONLY_CHECKS))
    return schema

"""Run the two independent spec validators on a file and report their errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

ROOT = Path(__file__).resolve().parents[2]
REDOCLY = ROOT / "node_modules" / ".bin" / "redocly"
REDOCLY_CONFIG = ROOT / "redocly.yaml"


def spec_validator_errors(path: Path) -> list[str]:
    """openapi-spec-validator's verdict: an empty list when the document is valid."""
    document, _ = read_from_filename(str(path))
    try:
        validate(document)
    except Exception as error:  # the library raises several unrelated error types
        return [str(error).splitlines()[0]]
    return []


def redocly_errors(path: Path) -> list[str]:
    """Redocly CLI's errors (warnings are not errors) for the document at `path`."""
    if not REDOCLY.exists():
        raise RuntimeError(f"{REDOCLY} is missing: run `npm ci` in {ROOT} (nox does it for you)")
    completed = subprocess.run(
        [str(REDOCLY), "lint", "--format=json", f"--config={REDOCLY_CONFIG}", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    try:
        report = json.loads(completed.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(f"redocly gave no JSON report: {completed.stderr[-2000:]}") from error
    return [
        f"{problem['ruleId']}: {problem['message']}"
        for problem in report["problems"]
        if problem["severity"] == "error"
    ]

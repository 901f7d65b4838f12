"""Where a run's reports go, and how many earlier runs' reports are kept."""

from __future__ import annotations

import shutil
from pathlib import Path

from schemathesis.config import ReportFormat, ReportsConfig

JUNIT_FILE = "junit.xml"
HAR_FILE = "traffic.har"
# schemathesis writes its HTML report as a folder holding index.html.
HTML_DIR = "html"
HTML_PAGE = "index.html"
REPORT_NAMES = {
    ReportFormat.JUNIT: JUNIT_FILE,
    ReportFormat.HAR: HAR_FILE,
    ReportFormat.HTML: HTML_DIR,
}


def enable_reports(reports: ReportsConfig, directory: Path) -> None:
    """Write the JUnit, HAR and HTML reports into ``directory``, under fixed names, on every run."""
    directory.mkdir(parents=True, exist_ok=True)
    for report_format, name in REPORT_NAMES.items():
        report = reports.get(report_format)
        report.enabled = True
        report.path = directory / name


def prune_reports(root: Path, prefix: str, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest folders named ``prefix*`` in ``root``; return the deleted.

    The folders are named by their UTC start time, so their names sort by age.
    """
    folders = sorted(path for path in root.glob(f"{prefix}*") if path.is_dir())
    doomed = folders[: max(len(folders) - keep, 0)]
    for folder in doomed:
        shutil.rmtree(folder, ignore_errors=True)
    return doomed

"""Where a run's JUnit XML and HAR files go."""

from __future__ import annotations

from pathlib import Path

from schemathesis.config import ReportFormat, ReportsConfig

JUNIT_FILE = "junit.xml"
HAR_FILE = "traffic.har"


def enable_reports(reports: ReportsConfig, directory: Path) -> None:
    """Write both reports into ``directory``, under fixed names, on every run."""
    directory.mkdir(parents=True, exist_ok=True)
    for report_format, name in ((ReportFormat.JUNIT, JUNIT_FILE), (ReportFormat.HAR, HAR_FILE)):
        report = reports.get(report_format)
        report.enabled = True
        report.path = directory / name

"""report_folders: old report folders do not pile up, and the reports go under fixed names.

Seen failing by hand: ``prune_reports`` deleting the newest folders instead of the oldest.
"""

from __future__ import annotations

from pathlib import Path

from schemathesis.config import ReportFormat, ReportsConfig

from contract_tests.run.options import REPORTS_PREFIX
from contract_tests.run.report_folders import REPORT_NAMES, enable_reports, prune_reports


def test_only_the_newest_report_folders_are_kept(tmp_path: Path) -> None:
    names = [f"{REPORTS_PREFIX}20261203T0800{second:02d}000000Z" for second in range(25)]
    for name in names:
        (tmp_path / name).mkdir()
    (tmp_path / "st-run").mkdir()  # not a run's folder of the suite
    deleted = prune_reports(tmp_path, REPORTS_PREFIX, keep=20)
    assert [path.name for path in deleted] == names[:5]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([*names[5:], "st-run"])


def test_keeping_more_than_there_are_deletes_nothing(tmp_path: Path) -> None:
    (tmp_path / f"{REPORTS_PREFIX}1").mkdir()
    assert prune_reports(tmp_path, REPORTS_PREFIX, keep=3) == []
    assert (tmp_path / f"{REPORTS_PREFIX}1").is_dir()


def test_every_report_is_on_and_in_the_folder(tmp_path: Path) -> None:
    reports = ReportsConfig()
    enable_reports(reports, tmp_path / "run")
    assert (tmp_path / "run").is_dir()
    for report_format in (ReportFormat.JUNIT, ReportFormat.HAR, ReportFormat.HTML):
        report = reports.get(report_format)
        assert report.enabled
        assert report.path == tmp_path / "run" / REPORT_NAMES[report_format]

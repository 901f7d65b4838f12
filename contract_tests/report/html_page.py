"""The suite's own HTML report: one self-contained page, no script, written beside the others.

It shows what the terminal summary shows (both are made from one RunData), and more room
for what a summary can only count: the baseline's entries with their reasons, and each
violation with the curl command that reproduces it. It links schemathesis' own report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path

from contract_tests.baseline.ledger import BaselineOutcome, EntryView
from contract_tests.report.check_tally import TALLY_FILE
from contract_tests.report.run_data import SUMMARY_FILE, RunData
from contract_tests.run.report_folders import HAR_FILE, HTML_DIR, HTML_PAGE, JUNIT_FILE

REPORT_PAGE = "report.html"
SCHEMATHESIS_REPORT = "schemathesis' HTML report"
# What a tested run writes beside this page, by the label the page links it with.
LINKED_REPORTS = {
    SCHEMATHESIS_REPORT: f"{HTML_DIR}/{HTML_PAGE}",
    "JUnit XML": JUNIT_FILE,
    "HAR (the exchanges of the examples, coverage and fuzzing phases)": HAR_FILE,
    "check counts (JSON)": TALLY_FILE,
    "this page's data (JSON)": SUMMARY_FILE,
}
# schemathesis' report leaves these cases out (see the note beside its link).
STATEFUL_PHASE = "stateful"
# Columns whose non-zero numbers are bad news.
ALARMING = frozenset({"failed"})
STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #1d2330; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.2em; margin-top: 1.8em; border-bottom: 1px solid #d5d9e0; }
.verdict { padding: .8em 1em; border-radius: 6px; font-weight: 600; }
.PASSED { background: #dff3e4; } .FAILED { background: #fbe0e0; }
.NOT-TESTED, .INTERRUPTED, .ERROR { background: #fff1cc; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { text-align: left; padding: .2em .8em .2em 0; vertical-align: top; }
td:first-child { white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.bad { color: #b3261e; font-weight: 600; }
.counts { display: flex; flex-wrap: wrap; gap: 2.5em; }
pre { background: #f4f5f8; padding: .6em; overflow-x: auto; white-space: pre-wrap; }
summary { cursor: pointer; }
.violation { border-left: 4px solid #b3261e; padding-left: 1em; margin: 1.2em 0; }
.muted { color: #5b6475; }
"""


def render(data: RunData) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Contract suite: {escape(data.verdict.word)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>Contract suite: {escape(data.target)}</h1>",
        f'<p class="verdict {escape(data.verdict.word.replace(" ", "-"))}">'
        f"verdict: {escape(data.verdict.text)}</p>",
        _facts(data),
    ]
    if data.tested:
        # What a failing run's reader looks for first, first.
        parts += [
            _violations(data),
            _baseline(data.baseline),
            _checks(data),
            _cases(data),
            _credentials(data),
            _model_phase(data),
        ]
    parts += [_reports(data), "</body></html>"]
    return "\n".join(parts) + "\n"


def write(data: RunData, directory: Path) -> Path:
    path = directory / REPORT_PAGE
    path.write_text(render(data), encoding="utf-8")
    return path


def _table(header: Iterable[str], rows: Iterable[Iterable[object]], numeric_from: int = 1) -> str:
    """A table; columns from ``numeric_from`` on are numbers, and a non-zero "failed" stands out."""
    names = list(header)

    def cell(tag: str, index: int, value: object) -> str:
        classes = ["n"] if index >= numeric_from else []
        if tag == "td" and names[index] in ALARMING and value:
            classes.append("bad")
        attribute = f' class="{" ".join(classes)}"' if classes else ""
        return f"<{tag}{attribute}>{escape(str(value))}</{tag}>"

    lines = ["<table>", "<tr>" + "".join(cell("th", i, name) for i, name in enumerate(names))]
    for row in rows:
        lines.append("<tr>" + "".join(cell("td", i, value) for i, value in enumerate(row)))
    lines.append("</table>")
    return "\n".join(lines)


def _facts(data: RunData) -> str:
    where = " (the embedded reference server)" if data.embedded else ""
    rows = [
        ("target", f"{data.target}{where}"),
        ("seed", f"{data.seed} (rerun the same cases with --seed {data.seed})"),
        ("mode", data.mode or "-"),
        ("rate limit", data.rate_limit),
        ("started", f"{data.started} ({data.seconds} s)"),
        ("exit code", f"{int(data.verdict.exit)}: {data.verdict.exit.meaning}"),
    ]
    return _table(("", ""), rows, numeric_from=2)


def _counts(title: str, counts: Mapping[str, int]) -> str:
    return f"<div>{_table((title, 'responses'), counts.items())}</div>"


def _cases(data: RunData) -> str:
    parts = [
        "<h2>Cases</h2>",
        f"<p>{data.cases} cases, {data.responses} responses checked (the spec's examples go"
        " twice, with and without credentials).</p>",
    ]
    if data.breakdown is not None:
        parts.append('<div class="counts">')
        parts += [
            _counts("phase", data.breakdown.by_phase),
            _counts("operation", data.breakdown.by_operation),
            _counts("media type", data.breakdown.by_media_type),
            _counts("status", data.breakdown.by_status),
        ]
        parts.append("</div>")
    if data.positive_with_credentials:
        parts.append(
            f"<p>Positive cases refused (401/403): {data.positive_refused} of"
            f" {data.positive_with_credentials}.</p>"
        )
    return "\n".join(parts)


def _checks(data: RunData) -> str:
    with_baseline = data.baseline is not None
    header = [
        "check",
        "applied",
        "failed",
        *(["accepted"] if with_baseline else []),
        "not applicable",
    ]
    rows = [
        (
            row.name,
            row.applied,
            row.failed,
            *([row.accepted] if with_baseline else []),
            row.not_applicable,
        )
        for row in data.checks
    ]
    return "<h2>Checks</h2>\n" + _table(header, rows)


def _credentials(data: RunData) -> str:
    parts = ["<h2>Credentials the run saved</h2>"]
    saved = data.credentials
    if saved is None:
        parts.append("<p>None saved.</p>")
    elif saved.kept:
        parts.append(f"<p>{saved.saved} saved, kept on the server (--keep-data).</p>")
    else:
        parts.append(f"<p>{saved.saved} saved, {saved.removed} removed.</p>")
        if saved.not_removed:
            parts.append("<p>Not removed:</p>")
            parts.append(_table(("key", "why"), ((r.key, r.reason) for r in saved.not_removed)))
    if data.secrets_seen:
        seen = ", ".join(f"{rule} {count}x" for rule, count in data.secrets_seen.items())
        parts.append(f"<p>SecretValue as the run's identity read it back: {escape(seen)}.</p>")
    return "\n".join(parts)


def _model_phase(data: RunData) -> str:
    if not data.model_phase:
        return (
            "<h2>Model phase</h2>\n"
            "<p class='muted'>The model phase reported nothing in this run.</p>"
        )
    return "<h2>Model phase</h2>\n" + _table(("", "count"), data.model_phase.items())


def _entries(title: str, entries: list[EntryView], with_count: bool = False) -> str:
    if not entries:
        return ""
    header = ["id", "check", "operation", "reason", "expires", *(["times"] if with_count else [])]
    rows = [
        (
            entry.id or "-",
            entry.check,
            entry.operation,
            entry.reason or "-",
            entry.expires or "-",
            *([entry.count] if with_count else []),
        )
        for entry in entries
    ]
    return f"<h3>{escape(title)}</h3>\n" + _table(header, rows, numeric_from=99)


def _baseline(baseline: BaselineOutcome | None) -> str:
    if baseline is None:
        return (
            "<h2>Baseline</h2>\n<p class='muted'>No baseline given: every violation fails"
            " the run (--baseline FILE accepts the ones it lists).</p>"
        )
    parts = [
        "<h2>Baseline</h2>",
        f"<p>{escape(baseline.path)}: {escape(baseline.tally())}.</p>",
        _entries("New (no entry covers them; an expired entry says so)", baseline.new),
        _entries("Accepted", baseline.accepted, with_count=True),
        _entries("Fixed (reached, not reproduced)", baseline.fixed),
        _entries("Expired (reproduced after their date: they fail the run)", baseline.expired),
    ]
    return "\n".join(part for part in parts if part)


def _violations(data: RunData) -> str:
    parts = [f"<h2>Violations ({len(data.violations) + data.violations_left_out} kinds)</h2>"]
    if not data.violations:
        parts.append("<p>None.</p>")
    for violation in data.violations:
        first, _, rest = violation.message.partition("\n")
        parts += [
            '<div class="violation">',
            f"<h3>{escape(violation.check)}: {escape(violation.title)}</h3>",
            f"<p class='muted'>{escape(violation.operation)}, {escape(violation.phase)} phase</p>",
            # The first line says what is wrong; the rest (schemas, values) opens on a click.
            f"<details><summary>{escape(first)}</summary><pre>{escape(rest.strip())}</pre>"
            "</details>"
            if rest.strip()
            else f"<p>{escape(first)}</p>",
            f"<p>Reproduce with:</p><pre>{escape(violation.reproduction)}</pre>",
            "</div>",
        ]
    if data.violations_left_out:
        parts.append(f"<p>{data.violations_left_out} more kinds of violation are not shown.</p>")
    return "\n".join(parts)


def _reports(data: RunData) -> str:
    stateful = data.breakdown.by_phase.get(STATEFUL_PHASE, 0) if data.breakdown else 0
    notes = {
        SCHEMATHESIS_REPORT: (
            "schemathesis' own view of the examples, coverage and fuzzing phases: the"
            f" stateful phase ({stateful} responses here) is not in it, and it counts a spec"
            " example sent with and without credentials once"
        ),
    }
    rows = [
        f'<li><a href="{escape(path)}">{escape(label)}</a>'
        + (f" <span class='muted'>({escape(notes[label])})</span>" if label in notes else "")
        + "</li>"
        for label, path in data.reports.items()
    ]
    if not rows:
        return ""
    return "<h2>Other reports</h2>\n<ul>" + "\n".join(rows) + "</ul>"

"""The baseline, in-process: which failures an entry covers, expiry, recording and pruning,
and that the file is schemathesis' own (``st run --baseline`` matches what the suite wrote).

The end-to-end round trip through real runs against planted faults is in
test_baseline_round_trip.py.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from schemathesis import CheckResult
from schemathesis.baseline import Baseline, BaselineEntry
from schemathesis.core.failures import CustomFailure, Failure, ServerError
from schemathesis.engine import Status

from contract_tests.baseline.fingerprint import identity
from contract_tests.baseline.ledger import (
    NO_REASON,
    REASON,
    BaselineFileError,
    BaselineLedger,
    BaselineSettings,
)

SAVE = "POST /api/v1/Agents/User/SaveUntrustedCredentialsForAssociate"
GET = "POST /api/v1/Agents/User/GetUntrustedCredentialsForAssociate"
CHECK = "saved_credential_reads_back"
TODAY = date(2026, 6, 1)


def raised_here(message: str) -> AssertionError:
    try:
        raise AssertionError(message)
    except AssertionError as error:
        return error


def raised_elsewhere(message: str) -> AssertionError:
    # Another line, as after an edit of the check, or another file, as from another folder.
    try:
        raise AssertionError(message)
    except AssertionError as error:
        return error


def custom(
    operation: str = SAVE, check: str = CHECK, raise_: Any = raised_here, data: str = "a"
) -> CustomFailure:
    exception = raise_(f"Comment was saved as {data!r}, read back as (left out)")
    return CustomFailure(
        operation=operation,
        title=f"Custom check failed: `{check}`",
        message=str(exception),
        exception=exception,
    )


def case_of(operation: str) -> Any:
    return SimpleNamespace(operation=SimpleNamespace(label=operation))


def validated(
    ledger: BaselineLedger, operation: str, *outcomes: tuple[str, Failure | None]
) -> list[bool]:
    """What schemathesis does with one response's check outcomes, the ledger's hooks in it.

    Each failure goes through filter_failure; a dropped one leaves its check a success,
    as in schemathesis' run_checks. Returns whether each failure was kept.
    """
    kept: list[bool] = []
    results = []
    for check, failure in outcomes:
        if failure is not None:
            kept.append(ledger.filter_failure(None, failure, case_of(operation), None))  # type: ignore[arg-type]
        if failure is not None and kept[-1]:
            results.append(CheckResult(name=check, status=Status.FAILURE, failure=failure))
        else:
            results.append(CheckResult(name=check, status=Status.SUCCESS, failure=None))
    ledger.after_validate(None, case_of(operation), None, results)  # type: ignore[arg-type]
    return kept


def recorded_file(tmp_path: Path, *failures: tuple[str, Failure]) -> Path:
    path = tmp_path / "accepted.json"
    ledger = BaselineLedger(BaselineSettings(path, update=True, reason="vendor ticket 42"), TODAY)
    for check, failure in failures:
        validated(ledger, failure.operation or "", (check, failure))
    ledger.finish(completed=True)
    return path


def test_the_same_violation_raised_elsewhere_and_with_other_data_has_one_identity() -> None:
    first = custom(raise_=raised_here, data="short")
    second = custom(raise_=raised_elsewhere, data="other random text")

    assert first.origin != second.origin  # schemathesis' own identity would differ
    assert identity(first, CHECK) == identity(second, CHECK)
    assert identity(first, CHECK) != identity(custom(operation=GET), CHECK)


def test_a_recorded_violation_is_accepted_and_a_new_one_kept(tmp_path: Path) -> None:
    path = recorded_file(tmp_path, (CHECK, custom()))
    ledger = BaselineLedger(BaselineSettings(path), TODAY)

    accepted = validated(ledger, SAVE, (CHECK, custom(raise_=raised_elsewhere, data="b")))
    new = validated(
        ledger, SAVE, ("not_a_server_error", ServerError(operation=SAVE, status_code=500))
    )
    outcome = ledger.finish(completed=True)

    assert accepted == [False]
    assert new == [True]
    assert [(entry.check, entry.count, entry.reason) for entry in outcome.accepted] == [
        (CHECK, 1, "vendor ticket 42")
    ]
    assert [entry.check for entry in outcome.new] == ["not_a_server_error"]
    assert outcome.fixed == []


def test_schemathesis_itself_reads_the_file_and_matches_the_violation(tmp_path: Path) -> None:
    path = recorded_file(
        tmp_path,
        (CHECK, custom()),
        ("not_a_server_error", ServerError(operation=SAVE, status_code=500)),
    )

    baseline = Baseline.load(path)
    raised_again = custom(raise_=raised_elsewhere, data="c")
    identity(raised_again, CHECK)  # what the suite's filter_failure hook does under st run

    assert baseline.match(raised_again, CHECK, today=TODAY) is not None
    assert (
        baseline.match(
            ServerError(operation=SAVE, status_code=500), "not_a_server_error", today=TODAY
        )
        is not None
    )
    assert (
        baseline.match(
            ServerError(operation=SAVE, status_code=502), "not_a_server_error", today=TODAY
        )
        is None
    )
    entries = json.loads(path.read_text(encoding="utf-8"))["entries"]
    assert {entry[REASON] for entry in entries} == {"vendor ticket 42"}


def test_an_expired_entry_covers_nothing(tmp_path: Path) -> None:
    path = recorded_file(tmp_path, (CHECK, custom()))
    document = json.loads(path.read_text(encoding="utf-8"))
    document["entries"][0]["expires"] = "2026-05-31"
    path.write_text(json.dumps(document), encoding="utf-8")
    ledger = BaselineLedger(BaselineSettings(path), TODAY)

    kept = validated(ledger, SAVE, (CHECK, custom()))
    outcome = ledger.finish(completed=True)

    assert kept == [True]
    assert outcome.accepted == []
    assert [entry.id for entry in outcome.expired] == [document["entries"][0]["id"]]
    assert outcome.new[0].reason == "expired on 2026-05-31"


def test_prune_drops_only_entries_reached_and_not_reproduced(tmp_path: Path) -> None:
    fixed_one = custom(operation=SAVE, check=CHECK)
    unreached = custom(operation=GET, check="no_foreign_credentials")
    stopped = ServerError(operation=GET, status_code=500)
    path = recorded_file(
        tmp_path,
        (CHECK, fixed_one),
        ("no_foreign_credentials", unreached),
        ("not_a_server_error", stopped),
    )
    ledger = BaselineLedger(BaselineSettings(path, prune=True), TODAY)

    # Save: the check ran and found nothing. Get: a new violation ended its cases, before
    # not_a_server_error could meet its 500 again; no_foreign_credentials never ran.
    validated(ledger, SAVE, (CHECK, None))
    validated(
        ledger,
        GET,
        ("not_a_server_error", None),
        ("status_code_conformance", ServerError(operation=GET, status_code=418)),
    )
    outcome = ledger.finish(completed=True)

    left = {(entry.operation, entry.check) for entry in Baseline.load(path).entries}
    assert [entry.check for entry in outcome.fixed] == [CHECK]
    assert outcome.pruned == [BaselineEntry.from_failure(fixed_one, check=CHECK).id]
    assert left == {(GET, "no_foreign_credentials"), (GET, "not_a_server_error")}


def test_nothing_is_written_after_a_run_that_did_not_finish(tmp_path: Path) -> None:
    path = recorded_file(tmp_path, (CHECK, custom()))
    before = path.read_text(encoding="utf-8")
    ledger = BaselineLedger(BaselineSettings(path, update=True, prune=True), TODAY)

    validated(
        ledger,
        SAVE,
        (CHECK, None),
        ("not_a_server_error", ServerError(operation=SAVE, status_code=500)),
    )
    ledger.finish(completed=False)

    assert path.read_text(encoding="utf-8") == before


def test_update_records_with_a_placeholder_reason_when_none_is_given(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    ledger = BaselineLedger(BaselineSettings(path, update=True), TODAY)

    validated(ledger, SAVE, (CHECK, custom()))
    outcome = ledger.finish(completed=True)

    entries = json.loads(path.read_text(encoding="utf-8"))["entries"]
    assert outcome.recorded == 1
    assert [(entry["check"], entry[REASON], entry["first_seen"]) for entry in entries] == [
        (CHECK, NO_REASON, TODAY.isoformat())
    ]


def test_a_missing_file_is_an_error_unless_recording(tmp_path: Path) -> None:
    with pytest.raises(BaselineFileError, match="--baseline-update"):
        BaselineLedger(BaselineSettings(tmp_path / "missing.json"), TODAY)

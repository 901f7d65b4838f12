"""``--associate-id`` keeps every saved credential to one associate, and a run removes
what it saved, unless ``--keep-data`` is given. What is stored is read with the
reference server's ``export`` command, as an operator would read it."""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

import spec_loader
from contract_tests.cases.one_associate import associate_fields
from contract_tests.facts.save_links import effect_facts
from contract_tests.run.target_probe import example_save
from fault_lab.batch import Credentials, no_fault
from fault_lab.fault_servers import serve_reference_app
from fault_lab.stored_rows import stored_rows
from fault_lab.suite_run import SuiteRun, run_suite

CREDENTIALS = Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))
ASSOCIATE = 4242
# Not the associate of the run: saved before it, by someone else, and must survive it.
BYSTANDER = 7
SEED = "20261203"
MAX_EXAMPLES = "20"
# Fewer saves than this would mean the associate was pinned in too few cases to tell.
MANY = 10
SAVE_OPERATION = effect_facts().save_operation_id
ASSOCIATE_FIELD = associate_fields()[SAVE_OPERATION][0]


@dataclass(frozen=True)
class Outcome:
    run: SuiteRun
    rows: list[dict[str, Any]]  # what the server stores after the run


def save_bystander(url: str) -> None:
    """A save of another associate, made before the run as any other user would."""
    media_type, body = example_save(BYSTANDER)
    path = spec_loader.operation(spec_loader.load_spec(), SAVE_OPERATION).path
    answer = requests.post(
        url + path,
        data=json.dumps(body),
        headers={"Authorization": CREDENTIALS.authorization, "Content-Type": media_type},
        timeout=30,
    )
    assert answer.status_code == 204, answer.text


def run_for_one_associate(directory: Path, *options: str) -> Outcome:
    with serve_reference_app(no_fault, directory, (CREDENTIALS.user, CREDENTIALS.password)) as url:
        save_bystander(url)
        run = run_suite(
            directory / "reports",
            "--target-url",
            url,
            "--associate-id",
            str(ASSOCIATE),
            "--seed",
            SEED,
            "--max-examples",
            MAX_EXAMPLES,
            *options,
            authorization=CREDENTIALS.authorization,
        )
    return Outcome(run, stored_rows(directory))


@pytest.fixture(scope="module")
def kept(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    return run_for_one_associate(tmp_path_factory.mktemp("keep-data"), "--keep-data")


@pytest.fixture(scope="module")
def cleaned(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    return run_for_one_associate(tmp_path_factory.mktemp("clean-up"))


def associates(rows: list[dict[str, Any]]) -> list[Any]:
    return sorted(row[ASSOCIATE_FIELD] for row in rows)


def test_with_keep_data_only_rows_of_the_associate_are_added(kept: Outcome) -> None:
    assert kept.run.exit_code == 0, kept.run.output[-5000:]
    added = [row for row in kept.rows if row[ASSOCIATE_FIELD] != BYSTANDER]
    # The run's own Remove cases and saves of the same key thin them out; some remain.
    assert added, associates(kept.rows)
    assert associates(kept.rows) == [BYSTANDER] + [ASSOCIATE] * len(added)
    saved = re.search(
        r"credentials: (\d+) saved, kept on the server \(--keep-data\)", kept.run.output
    )
    assert saved is not None, kept.run.output[-3000:]
    # Many saves, of every phase: the spec's example, coverage and fuzzing cases.
    assert int(saved.group(1)) >= MANY


def test_without_keep_data_no_row_it_saved_is_left(cleaned: Outcome) -> None:
    assert cleaned.run.exit_code == 0, cleaned.run.output[-5000:]
    assert associates(cleaned.rows) == [BYSTANDER]
    saved, removed = cleaned.run.cleanup_counts
    assert saved == removed >= MANY
    assert "NOT removed" not in cleaned.run.output

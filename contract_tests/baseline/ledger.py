"""One run of the suite against a baseline file: what it accepted, what is new, what is fixed.

A violation that an entry of the file covers (same operation, check, failure class and
signature, see fingerprint.py) is accepted: it is dropped before it can fail the case,
so the run goes on and can still find new ones. An entry past its ``expires`` date
covers nothing: its violation fails the run again.

At the end:

- ``--baseline-update`` adds an entry for each new violation, with the reason given
  (``--baseline-reason``), and refreshes ``last_seen`` of the entries seen again;
- ``--baseline-prune`` drops each entry this run reached and did not reproduce: the
  check ran on the entry's operation and that operation's cases ran to their end (a
  new violation stops an operation's cases at its first one, so its other entries stay).

An entry carries, besides schemathesis' own fields, ``reason``; schemathesis keeps
such extra fields when it rewrites the file.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from schemathesis import BaseSchema, CheckResult, HookContext, Response
from schemathesis.baseline import Baseline, BaselineEntry, Identity
from schemathesis.core.failures import Failure, is_reproducible_failure

from contract_tests.baseline.fingerprint import identity, pin_place, possible_checks
from contract_tests.http_parts import AnyCase

REASON = "reason"
NO_REASON = "(no reason given: say why this deviation is accepted)"
# (operation, failure class, signature): what a failure shows of its identity before
# its check is known.
Partial = tuple[str, str, str]


class BaselineFileError(ValueError):
    """The baseline file cannot be read or written; the message names it."""


@dataclass(frozen=True)
class BaselineSettings:
    path: Path
    update: bool = False
    prune: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class EntryView:
    """An entry as the summary and the report show it."""

    id: str
    operation: str
    check: str
    signature: str
    reason: str
    expires: str | None
    count: int = 0  # violations it covered in this run

    @classmethod
    def of(cls, entry: BaselineEntry, count: int = 0) -> EntryView:
        reason = entry.extra.get(REASON)
        return cls(
            entry.id,
            entry.operation,
            entry.check,
            entry.signature,
            reason if isinstance(reason, str) and reason else NO_REASON,
            entry.expires,
            count,
        )


@dataclass(frozen=True)
class BaselineOutcome:
    path: str
    new: list[EntryView]  # violations no entry covers: expired ones among them
    accepted: list[EntryView]
    fixed: list[EntryView]  # reached and not reproduced
    expired: list[EntryView]  # reproduced, but past their date: they failed the run
    recorded: int = 0  # entries --baseline-update added
    pruned: list[str] = field(default_factory=list)  # ids --baseline-prune dropped

    def tally(self) -> str:
        """ "3 new, 1 accepted, 0 fixed, 0 expired; 3 recorded": what the run found and wrote."""
        found = (
            f"{len(self.new)} new, {len(self.accepted)} accepted, {len(self.fixed)} fixed,"
            f" {len(self.expired)} expired"
        )
        written = [f"{self.recorded} recorded"] if self.recorded else []
        written += [f"{len(self.pruned)} pruned"] if self.pruned else []
        return "; ".join([found, ", ".join(written)]) if written else found


def load(path: Path) -> Baseline:
    if not path.is_file():
        raise BaselineFileError(
            f"baseline {path} does not exist; record one with --baseline-update"
        )
    try:
        return Baseline.load(path)
    except (OSError, ValueError) as error:
        raise BaselineFileError(f"baseline {path} cannot be read: {error}") from None


class BaselineLedger:
    """Applies a baseline file to one run (its hooks are the schema's, this run's only)."""

    def __init__(self, settings: BaselineSettings, today: date | None = None) -> None:
        self.settings = settings
        self.today = today or date.today()
        exists = settings.path.is_file()
        self.baseline = load(settings.path) if exists or not settings.update else Baseline([])
        self._by_partial: defaultdict[Partial, list[BaselineEntry]] = defaultdict(list)
        for entry in self.baseline.entries:
            self._by_partial[(entry.operation, entry.failure, entry.signature)].append(entry)
        self.accepted: Counter[str] = Counter()  # entry id -> violations it covered
        self.expired: dict[str, BaselineEntry] = {}
        self.new: dict[Identity, Failure] = {}
        self.reached: set[tuple[str, str]] = set()  # (operation, check) applied at least once
        self.stopped_early: set[str] = set()  # operations whose cases a new violation ended

    def attach(self, schema: BaseSchema) -> None:
        schema.hooks.register_hook_with_name(self.filter_failure, "filter_failure")
        schema.hooks.register_hook_with_name(self.after_validate, "after_validate")

    def covering(self, failure: Failure) -> BaselineEntry | None:
        """The entry that covers ``failure``, expired or not."""
        pin_place(failure)
        partial = (failure.operation or "", type(failure).__name__, failure._unique_key)
        checks = possible_checks(failure)
        return next(
            (entry for entry in self._by_partial.get(partial, ()) if entry.check in checks), None
        )

    def filter_failure(
        self, context: HookContext, failure: Failure, case: AnyCase, response: Response
    ) -> bool:
        entry = self.covering(failure)
        if entry is None:
            return True
        if entry.is_expired(self.today):
            self.expired[entry.id] = entry
            return True
        self.accepted[entry.id] += 1
        return False

    def after_validate(
        self, context: HookContext, case: AnyCase, response: Response, results: list[CheckResult]
    ) -> None:
        operation = case.operation.label
        for result in results:
            self.reached.add((operation, result.name))
            if result.failure is not None:
                self.new.setdefault(identity(result.failure, result.name), result.failure)
                self.stopped_early.add(operation)

    def fixed(self) -> list[BaselineEntry]:
        return [
            entry
            for entry in self.baseline.entries
            if (entry.operation, entry.check) in self.reached
            and entry.operation not in self.stopped_early
            and entry.id not in self.accepted
            and entry.id not in self.expired
        ]

    def finish(self, completed: bool) -> BaselineOutcome:
        """What the run showed; the file rewritten as asked, if the run went to its end."""
        entries = {entry.id: entry for entry in self.baseline.entries}
        fixed = self.fixed()
        recorded, pruned = 0, []
        if completed and (self.settings.update or self.settings.prune):
            if self.settings.prune:
                pruned = sorted(entry.id for entry in fixed)
                for entry_id in pruned:
                    del entries[entry_id]
            if self.settings.update:
                recorded = self._record(entries)
            self._save(list(entries.values()))
        return BaselineOutcome(
            path=str(self.settings.path),
            new=[self._new_view(identity_, failure) for identity_, failure in self.new.items()],
            accepted=[
                EntryView.of(entry, self.accepted[entry.id])
                for entry in self.baseline.entries
                if entry.id in self.accepted
            ],
            fixed=[EntryView.of(entry) for entry in fixed],
            expired=[EntryView.of(entry) for entry in self.expired.values()],
            recorded=recorded,
            pruned=pruned,
        )

    def _record(self, entries: dict[str, BaselineEntry]) -> int:
        today = self.today.isoformat()
        known = {entry.identity: entry for entry in entries.values()}
        for entry_id in self.accepted:
            if entry_id in entries:
                entries[entry_id].last_seen = today
        recorded = 0
        for (_, check, _, _), failure in self.new.items():
            # A response time flaps with the machine's load: an entry for it never settles.
            if not is_reproducible_failure(failure):
                continue
            entry = BaselineEntry.from_failure(failure, check=check)
            if entry.identity in known:
                # An expired entry stays as it is: it is renewed by editing its date.
                known[entry.identity].last_seen = today
                continue
            entry.first_seen = entry.last_seen = today
            entry.extra[REASON] = self.settings.reason or NO_REASON
            entries[entry.id] = entry
            known[entry.identity] = entry
            recorded += 1
        return recorded

    def _save(self, entries: list[BaselineEntry]) -> None:
        try:
            Baseline(entries=entries).save(self.settings.path)
        except OSError as error:
            raise BaselineFileError(
                f"baseline {self.settings.path} cannot be written: {error.strerror}"
            ) from None

    def _new_view(self, identity_: Identity, failure: Failure) -> EntryView:
        operation, check, _, signature = identity_
        covering = self.covering(failure)
        expired = covering is not None and covering.is_expired(self.today)
        return EntryView(
            covering.id if covering is not None and expired else "",
            operation,
            check,
            signature,
            f"expired on {covering.expires}" if covering is not None and expired else "",
            None,
        )

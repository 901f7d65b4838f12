"""Under plain ``st run``: remove, when the run ends, every credential its cases saved.

The suite removes what it saved itself (saved_credentials.py); ``st run`` has no
such step, and left behind every made-up credential a valid save stored. schemathesis has no
``after_run`` hook, but a class-based check has ``after_run``: called once when every
phase is done (not after Ctrl-C). This one records, from every answer, what the spec's
links say was saved (the same recording the suite uses), and at the end removes each
through Remove, with the run's own headers and within its rate limit. A credential
that could not be removed fails the check, by key (never a secret).

The suite turns this check off (run/schemathesis_schema.py): it removes at its own end,
also after a failure or Ctrl-C.
"""

from __future__ import annotations

from typing import Any

import requests
import schemathesis
from schemathesis import CheckContext, Response
from schemathesis.core.rate_limit import ratelimit

from contract_tests.http_parts import AnyCase
from contract_tests.saved_credentials import SavedCredentials

# schemathesis reads a true return value as "skipped": no answer is judged here.
NOT_APPLICABLE = True


@schemathesis.check
class NothingLeftBehind:
    """Every credential the run saved is removed when it ends."""

    def __init__(self) -> None:
        self.saved = SavedCredentials()
        self.base_url: str | None = None
        self.headers: dict[str, str] = {}
        self.auth: tuple[str, str] | None = None
        self.rate_limit: Any = None

    def after_response(self, ctx: CheckContext, response: Response, case: AnyCase) -> bool:
        # Idempotent, as schemathesis asks: a replayed answer records the same key again.
        self.saved.after_call(None, case, response)  # type: ignore[arg-type]
        if self.base_url is None:
            # The run's own settings: st run's --url, -H, --auth and rate limit.
            schema, operation = case.operation.schema, case.operation
            self.base_url = schema.get_base_url()
            self.headers = dict(schema.config.headers_for(operation=operation) or {})
            self.auth = schema.config.auth_for(operation=operation)
            self.rate_limit = schema.config.rate_limit_for(operation=operation)
        return NOT_APPLICABLE

    def after_run(self, ctx: CheckContext) -> None:
        if self.base_url is None or not self.saved.keys:
            return
        with PacedSession(self.rate_limit, self.base_url) as session:
            session.auth = self.auth
            cleanup = self.saved.remove_all(session, self.base_url, self.headers)
        if cleanup.not_removed:
            listed = "; ".join(f"{item.key} ({item.reason})" for item in cleanup.not_removed)
            raise AssertionError(
                f"{len(cleanup.not_removed)} of the {cleanup.saved} credentials the run saved"
                f" could not be removed: {listed}"
            )


class PacedSession(requests.Session):
    """Each request waits for its place in the run's rate limit: schemathesis' own limiter,
    as st run's cases use it (``rate-limit`` in schemathesis.toml, or --rate-limit)."""

    def __init__(self, limiter: Any, base_url: str) -> None:
        super().__init__()
        self.limiter = limiter
        self.base_url = base_url

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        ratelimit(self.limiter, self.base_url)
        return super().send(request, **kwargs)

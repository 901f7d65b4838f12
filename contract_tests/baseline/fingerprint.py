"""What makes two failures the same violation, for the baseline: one identity everywhere.

schemathesis identifies a failure by its operation, its check, its failure class and a
signature (``schemathesis.baseline.failure_identity``). For its built-in checks the
signature is a fact of the answer that does not depend on the random data: the status,
the schema keyword that failed, the media type. For a custom check, which raises a
plain AssertionError, the signature is the check's title and the *place* that raised
it: the file, as a path relative to the working directory when it lies below it and
absolute otherwise, and the line number. So the same violation would get another
identity when the suite runs from another folder or from an installed copy, and after
any edit above that line: a baseline would stop matching for reasons that have nothing
to do with the server.

The ``filter_failure`` hook below (loaded under ``st run`` and the suite alike, through
contract_tests.hooks) therefore pins that place to nothing: a custom check's violation
is identified by its operation and check alone, as schemathesis identifies many of its
own ("one finding per operation per failure class"). It keeps every failure.
"""

from __future__ import annotations

import re

import schemathesis
from schemathesis import HookContext, Response
from schemathesis.baseline import Identity, failure_identity
from schemathesis.core.failures import CustomFailure, Failure

from contract_tests.http_parts import AnyCase

# What a custom failure's place is pinned to.
NO_PLACE = ""
# schemathesis titles a custom check's failure "Custom check failed: `name`".
CUSTOM_TITLE = re.compile(r"`(?P<name>[^`]+)`")


def pin_place(failure: Failure) -> Failure:
    """``failure``, with a custom check's raising place no longer part of its identity."""
    if isinstance(failure, CustomFailure):
        failure.origin = NO_PLACE  # type: ignore[assignment]
    return failure


def identity(failure: Failure, check: str) -> Identity:
    """schemathesis' identity of ``failure`` raised by ``check``, with its place pinned."""
    return failure_identity(pin_place(failure), check)


def possible_checks(failure: Failure) -> frozenset[str]:
    """The checks that may have raised ``failure``: a filter_failure hook is not told which."""
    if isinstance(failure, CustomFailure):
        named = CUSTOM_TITLE.search(failure.title)
        return frozenset({named["name"]}) if named else frozenset()
    return frozenset(type(failure).checks)


@schemathesis.hook
def filter_failure(
    context: HookContext, failure: Failure, case: AnyCase, response: Response
) -> bool:
    pin_place(failure)
    return True

"""The fuzz (tests/reliability/fuzz_run.py): short here, as CI can afford it; long with
`nox -s fuzz`, which runs this same test with more cases and a random seed.

One run of the contract suite under pytest-xdist against a reference server
subprocess: several hundred cases, positive and negative, every media type; no 5xx, no
secret in the server's log, no SecretValue in clear in the database.

Guards proven by removing them (by hand, once):
- AES-GCM sealing (SecretBox.seal returning the plaintext): the SecretValue sent was
  found in clear in the database (test_crash_durability fails too: export refuses).
- an access log without headers (planted: AccessLog also logging the request headers):
  the Authorization credentials, the XSRF token and the app token were found in the log.
- a server that never answers 5xx (planted: the endpoint raising whenever $select is
  given, which CatchAll answers 500): the suite failed and the access log showed the 500.
- tokens passed as `--option=VALUE` in fuzz_run.py (planted: `--xsrf-token VALUE`
  again): the suite ends in a usage error, with every token beginning with "-" as this
  test makes them.
"""

from __future__ import annotations

import secrets
import struct
from pathlib import Path

import pytest
from execnet import gateway_base

from tests import worker_summaries
from tests.reliability import fuzz_workers
from tests.reliability.fuzz_run import FUZZ_MAX_EXAMPLES, FUZZ_REPORTS_DIR, FUZZ_SEED, run_fuzz
from tests.reliability.fuzz_traffic import MEDIA_TYPES

# Fixed, so CI sends the same cases every time.
SEED = 20261128
MAX_EXAMPLES = 10
# Fewer would mean the run broke off early; the short run sends about 650.
MIN_DISTINCT_CASES = 300
# pytest-xdist workers of the suite: its two test items (the stateless phases and the
# stateful one) each get one.
WORKERS = 2


@pytest.mark.slow
def test_fuzz_finds_no_5xx_and_no_leak(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pytestconfig: pytest.Config
) -> None:
    # Every random token begins with "-", as one in 64 does: given to a command line as
    # a word of its own, argparse took it for an option and the run never started.
    token_urlsafe = secrets.token_urlsafe
    monkeypatch.setattr(secrets, "token_urlsafe", lambda size=None: "-" + token_urlsafe(size))
    directory = pytestconfig.getoption(FUZZ_REPORTS_DIR) or tmp_path
    directory.mkdir(parents=True, exist_ok=True)

    result = run_fuzz(
        directory,
        pytestconfig.getoption(FUZZ_SEED) or SEED,
        pytestconfig.getoption(FUZZ_MAX_EXAMPLES) or MAX_EXAMPLES,
        WORKERS,
        MIN_DISTINCT_CASES,
    )
    worker_summaries.add(pytestconfig, "fuzz", result.summary())

    assert result.problems() == [], result.summary()
    assert set(MEDIA_TYPES) <= set(result.cases_by_media_type)
    assert result.looked_for[1] >= len(MEDIA_TYPES)  # at least the canaries


@pytest.mark.parametrize("value", [-(2**31) - 1, -(2**63), 2**31, -(2**31), 0, 2**70])
def test_the_workers_pass_any_integer_to_the_controller(
    monkeypatch: pytest.MonkeyPatch, value: int
) -> None:
    monkeypatch.setattr(gateway_base._Serializer, "_save_integral", fuzz_workers.save_integral)
    assert gateway_base.loads_internal(gateway_base.dumps_internal({"new_value": value})) == {
        "new_value": value
    }


def test_execnet_still_needs_the_workaround() -> None:
    # When execnet carries such an integer itself, this fails: drop save_integral then.
    with pytest.raises(struct.error):
        gateway_base.dumps_internal(-(2**31) - 1)

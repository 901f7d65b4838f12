"""What schemathesis loads for this project: the custom checks and the case filters.

schemathesis.toml names this module (``hooks = "contract_tests.hooks"``), so plain
``st run`` and the pytest suite register the same extensions by importing it. It also
starts the process's run (contract_tests.run_state): under ``st run`` the only one,
under pytest replaced by the one conftest.py starts from the suite's options.
"""

# Imported first, so its filter is the first to run: the order every run has had so far.
# It therefore also counts, as sent, a case that a later filter leaves out.
from contract_tests.cases import budget  # isort: skip
from contract_tests import run_state
from contract_tests.baseline import fingerprint
from contract_tests.cases import accept_negotiation, framing_headers, lossy_encodings
from contract_tests.checks import nothing_left_behind, responses, xml_answers

__all__ = [
    "accept_negotiation",
    "budget",
    "fingerprint",
    "framing_headers",
    "lossy_encodings",
    "nothing_left_behind",
    "responses",
    "start_run",
    "xml_answers",
]


def start_run(thorough: bool) -> run_state.RunState:
    """A fresh run, made the process's own: nothing counted yet."""
    return run_state.start(run_state.RunState(budget.Budget(thorough)))


# `st run` has none of the suite's options: its run reads its switches from the environment.
start_run(budget.thorough_from_environment())

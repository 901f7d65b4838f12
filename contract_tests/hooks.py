"""What schemathesis loads for this project: the custom checks and the case filters.

schemathesis.toml names this module (``hooks = "contract_tests.hooks"``), so plain
``st run`` and the pytest suite register the same extensions by importing it.
"""

# Imported first, so its filter is the first to run: the order every run has had so far
# (the read-back imports it, and was imported before the other filters). It therefore
# also counts, as sent, a case that a later filter leaves out.
from contract_tests.cases import budget  # isort: skip
from contract_tests.cases import accept_negotiation, framing_headers, lossy_encodings
from contract_tests.checks import responses
from contract_tests.effects import checks as read_back_checks

__all__ = [
    "accept_negotiation",
    "budget",
    "framing_headers",
    "lossy_encodings",
    "read_back_checks",
    "responses",
]

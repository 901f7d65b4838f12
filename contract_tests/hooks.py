"""What schemathesis loads for this project: the custom checks and the case filters.

schemathesis.toml names this module (``hooks = "contract_tests.hooks"``), so plain
``st run`` and the pytest suite register the same extensions by importing it.
"""

# Imported first, so its filter is the first to run: the order every run has had so far.
# It therefore also counts, as sent, a case that a later filter leaves out.
from contract_tests.cases import budget  # isort: skip
from contract_tests.cases import accept_negotiation, framing_headers, lossy_encodings
from contract_tests.checks import responses, xml_answers

__all__ = [
    "accept_negotiation",
    "budget",
    "framing_headers",
    "lossy_encodings",
    "responses",
    "xml_answers",
]

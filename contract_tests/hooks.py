"""What schemathesis loads for this project: the custom checks and the case filters.

schemathesis.toml names this module (``hooks = "contract_tests.hooks"``), so plain
``st run`` and the pytest suite register the same extensions by importing it.
"""

from contract_tests import (
    accept_negotiation,
    checks,
    framing_headers,
    lossy_encodings,
    xml_answers,
)

# Imported last, so its filter runs last and counts only cases the others let through.
from contract_tests import budget  # isort: skip

__all__ = [
    "accept_negotiation",
    "budget",
    "checks",
    "framing_headers",
    "lossy_encodings",
    "xml_answers",
]

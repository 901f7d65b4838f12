"""What schemathesis loads for this project: the custom checks and the XML/form case filter.

schemathesis.toml names this module (``hooks = "contract_tests.hooks"``), so plain
``st run`` and the pytest suite register the same extensions by importing it.
"""

from contract_tests import checks, lossy_encodings

__all__ = ["checks", "lossy_encodings"]

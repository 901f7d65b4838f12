"""``python -m contract_tests``: the same as ``superoffice-contract``."""

import sys

from contract_tests.cli.command import main

sys.exit(main())

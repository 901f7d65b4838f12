"""The contract suite: property-based conformance checks of any server against the spec.

Run it with ``pytest contract_tests --target-url URL --authorization VALUE``; with no
target URL it starts the reference server itself. ``conftest.py`` wires the options,
the target and the schema; ``test_contract.py`` is the one schemathesis test.
"""

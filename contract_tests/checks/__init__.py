"""Checks of single answers that the built-in schemathesis checks miss on this endpoint.

Loaded by ``st run`` too (through contract_tests.hooks), so nothing here imports pytest.
"""

"""schemathesis case hooks: which generated cases are sent, and what each carries.

Loaded by ``st run`` too (through contract_tests.hooks), so nothing here imports pytest.
"""

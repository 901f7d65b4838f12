"""What an accepted save did on the server: the read-back, its comparison and its checks.

Loaded by ``st run`` too (through contract_tests.hooks), so nothing here imports pytest.
"""

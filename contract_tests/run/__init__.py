"""One run of the pytest suite: its options, the target, the session and the clean-up.

Only conftest.py and the test modules use this package; what ``st run`` loads
(contract_tests.hooks) does not import it, since the options here are pytest's.
"""

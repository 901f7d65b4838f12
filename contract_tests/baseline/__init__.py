"""The baseline: violations a team has accepted, each with a reason and an optional expiry.

The file is schemathesis' own baseline file (``schemathesis.baseline``, format version 1),
so ``st run --baseline FILE`` and the suite read and write the same one. ``fingerprint``
makes the identity of a failure of the suite's own checks independent of where the
run was started and of line numbers (schemathesis' own is not); ``ledger`` applies the
file to one run of the suite.
"""

"""Tests of generator/: what it is given, what it writes, and its change report."""

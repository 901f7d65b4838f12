"""Benchmarks: how fast each part is, as ratios against a baseline run alongside it.

``python -m benchmarks`` (or ``nox -s bench``) runs P1 to P6, prints a table and writes
the same figures as JSON. What each one measures, its target and the latest figures:
docs/benchmarks.md.
"""

"""Tests of contract_tests/: a clean server it must pass, planted faults it must catch."""

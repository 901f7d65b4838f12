"""Tests of the contract suite itself: planted faults it must catch, a clean server it must pass."""

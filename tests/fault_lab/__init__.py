"""Tests of fault_lab/: each planted fault breaks what it says, and only that."""

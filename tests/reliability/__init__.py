"""Reliability and security under crashes, concurrency, hostile input, fuzzing and auth probes."""

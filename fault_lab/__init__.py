"""The proof that the contract suite works: planted faults, and the runner that aims it at them.

- The planted-fault catalogue: ``faults.py`` (wrong answers) and ``read_back_faults.py``
  (wrong effects, and conformant variations that must pass), each an ASGI wrapper
  around the reference server (``intercept.py``, ``store_access.py``), served by
  ``fault_servers.py``; ``stand_in.py`` is a minimal in-process server for single checks.
- The runner: ``suite_run.py`` runs ``pytest contract_tests`` as a user does;
  ``batch.py`` runs it against every fault and variation and builds the kill matrix;
  ``shared_runs.py`` makes such runs once per test session, spread over the
  pytest-xdist workers.
- Readers of what a run left behind: ``sent_traffic.py`` (its HAR file),
  ``stored_rows.py`` (the server's store), ``request_log.py`` (connections and cookies),
  ``browser.py`` (its HTML report in headless Chromium).

The tests and the benchmarks import it alike.
"""

"""The proof that the contract suite works: planted faults, and the runner that aims it at them.

- The planted-fault catalogue: ``faults.py`` (wrong answers, and the whole catalogue),
  ``read_back_faults.py`` (wrong effects, and conformant variations that must pass),
  ``model_faults.py`` and ``own_view_faults.py`` (what only the model phase sees) and
  ``create_default_variations.py``; each an ASGI wrapper around the reference server
  (``intercept.py``, ``wire.py``, ``store_access.py``), served by ``fault_servers.py``.
  ``model_harness.py`` runs the model phase in-process against one of them, for a
  test per check.
- The runner: ``suite_run.py`` runs ``pytest contract_tests`` as a user does;
  ``batch.py`` runs it against every fault and variation and builds the kill matrix;
  ``shared_runs.py`` makes such runs once per test session, spread over the
  pytest-xdist workers.
- Readers of what a run left behind: ``sent_traffic.py`` (its HAR file),
  ``stored_rows.py`` (the server's store), ``request_log.py`` (connections and cookies),
  ``browser.py`` (its HTML report in headless Chromium).

The tests and the benchmarks import it alike.
"""

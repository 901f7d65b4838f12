"""The contract suite: property-based conformance checks of any server against the spec.

Run it with ``superoffice-contract`` (``cli/``; credentials from CONTRACT_AUTHORIZATION or
--credentials-file); with no target URL it starts the reference server itself. Its
parts, by role:

- ``facts/``: what the suite knows of the contract, read from the spec;
- ``cases/``: case hooks that choose and shape the cases sent;
- ``checks/``: checks of single answers; ``baseline/``: the accepted deviations;
- ``model/``: the model-based phase: Save, Get and Remove against a model of the store;
- ``hooks.py``: what schemathesis loads, under ``st run`` and under pytest alike (it
  imports no pytest); ``run_state.py``: what one run remembers, one object per run;
- ``run/``: one pytest run (options, its record from start to verdict, target,
  session, report folders);
  ``report/``: its tallies, verdict and end record, the summary and ``report.html``;
- ``conftest.py`` wires the pytest run; ``test_contract.py`` runs the examples,
  coverage and fuzzing phases, one test per operation, ``test_stateful.py`` the
  stateful one and ``test_model.py`` the model-based one.
"""

"""The project's own tests. The tree follows the code's: the tests of ``X/y.py`` are in
``tests/X/test_y.py`` (``tests/openapi/`` for the spec, ``tests/noxfile/`` for the nox
sessions); ``tests/reliability/`` holds the crash, concurrency, hostile-input and fuzz
tests of the reference server. Helpers live in importable modules, conftest.py files
hold fixtures only, and the planted faults and the suite runner are ``fault_lab/``."""

"""The reference server: a real, conformant implementation of every operation of the spec.

Start it with ``python -m reference_server --database PATH``; build the ASGI app with
``reference_server.app.create_app``; run it from tests with ``reference_server.launcher``.
"""

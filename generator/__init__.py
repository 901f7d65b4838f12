"""Generate ``generated_client/`` from ``openapi/openapi.yaml`` with openapi-python-client.

``python -m generator`` regenerates in place; ``python -m generator --check`` regenerates
into a temporary folder and prints a unified diff when the committed client differs.
"""

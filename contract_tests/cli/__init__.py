"""``superoffice-contract`` (and ``python -m contract_tests``): the suite as one command."""

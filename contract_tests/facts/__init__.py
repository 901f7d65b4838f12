"""What the suite knows about the contract, read from the spec through spec_loader."""

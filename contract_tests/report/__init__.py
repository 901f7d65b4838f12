"""What a run reports: tallies of cases and checks, report folders and the end summary."""

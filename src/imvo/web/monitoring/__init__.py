"""The monitoring workspace: a population of companies measured in rounds (issue 6)."""

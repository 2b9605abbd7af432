"""The governed gateway: every read of citizen-level data is parsed, checked, rewritten by policy, run on a
locked-down engine and written to a verifiable audit log."""

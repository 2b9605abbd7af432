"""The ``ukimet`` command line."""

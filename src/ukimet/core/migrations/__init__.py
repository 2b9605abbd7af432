"""Alembic's scripts for the metadata store's schema: ``env.py`` and one module per revision in ``versions/``.
Write a new revision for every change to core.metadata's tables (``alembic revision`` with
``script_location`` pointing here, or by hand after the last one) and move ``core.migrate.HEAD`` to it."""

"""Alembic's environment for ukimet: always online, on the connection core.migrate hands over, so that the
upgrade and the check before it happen in one transaction. SQLite tables are altered in batch mode (copy and
move), which SQLite needs for most changes."""

from alembic import context

from ukimet.core.metadata import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()

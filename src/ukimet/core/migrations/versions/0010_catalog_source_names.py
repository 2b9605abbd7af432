"""A table's name in its source beside its store name (``catalog_tables.source_table``, when they differ), so that
a table keeps its store name from sync to sync: a PostgreSQL table ``people`` stored as ``people_2`` beside
``"People"`` stays ``people_2`` after ``"People"`` is dropped, instead of taking the name that still holds
``"People"``'s data. Catalogues made before it are named as they were derived, which is what they hold.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("catalog_tables") as table:
        table.add_column(sa.Column("source_table", sa.String(256), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("catalog_tables") as table:
        table.drop_column("source_table")

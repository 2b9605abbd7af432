"""What a source's table is called in each language: ``table_titles`` (source, table_name, titles), titles a JSON
object from language code (kk, ru, en) to the table's name as readers know it ("Прикреплённое население" for
health.patients). Kept apart from the catalogue, which a refresh rewrites; pages show a table without one by its
name in the store, as before.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "table_titles",
        sa.Column("source", sa.String(64), primary_key=True),
        sa.Column("table_name", sa.String(256), primary_key=True),
        sa.Column("titles", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("table_titles")

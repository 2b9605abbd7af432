"""What an organisation is called in each language: ``organisations`` (name, titles), where name is the
organisation as accounts and audit entries record it ("Akimat of Shymkent") and titles a JSON object from
language code (kk, ru, en) to its name as readers know it. Pages show an organisation without one as recorded.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("name", sa.String(256), primary_key=True),
        sa.Column("titles", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("organisations")

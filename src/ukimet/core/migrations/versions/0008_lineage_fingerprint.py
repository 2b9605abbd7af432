"""What a source's table was when it was synced (``lineage.fingerprint``: for a file, a hash of its bytes), so
that a sync reads a table again only when it changed.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("lineage") as table:
        table.add_column(sa.Column("fingerprint", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("lineage") as table:
        table.drop_column("fingerprint")
